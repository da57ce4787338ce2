package io.prod2test.runner.scenario;

import java.util.List;

/**
 * What a step's response must be.
 *
 * @param status  the HTTP status
 * @param headers checks on response headers (names compared ignoring case)
 * @param body    checks on body fields, by JSON pointer; fields not listed are not compared
 */
public record Expectation(int status, List<FieldCheck> headers, List<FieldCheck> body) {
    public Expectation {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an expected status must be 100-599, was " + status);
        }
        headers = List.copyOf(headers == null ? List.of() : headers);
        body = List.copyOf(body == null ? List.of() : body);
        for (FieldCheck h : headers) {
            if (h.rule() instanceof Rule.ArrayOf) {
                throw new IllegalArgumentException("header '" + h.locator() + "' cannot be checked as an array");
            }
        }
    }

    /** Only the status. */
    public static Expectation status(int status) {
        return new Expectation(status, List.of(), List.of());
    }
}

package io.prod2test.report.traffic;

import java.time.Instant;
import java.util.Objects;

/**
 * One masked exchange as a charter or the report quotes it: what was sent and what came back.
 *
 * @param id           the exchange id in the store
 * @param ts           when it happened
 * @param service      the service that answered, or {@code null} when the logs did not say
 * @param method       the HTTP method
 * @param path         the concrete path, e.g. {@code /orders/812/payments}
 * @param query        the query string without {@code ?}, empty when none
 * @param requestBody  the request body as compact JSON text, empty when none
 * @param status       the HTTP status of the answer
 * @param responseBody the response body as compact JSON text, empty when none
 * @param sessionKey   the masked session key, or {@code null}
 * @param durationMs   how long it took, or {@code null}
 */
public record Sample(long id, Instant ts, String service, String method, String path, String query, String requestBody,
                     int status, String responseBody, String sessionKey, Long durationMs) {
    public Sample {
        Objects.requireNonNull(ts, "a sample has a time");
        Objects.requireNonNull(method, "a sample has a method");
        Objects.requireNonNull(path, "a sample has a path");
        query = query == null ? "" : query;
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599, was " + status);
        }
    }

    /** {@code POST /orders/812/payments?expand=card}: the request line a tester types. */
    public String requestLine() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}

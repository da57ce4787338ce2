package io.prod2test.analyse;

import java.util.Objects;

/**
 * A route of the analysed traffic: one row of the store's {@code routes} table.
 *
 * @param id       the store's route id
 * @param service  the service that answers it, or {@code null} when the logs did not say
 * @param method   the HTTP method, upper case
 * @param template the path template, e.g. {@code /orders/{id}/refunds}
 */
public record Route(long id, String service, String method, String template) {
    public Route {
        if (id < 1) {
            throw new IllegalArgumentException("a route id is 1 or more, was " + id);
        }
        Objects.requireNonNull(method, "a route has a method");
        Objects.requireNonNull(template, "a route has a template");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/', was '" + template + "'");
        }
    }

    /** {@code POST /orders/{id}/refunds}: how SPEC §2 names a route. */
    public String label() {
        return method + " " + template;
    }
}

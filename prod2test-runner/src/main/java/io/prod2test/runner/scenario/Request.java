package io.prod2test.runner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request of a step. Any string in the path, query values, header values or body may hold
 * {@code ${name}} references to earlier captures.
 *
 * @param method   the HTTP method, upper case
 * @param path     the path from the base URL, starting with {@code /}, without the query
 * @param query    query parameters in order, each with its values
 * @param headers  request headers in order (names as written)
 * @param body     a JSON body, sent as {@code application/json} unless a content-type header says
 *                 otherwise; null for none
 * @param bodyText a body sent as this exact text (for requests whose body is not JSON); null for none
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                      JsonNode body, String bodyText) {
    public Request {
        Checks.requireText(method, "a request's method");
        if (!method.equals(method.toUpperCase(Locale.ROOT)) || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("a request's method must be upper-case letters such as GET or POST, was '" + method + "'");
        }
        if (path == null || !path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("a request's path must start with / and hold no query (put it under query), was '" + path + "'");
        }
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((k, v) -> q.put(Checks.requireText(k, "a query parameter name"), List.copyOf(v)));
        }
        query = Collections.unmodifiableMap(q);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        if (body != null && bodyText != null) {
            throw new IllegalArgumentException("a request has either a JSON body or a bodyText, not both");
        }
        body = body == null ? null : body.deepCopy();
    }

    /** A request without query, headers or body. */
    public static Request of(String method, String path) {
        return new Request(method, path, Map.of(), Map.of(), null, null);
    }

    /** A copy of the JSON body (null when there is none): the record stays immutable. */
    @Override
    public JsonNode body() {
        return body == null ? null : body.deepCopy();
    }

    /** This request with a JSON body. */
    public Request withBody(JsonNode newBody) {
        return new Request(method, path, query, headers, newBody, null);
    }

    /** This request with one more header. */
    public Request withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Request(method, path, query, h, body, bodyText);
    }

    /** This request with one more query parameter value. */
    public Request withQuery(String name, String value) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.merge(name, List.of(value), (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return both;
        });
        return new Request(method, path, q, headers, body, bodyText);
    }
}

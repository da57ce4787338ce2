package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One masked exchange of a session as the store holds it, what a scenario step is made from.
 *
 * @param id              the store's exchange id
 * @param service         the service that answered, or null when the log did not say
 * @param route           the route label, e.g. {@code POST /carts/{id}/items}
 * @param method          the HTTP method, upper case
 * @param path            the path without query
 * @param query           query parameters in order
 * @param requestHeaders  request headers, names lower case
 * @param requestBody     the JSON request body, or null
 * @param status          the HTTP status answered
 * @param responseHeaders response headers, names lower case
 * @param responseBody    the JSON response body, or null
 * @param startMillis     when the request arrived, epoch milliseconds
 * @param durationMillis  how long the answer took, 0 when the log did not say
 */
public record SessionExchange(long id, String service, String route, String method, String path, Map<String, List<String>> query,
                              Map<String, String> requestHeaders, JsonNode requestBody, int status,
                              Map<String, String> responseHeaders, JsonNode responseBody, long startMillis, long durationMillis) {
    public SessionExchange {
        Objects.requireNonNull(route, "an exchange has a route label");
        Objects.requireNonNull(method, "an exchange has a method");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("an exchange's path starts with '/', was '" + path + "'");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an exchange's status is 100-599, was " + status);
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
        requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders == null ? Map.of() : requestHeaders));
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders == null ? Map.of() : responseHeaders));
        requestBody = requestBody == null ? null : requestBody.deepCopy();
        responseBody = responseBody == null ? null : responseBody.deepCopy();
        if (durationMillis < 0) {
            throw new IllegalArgumentException("an exchange's duration is 0 or more, was " + durationMillis);
        }
    }

    /** This exchange with another request body (a published test card put back, say). */
    public SessionExchange withRequestBody(JsonNode body) {
        return new SessionExchange(id, service, route, method, path, query, requestHeaders, body, status, responseHeaders, responseBody,
                startMillis, durationMillis);
    }

    /** This exchange with another answer. */
    public SessionExchange withResponse(int newStatus, JsonNode body) {
        return new SessionExchange(id, service, route, method, path, query, requestHeaders, requestBody, newStatus, responseHeaders, body,
                startMillis, durationMillis);
    }

    /**
     * This exchange with keys renamed wherever they appear: path, query, headers and bodies (inside
     * longer texts too, such as a Location header). Keys are long random strings, so a key never
     * stands inside an unrelated text by chance.
     */
    public SessionExchange renamed(Map<String, String> keys) {
        if (keys.isEmpty()) {
            return this;
        }
        java.util.function.UnaryOperator<String> text = t -> {
            if (t == null) {
                return null;
            }
            String out = t;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                out = out.replace(key.getKey(), key.getValue());
            }
            return out;
        };
        Map<String, List<String>> newQuery = new LinkedHashMap<>();
        query.forEach((name, values) -> newQuery.put(name, values.stream().map(text).toList()));
        Map<String, String> newRequestHeaders = new LinkedHashMap<>();
        requestHeaders.forEach((name, value) -> newRequestHeaders.put(name, text.apply(value)));
        Map<String, String> newResponseHeaders = new LinkedHashMap<>();
        responseHeaders.forEach((name, value) -> newResponseHeaders.put(name, text.apply(value)));
        return new SessionExchange(id, service, route, method, text.apply(path), newQuery, newRequestHeaders, renamed(requestBody, text),
                status, newResponseHeaders, renamed(responseBody, text), startMillis, durationMillis);
    }

    private static JsonNode renamed(JsonNode node, java.util.function.UnaryOperator<String> text) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text.apply(node.asText()));
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set(text.apply(e.getKey()), renamed(e.getValue(), text)));
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(renamed(child, text)));
            return out;
        }
        return node;
    }

    /** The route and status, what makes two sessions' steps comparable. */
    public String signature() {
        return route + " " + status;
    }
}

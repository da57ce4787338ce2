package io.prod2test.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request and its response, in the canonical shape of SPEC §3. Every log format is read
 * into this; every sample service writes it.
 *
 * <p>Fields a source lacks stay {@code null} and are left out of the JSON. Header names are kept
 * in lower case (HTTP header names are case-insensitive, and a single spelling makes rules and
 * queries simple); a header seen several times is joined with {@code ", "} as RFC 9110 allows.
 * Bodies are JSON when the payload was JSON, otherwise a JSON string holding the text.
 *
 * @param ts              when the request arrived (required)
 * @param service         the service that answered it
 * @param method          the HTTP method, upper case (required)
 * @param path            the request path without query string, starting with {@code /} (required)
 * @param query           query parameters, each with all its values in order
 * @param requestHeaders  request headers, names in lower case
 * @param requestBody     the request body
 * @param status          the response status, 100–599 (required)
 * @param responseHeaders response headers, names in lower case
 * @param responseBody    the response body
 * @param durationMs      time from request to response in milliseconds, not negative
 * @param sessionId       the client session this exchange belongs to, where the source knows it
 * @param userId          the authenticated user, where the source knows it
 * @param traceId         the W3C trace id (32 hex digits) that ties service-to-service calls together
 * @param clientIp        the client's IP address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ts", "service", "method", "path", "query", "requestHeaders", "requestBody", "status",
    "responseHeaders", "responseBody", "durationMs", "sessionId", "userId", "traceId", "clientIp"})
public record Exchange(
        Instant ts,
        String service,
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> requestHeaders,
        JsonNode requestBody,
        int status,
        Map<String, String> responseHeaders,
        JsonNode responseBody,
        Long durationMs,
        String sessionId,
        String userId,
        String traceId,
        String clientIp) {

    public Exchange {
        if (ts == null) {
            throw new IllegalArgumentException("ts is required: an exchange must say when it happened");
        }
        if (method == null || method.isBlank() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("method must be an upper-case HTTP method token, was '" + method + "'");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status between 100 and 599, was " + status);
        }
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative, was " + durationMs);
        }
        query = query == null ? null : copyQuery(query);
        requestHeaders = requestHeaders == null ? null : lowerCaseKeys(requestHeaders);
        responseHeaders = responseHeaders == null ? null : lowerCaseKeys(responseHeaders);
    }

    /** Starts a builder for the three required request fields; status defaults to 200. */
    public static Builder builder(Instant ts, String method, String path) {
        return new Builder(ts, method, path);
    }

    /** A builder that keeps every field, for changing one or two (masking does this). */
    public Builder toBuilder() {
        return new Builder(ts, method, path).service(service).query(query).requestHeaders(requestHeaders)
                .requestBody(requestBody).status(status).responseHeaders(responseHeaders)
                .responseBody(responseBody).durationMs(durationMs).sessionId(sessionId).userId(userId)
                .traceId(traceId).clientIp(clientIp);
    }

    private static Map<String, List<String>> copyQuery(Map<String, List<String>> query) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((name, values) -> copy.put(name, values == null ? List.of() : List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.merge(name.toLowerCase(Locale.ROOT), value == null ? "" : value,
                (a, b) -> a + ", " + b));
        return Collections.unmodifiableMap(copy);
    }

    /** Fluent construction; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private Instant ts;
        private String service;
        private String method;
        private String path;
        private Map<String, List<String>> query;
        private Map<String, String> requestHeaders;
        private JsonNode requestBody;
        private int status = 200;
        private Map<String, String> responseHeaders;
        private JsonNode responseBody;
        private Long durationMs;
        private String sessionId;
        private String userId;
        private String traceId;
        private String clientIp;

        private Builder(Instant ts, String method, String path) {
            this.ts = ts;
            this.method = method;
            this.path = path;
        }

        public Builder ts(Instant value) { this.ts = value; return this; }
        public Builder method(String value) { this.method = value; return this; }
        public Builder path(String value) { this.path = value; return this; }
        public Builder service(String value) { this.service = value; return this; }
        public Builder query(Map<String, List<String>> value) { this.query = value; return this; }
        public Builder requestHeaders(Map<String, String> value) { this.requestHeaders = value; return this; }
        public Builder requestBody(JsonNode value) { this.requestBody = value; return this; }
        public Builder status(int value) { this.status = value; return this; }
        public Builder responseHeaders(Map<String, String> value) { this.responseHeaders = value; return this; }
        public Builder responseBody(JsonNode value) { this.responseBody = value; return this; }
        public Builder durationMs(Long value) { this.durationMs = value; return this; }
        public Builder sessionId(String value) { this.sessionId = value; return this; }
        public Builder userId(String value) { this.userId = value; return this; }
        public Builder traceId(String value) { this.traceId = value; return this; }
        public Builder clientIp(String value) { this.clientIp = value; return this; }

        public Exchange build() {
            return new Exchange(ts, service, method, path, query, requestHeaders, requestBody, status,
                    responseHeaders, responseBody, durationMs, sessionId, userId, traceId, clientIp);
        }
    }
}

package io.prod2test.core.ingest.format;

import java.time.Instant;

/**
 * A call a service made while answering an exchange (an OpenTelemetry HTTP client span inside a
 * server span): service-to-service traffic, kept with the exchange that caused it.
 *
 * @param ts         when the call started
 * @param method     HTTP method, upper case
 * @param url        the full URL called, or host + path when that is all the span has
 * @param status     the response status, or 0 when the call got no response
 * @param durationMs how long it took
 * @param spanId     the client span's id (16 hex digits)
 * @param peerService the service called, when the span names it ({@code peer.service}, {@code server.address})
 */
public record DownstreamCall(Instant ts, String method, String url, int status, Long durationMs, String spanId, String peerService) {
    public DownstreamCall {
        if (ts == null || method == null || method.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("a downstream call has a start time, a method and a URL");
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 (no response) or 100-599, was " + status);
        }
    }
}

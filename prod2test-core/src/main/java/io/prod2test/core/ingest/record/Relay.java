package io.prod2test.core.ingest.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one exchange from the listening server to the upstream and back, capturing what the log
 * needs on the way, and hands the finished exchange to the recorder.
 *
 * <p>Nothing here logs a path, a query, a header or a body: they may hold personal data, and the
 * tool's own logs must not (SPEC §1). Messages name the upstream and the kind of failure only.
 */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final int BUFFER = 16 * 1024;

    private final HttpClient client;
    private final String upstreamBase;
    private final String upstreamOrigin;
    private final String service;
    private final int bodyLimit;
    private final Consumer<Supplier<Exchange>> recorder;

    /**
     * @param recorder takes each finished exchange; a supplier so that a request the canonical
     *                 shape cannot hold (a method like {@code M-SEARCH}) fails there, not here
     */
    Relay(HttpClient client, URI upstream, String service, int bodyLimit, Consumer<Supplier<Exchange>> recorder) {
        this.client = client;
        this.upstreamOrigin = upstream.getScheme() + "://" + upstream.getRawAuthority();
        String prefix = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        this.upstreamBase = upstreamOrigin + prefix;
        this.service = service;
        this.bodyLimit = bodyLimit;
        this.recorder = recorder;
    }

    /** What the proxy knows of the request, enough to make the exchange whatever the response. */
    private record Draft(Instant ts, long startedNanos, String method, String path, String rawQuery,
            Map<String, String> headers, BodyCapture body, long declaredLength, String contentType,
            String contentEncoding, List<String> cookies, String traceparent, String authorization, String clientIp) {
    }

    /**
     * Relays the exchange and closes it.
     *
     * @return {@code false} when the response was cut off part way: the caller must then drop the
     *         connection rather than finish the response, so the client does not take a partial
     *         body for a whole one
     */
    boolean relay(HttpExchange exchange) throws IOException {
        Instant ts = Instant.now();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        URI target = exchange.getRequestURI();
        String rawPath = target.getRawPath();
        String rawQuery = target.getRawQuery();
        String remote = remoteAddress(exchange);
        Headers request = exchange.getRequestHeaders();
        HopByHop hop = HopByHop.of(request.get("Connection"));
        if (hop.connectionHas("close")) {
            // The JDK server honours only a bare "Connection: close"; this makes it close after
            // the response for "close, x-foo" too, as the client asked.
            exchange.getResponseHeaders().set("Connection", "close");
        }

        // Logged: what the upstream received (end-to-end headers and x-forwarded-for), not the
        // connection-level headers between client and proxy. Sorted, for a stable line.
        Map<String, String> logged = new TreeMap<>();
        List<String[]> forwarded = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : request.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // expect: the JDK server already answered 100-continue, and the JDK client refuses to send it.
            if (hop.drops(name) || name.equals("expect") || name.equals("x-forwarded-for")) {
                continue;
            }
            logged.put(name, join(name, header.getValue()));
            if (!name.equals("content-length")) { // the body publisher states the length
                for (String value : header.getValue()) {
                    forwarded.add(new String[] {name, value});
                }
            }
        }
        List<String> priorHops = request.get("X-Forwarded-For");
        String forwardedFor = priorHops == null || priorHops.isEmpty() ? remote : String.join(", ", priorHops) + ", " + remote;
        forwarded.add(new String[] {"x-forwarded-for", forwardedFor});
        logged.put("x-forwarded-for", forwardedFor);

        long declaredLength = contentLength(request.getFirst("Content-Length"));
        BodyCapture requestBody = new BodyCapture(bodyLimit);
        Draft draft = new Draft(ts, started, method, rawPath, rawQuery, logged, requestBody, declaredLength,
                request.getFirst("Content-Type"), request.getFirst("Content-Encoding"), request.get("Cookie"),
                request.getFirst("traceparent"), request.getFirst("Authorization"),
                Correlation.clientIp(priorHops, remote));

        if (rawPath == null || !rawPath.startsWith("/")) {
            // "OPTIONS *" or an authority form: nothing a service behind a reverse proxy answers.
            return answer(exchange, null, 400, "bad request", "the recording proxy forwards requests for a path starting with '/'");
        }

        URI upstreamUri;
        try {
            upstreamUri = URI.create(upstreamBase + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        } catch (IllegalArgumentException e) {
            return answer(exchange, draft, 400, "bad request", "the request target is not a valid URI");
        }

        HttpRequest.Builder builder = HttpRequest.newBuilder(upstreamUri).expectContinue(false);
        try {
            builder.method(method, publisher(exchange.getRequestBody(), request, declaredLength, requestBody));
        } catch (IllegalArgumentException e) {
            return method.equalsIgnoreCase("CONNECT")
                    ? answer(exchange, draft, 405, "method not allowed", "the recording proxy does not tunnel CONNECT")
                    : answer(exchange, draft, 400, "bad request", "the recording proxy cannot forward this method");
        }
        for (String[] header : forwarded) {
            try {
                builder.header(header[0], header[1]);
            } catch (IllegalArgumentException e) {
                // A name or value the JDK client refuses (control characters, a restricted name): not forwarded.
                LOG.debug("request header '{}' not forwarded: the HTTP client refuses it", header[0]);
            }
        }

        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), BodyHandlers.ofInputStream());
        } catch (IOException e) {
            if (requestBody.failed()) {
                LOG.debug("client went away while sending its request body; nothing recorded");
                return false;
            }
            String why = why(e);
            LOG.warn("upstream {} failed ({}): answered 502", upstreamOrigin, why);
            return answer(exchange, draft, 502, "bad gateway",
                    "the recording proxy got no answer from the upstream " + upstreamOrigin + " (" + why + ")");
        } catch (InterruptedException e) {
            // The proxy is being shut down hard. Answer first with the flag cleared: a pending
            // interrupt would close the client's socket channel on the next write.
            try {
                return answer(exchange, draft, 502, "bad gateway", "the recording proxy is shutting down");
            } finally {
                Thread.currentThread().interrupt();
            }
        }
        return relayResponse(exchange, draft, response);
    }

    private boolean relayResponse(HttpExchange exchange, Draft draft, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        HttpHeaders upstreamHeaders = response.headers();
        HopByHop hop = HopByHop.of(upstreamHeaders.allValues("connection"));
        Headers toClient = exchange.getResponseHeaders();
        Map<String, String> logged = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : upstreamHeaders.map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(":") || hop.drops(name)) {
                continue;
            }
            logged.put(name, join(name, header.getValue()));
            if (!name.equals("content-length")) { // the JDK server writes it from sendResponseHeaders
                for (String value : header.getValue()) {
                    toClient.add(header.getKey(), value);
                }
            }
        }

        OptionalLong upstreamLength = upstreamLength(upstreamHeaders);
        boolean head = draft.method().equalsIgnoreCase("HEAD");
        long length;
        if (head || status < 200 || status == 204 || status == 304) {
            // No body may follow. For HEAD and 304 the length describes the entity that was not
            // sent, and the JDK server leaves it to the handler to set.
            if ((head || status == 304) && upstreamLength.isPresent()) {
                toClient.set("Content-Length", Long.toString(upstreamLength.getAsLong()));
            }
            length = -1;
        } else if (upstreamLength.isPresent()) {
            length = upstreamLength.getAsLong() == 0 ? -1 : upstreamLength.getAsLong(); // -1 is "empty" to the JDK server
        } else {
            length = 0; // unknown length: chunked, so a streaming response keeps streaming
        }

        BodyCapture responseBody = new BodyCapture(bodyLimit);
        String broken = null;
        try (InputStream fromUpstream = response.body()) {
            try {
                exchange.sendResponseHeaders(status, length);
            } catch (IOException e) {
                broken = "the client went away";
            }
            OutputStream toClientBody = exchange.getResponseBody();
            byte[] buffer = new byte[BUFFER];
            while (broken == null) {
                int n;
                try {
                    n = fromUpstream.read(buffer);
                } catch (IOException e) {
                    broken = "the upstream broke off";
                    break;
                }
                if (n < 0) {
                    break;
                }
                responseBody.add(buffer, 0, n);
                try {
                    toClientBody.write(buffer, 0, n);
                    // Flush whenever the upstream has nothing more at hand: pieces of a slow stream
                    // reach the client as they come, while a fast body still goes out in full buffers.
                    if (fromUpstream.available() == 0) {
                        toClientBody.flush();
                    }
                } catch (IOException e) {
                    broken = "the client went away";
                }
            }
            if (broken == null) {
                try {
                    toClientBody.flush();
                } catch (IOException e) {
                    broken = "the client went away";
                }
            }
        } catch (IOException e) {
            // closing the upstream body failed: the relay itself is complete
            LOG.debug("closing the upstream response failed ({})", e.getClass().getSimpleName());
        }

        String reason = broken;
        List<String> setCookies = upstreamHeaders.allValues("set-cookie");
        JsonNode body = reason != null
                ? RecordedBodies.placeholder(responseBody.total(), "interrupted, " + reason)
                : RecordedBodies.render(responseBody, upstreamHeaders.firstValue("content-type").orElse(null),
                        upstreamHeaders.firstValue("content-encoding").orElse(null));
        // Written before the exchange is closed: once the client has its whole answer, the line is on disk.
        recorder.accept(() -> exchange(draft, status, logged, body, setCookies));
        if (reason != null) {
            LOG.debug("response cut off: {}", reason);
            return false;
        }
        exchange.close();
        return true;
    }

    /** Answers the client with a JSON error of the proxy's own, and records it (unless {@code draft} is null). */
    private boolean answer(HttpExchange exchange, Draft draft, int status, String error, String message) throws IOException {
        ObjectNode json = ExchangeJson.mapper().createObjectNode().put("error", error).put("message", message);
        byte[] bytes;
        try {
            bytes = ExchangeJson.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a two-field JSON object", e);
        }
        boolean delivered = true;
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.getResponseBody().flush();
        } catch (IOException e) {
            delivered = false;
        }
        if (draft != null) {
            Map<String, String> headers = new TreeMap<>(Map.of("content-type", "application/json",
                    "content-length", Integer.toString(bytes.length)));
            recorder.accept(() -> exchange(draft, status, headers, json, List.of()));
        }
        if (delivered) {
            exchange.close();
        }
        return delivered;
    }

    private Exchange exchange(Draft draft, int status, Map<String, String> responseHeaders, JsonNode responseBody,
            List<String> setCookies) {
        long durationMs = Math.max(0, (System.nanoTime() - draft.startedNanos()) / 1_000_000);
        return Exchange.builder(draft.ts(), draft.method().toUpperCase(Locale.ROOT), draft.path())
                .service(service)
                .query(Query.parse(draft.rawQuery()))
                .requestHeaders(draft.headers())
                .requestBody(requestBody(draft))
                .status(status)
                .responseHeaders(responseHeaders.isEmpty() ? null : responseHeaders)
                .responseBody(responseBody)
                .durationMs(durationMs)
                .sessionId(Correlation.sessionId(draft.cookies(), setCookies))
                .userId(Correlation.userId(draft.authorization()))
                .traceId(Correlation.traceId(draft.traceparent()))
                .clientIp(draft.clientIp())
                .build();
    }

    private static JsonNode requestBody(Draft draft) {
        BodyCapture body = draft.body();
        if (body.failed()) {
            return RecordedBodies.placeholder(body.total(), "interrupted, the client went away");
        }
        if (draft.declaredLength() > 0 && body.total() < draft.declaredLength()) {
            // The upstream answered without reading it all (e.g. a 413): what was read is not the body.
            return RecordedBodies.placeholder(body.total(), "incomplete, " + draft.declaredLength() + " bytes declared");
        }
        return RecordedBodies.render(body, draft.contentType(), draft.contentEncoding());
    }

    /**
     * Why the upstream failed, in words fit for the client and the tool's log: from the type of
     * the exception and its causes, never their messages (which can quote the request URI).
     */
    static String why(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "connect timed out";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof java.io.EOFException) {
                return "connection closed without an answer";
            }
            deepest = t;
        }
        return deepest.getClass().getSimpleName();
    }

    private static BodyPublisher publisher(InputStream body, Headers request, long declaredLength, BodyCapture capture) {
        boolean chunked = request.containsKey("Transfer-Encoding");
        if (declaredLength <= 0 && !chunked) {
            return BodyPublishers.noBody();
        }
        // Streamed: the upstream gets the body as the client sends it, never held whole in memory.
        BodyPublisher streamed = BodyPublishers.ofInputStream(() -> new CapturingInputStream(body, capture));
        return declaredLength > 0 ? BodyPublishers.fromPublisher(streamed, declaredLength) : streamed;
    }

    /** Values of a header seen several times as one: cookies joined as a Cookie header joins them, the rest per RFC 9110. */
    private static String join(String lowerCaseName, List<String> values) {
        return String.join(lowerCaseName.equals("cookie") ? "; " : ", ", values);
    }

    private static long contentLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OptionalLong upstreamLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("content-length");
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // a broken length: relay as a stream of unknown length
        }
    }

    private static String remoteAddress(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote == null) {
            return "unknown"; // RFC 7239's word for a hop that cannot be named
        }
        String host = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        int scope = host.indexOf('%');
        return scope >= 0 ? host.substring(0, scope) : host;
    }
}

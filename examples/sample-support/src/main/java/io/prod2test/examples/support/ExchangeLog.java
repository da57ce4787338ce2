package io.prod2test.examples.support;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every exchange a sample service answers as one canonical JSON line (SPEC §3): headers,
 * bodies, session id, user id, W3C trace id and client IP. This is the "production log" that
 * prod2test ingests.
 *
 * <p>Handlers tell the log who the user is with {@code ctx.attribute(ExchangeLog.USER_ID, id)}.
 * The session comes from the {@code sid} cookie, or the {@code x-session-id} header; the client IP
 * from the first {@code x-forwarded-for} entry (the services sit behind a proxy in production).
 */
public final class ExchangeLog implements AutoCloseable {
    /** Context attribute a handler sets to the authenticated user's id. */
    public static final String USER_ID = "prod2test.userId";
    /** Context attribute holding this request's {@link TraceContext}. */
    public static final String TRACE = "prod2test.trace";
    /**
     * Context attribute a handler sets to the session id when it has just issued the session
     * cookie, so that the first exchange of a session carries its id too.
     */
    public static final String SESSION_ID = "prod2test.sessionId";
    /** The cookie that carries the browser session. */
    public static final String SESSION_COOKIE = "sid";

    /** The readiness probe every sample service answers; it is not written to the log. */
    public static final String HEALTH_PATH = "/health";

    private static final String STARTED = "prod2test.started";
    private static final String STARTED_NANOS = "prod2test.startedNanos";

    private final String service;
    private Path file;
    private BufferedWriter out;
    private long written;

    private ExchangeLog(String service, Path file) {
        this.service = service;
        this.file = file;
        this.out = openAppending(file);
    }

    private static BufferedWriter openAppending(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open exchange log " + file, e);
        }
    }

    /** Opens (appending) the log file of one service. */
    public static ExchangeLog open(String service, Path file) {
        return new ExchangeLog(service, file);
    }

    /** The trace context of the request being handled; set for every request once installed. */
    public static TraceContext trace(Context ctx) {
        TraceContext trace = ctx.attribute(TRACE);
        return trace != null ? trace : TraceContext.fromHeaderOrNew(ctx.header(TraceContext.HEADER));
    }

    /** Hooks the log into a Javalin app: a before-handler that starts the clock, an after-handler that writes. */
    public void install(Javalin app) {
        app.before(ctx -> {
            ctx.attribute(STARTED, Instant.now());
            ctx.attribute(STARTED_NANOS, System.nanoTime());
            ctx.attribute(TRACE, TraceContext.fromHeaderOrNew(ctx.header(TraceContext.HEADER)));
        });
        app.after(this::record);
    }

    /** The file exchanges are written to now. */
    public synchronized Path file() {
        return file;
    }

    /**
     * Rotates the log: exchanges answered from now on are appended to {@code next} (created if
     * missing), and the current file is closed with everything written so far, as a log rotation
     * in production leaves it. An exchange is written whole to one file or the other, never split.
     * The sample world rotates to keep the traffic before its capture window out of the logs it
     * hands over.
     *
     * @throws UncheckedIOException when {@code next} cannot be opened; the log then keeps writing
     *                              to its current file
     */
    public synchronized void rotateTo(Path next) {
        BufferedWriter opened = openAppending(next);
        try {
            out.close();
        } catch (IOException e) {
            // every line was flushed when it was written, so nothing is lost with the old writer
        }
        out = opened;
        file = next;
    }

    /** How many exchanges this log has written so far. */
    public synchronized long written() {
        return written;
    }

    /** Appends one exchange; each line is flushed so that a crash loses nothing already answered. */
    public synchronized void append(Exchange exchange) {
        try {
            out.write(ExchangeJson.write(exchange));
            out.write('\n');
            out.flush();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write exchange log " + file, e);
        }
    }

    private void record(Context ctx) {
        if (ctx.path().equals(HEALTH_PATH)) {
            return; // probes are not traffic
        }
        Instant started = ctx.attribute(STARTED);
        Long startedNanos = ctx.attribute(STARTED_NANOS);
        TraceContext trace = trace(ctx);
        Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (String name : ctx.headerMap().keySet()) {
            requestHeaders.put(name, String.join(", ", java.util.Collections.list(ctx.req().getHeaders(name))));
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (String name : ctx.res().getHeaderNames()) {
            responseHeaders.put(name, String.join(", ", ctx.res().getHeaders(name)));
        }
        String sessionId = ctx.attribute(SESSION_ID);
        if (sessionId == null) {
            sessionId = ctx.cookie(SESSION_COOKIE);
        }
        if (sessionId == null) {
            sessionId = ctx.header("x-session-id");
        }
        Object userId = ctx.attribute(USER_ID);
        append(Exchange.builder(started == null ? Instant.now() : started, ctx.method().name(), ctx.path())
                .service(service)
                .query(query.isEmpty() ? null : query)
                .requestHeaders(requestHeaders)
                .requestBody(ExchangeJson.bodyOf(ctx.body()))
                .status(ctx.statusCode())
                .responseHeaders(responseHeaders)
                .responseBody(ExchangeJson.bodyOf(ctx.result()))
                .durationMs(startedNanos == null ? null : (System.nanoTime() - startedNanos) / 1_000_000)
                .sessionId(sessionId)
                .userId(userId == null ? null : userId.toString())
                .traceId(trace.traceId())
                .clientIp(clientIp(ctx))
                .build());
    }

    private static String clientIp(Context ctx) {
        String forwarded = ctx.header("x-forwarded-for");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return ctx.ip();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close exchange log " + file, e);
        }
    }
}

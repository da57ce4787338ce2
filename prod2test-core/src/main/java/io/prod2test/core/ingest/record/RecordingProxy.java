package io.prod2test.core.ingest.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.Masker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording reverse proxy behind {@code prod2test record} (SPEC §2): forwards every request to
 * the upstream and every response back unchanged (status, headers, body, streaming as it comes),
 * and appends each exchange to the canonical log, masked when a {@link Masker} is configured.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(new RecordingConfig(
 *         RecordingConfig.listenAddress("127.0.0.1:9090"), URI.create("http://localhost:8080"),
 *         Path.of("capture.jsonl")).withMasker(masker))) {
 *     // point clients at proxy.address() ...
 * }
 * }</pre>
 *
 * <p>Listens with the JDK's HTTP server, one virtual thread an exchange; forwards with the JDK's
 * HTTP/1.1 client, which follows no redirects (a 3xx goes back to the client as it is). What the
 * log holds, and why, is described in the {@linkplain io.prod2test.core.ingest.record package}.
 * Thread-safe; {@link #close()} stops accepting, lets running exchanges finish and closes the log.
 */
public final class RecordingProxy implements AutoCloseable {
    /** Bodies up to this many bytes are recorded; larger ones get a placeholder (see the package). */
    public static final int BODY_LIMIT = 1 << 20;
    /** How long {@link #close()} waits for running exchanges (a long stream) before cutting them off. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RecordingProxy.class);
    private static final Duration CUT_OFF_GRACE = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final RecordingConfig config;
    private final ExchangeLog log;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final HttpClient client;
    private final Relay relay;
    private final URI address;
    private final InFlight inFlight = new InFlight();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RecordingProxy(RecordingConfig config, ExchangeLog log, HttpServer server) {
        this.config = config;
        this.log = log;
        this.server = server;
        this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("prod2test-record-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                // Straight to the upstream: a JVM-wide proxy setting must not reroute the recorded traffic.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        this.relay = new Relay(client, config.upstream(), config.service(), BODY_LIMIT, this::record);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        this.address = addressOf(server.getAddress());
    }

    /**
     * Opens the log, binds the listening address and starts proxying.
     *
     * @throws Prod2TestException with {@link ErrorCode#IO} when the log cannot be opened or the
     *                            address cannot be bound (in use, not local)
     */
    public static RecordingProxy start(RecordingConfig config) {
        Objects.requireNonNull(config, "config is required");
        ExchangeLog log = ExchangeLog.open(config.out());
        HttpServer server;
        try {
            server = HttpServer.create(config.listen(), 0);
        } catch (IOException e) {
            log.close();
            InetSocketAddress listen = config.listen();
            String host = listen.getAddress() == null ? listen.getHostString() : listen.getAddress().getHostAddress();
            throw new Prod2TestException(ErrorCode.IO, "cannot listen on " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                    + listen.getPort() + ": " + e.getMessage(), e);
        }
        RecordingProxy proxy = new RecordingProxy(config, log, server);
        LOG.info("recording {} -> {} into {}{}", proxy.address, config.upstream(), config.out(),
                config.masker() == null ? " (raw, not masked)" : " (masked)");
        return proxy;
    }

    /** Where clients reach the proxy: {@code http://host:port}, the loopback address when listening on all interfaces. */
    public URI address() {
        return address;
    }

    /** The configuration the proxy runs with. */
    public RecordingConfig config() {
        return config;
    }

    /** Exchanges written to the log so far. */
    public long recorded() {
        return recorded.get();
    }

    /**
     * Exchanges answered but not written: the canonical shape could not hold them (a method such
     * as {@code M-SEARCH}), masking failed (nothing is written unmasked then), or the write failed.
     */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Whether a body in the log is a placeholder this proxy wrote instead of a body it did not
     * record: {@code "<body of N bytes not recorded: REASON>"} (binary, over {@link #BODY_LIMIT},
     * an undecodable content coding, cut off). Generators should not expect such a body verbatim.
     */
    public static boolean isPlaceholder(JsonNode body) {
        return RecordedBodies.isPlaceholder(body);
    }

    /**
     * Stops accepting connections, waits up to {@link #DRAIN_TIMEOUT} for running exchanges to
     * finish (and be logged), cuts off any still running after that, and closes the log.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The JDK server's stop closes the listening socket at once and then blocks while its
        // exchanges run; it runs aside so that this thread can watch the exchanges itself.
        Thread stopper = Thread.ofPlatform().daemon().name("prod2test-record-stop")
                .start(() -> stopServer((int) DRAIN_TIMEOUT.toSeconds()));
        boolean interrupted = false;
        try {
            if (!inFlight.awaitIdle(DRAIN_TIMEOUT)) {
                LOG.warn("{} exchange(s) still running after {}s: cutting them off", inFlight.count(), DRAIN_TIMEOUT.toSeconds());
                client.shutdownNow(); // fails their upstream reads, so they end and log what they have
                inFlight.awaitIdle(CUT_OFF_GRACE);
            }
            stopper.join(Duration.ofSeconds(1));
            if (stopper.isAlive()) {
                // The JDK server lost count of a cut-off exchange and would wait the whole delay:
                // a second stop releases the first and closes what is left.
                stopServer(0);
                stopper.join(CUT_OFF_GRACE);
            }
            inFlight.awaitIdle(CUT_OFF_GRACE); // one that slipped in on a kept-alive connection meanwhile
        } catch (InterruptedException e) {
            interrupted = true;
            stopServer(0);
            client.shutdownNow();
        } finally {
            handlers.shutdownNow();
            client.shutdownNow();
            log.close();
            LOG.info("recording stopped: {} exchange(s) recorded, {} dropped", recorded.get(), dropped.get());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code HttpServer.stop}, which is called twice when the first waits in vain; neither call may fail close(). */
    private void stopServer(int delaySeconds) {
        try {
            server.stop(delaySeconds);
        } catch (RuntimeException e) {
            LOG.debug("stopping the listening server: {}", e.getClass().getSimpleName());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.enter();
        try {
            if (!relay.relay(exchange)) {
                // Leaving with an exception makes the JDK server drop the connection instead of
                // ending the response: the client sees a failure, not a short body.
                throw new IOException("response cut off");
            }
        } catch (RuntimeException | Error e) {
            // A bug. Only the type and place: an exception message may quote request data.
            StackTraceElement[] trace = e.getStackTrace();
            LOG.error("exchange failed: {} at {}", e.getClass().getName(), trace.length > 0 ? trace[0] : "?");
            throw e;
        } finally {
            inFlight.exit();
        }
    }

    /** Masks (when configured) and appends one exchange; never writes an unmasked one when a masker is set. */
    private void record(Supplier<Exchange> draft) {
        long number = sequence.incrementAndGet();
        try {
            Exchange exchange = draft.get();
            Masker masker = config.masker();
            String line = ExchangeJson.write(masker == null ? exchange : masker.mask(exchange));
            if (log.append(line)) {
                recorded.incrementAndGet();
            } else {
                dropped.incrementAndGet();
                LOG.warn("exchange #{} not recorded: the log is closed", number);
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.warn("exchange #{} not recorded: cannot write {}: {}", number, log.file(), e.getMessage());
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
            // The type only: the message of a rejected exchange may quote its path or a header.
            LOG.warn("exchange #{} not recorded: {}", number, e.getClass().getSimpleName());
        }
    }

    private static URI addressOf(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        String host = ip == null || ip.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : ip.getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort());
    }
}

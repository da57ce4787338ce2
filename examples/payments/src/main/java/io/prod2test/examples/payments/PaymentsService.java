package io.prod2test.examples.payments;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.prod2test.examples.support.ExchangeLog;
import io.prod2test.examples.support.FaultSwitches;
import io.prod2test.examples.support.ServiceDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running payments service: an HTTP server on 127.0.0.1 over its own PostgreSQL database,
 * answering the routes of {@code examples/README.md} and writing each answered exchange to the
 * canonical log. Start one with {@link #start(PaymentsConfig)}; closing it stops the server and
 * releases the pool and the log.
 */
public final class PaymentsService implements AutoCloseable {
    /** The service name in the exchange log and the Flyway location ({@code db/payments}). */
    public static final String NAME = "payments";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsService.class);
    private static final String HOST = "127.0.0.1";
    private static final int POOL_SIZE = 10;
    private static final String JSON = "application/json";

    private final Javalin app;
    private final HikariDataSource dataSource;
    private final ExchangeLog log;
    private final FaultSwitches faults;

    private PaymentsService(Javalin app, HikariDataSource dataSource, ExchangeLog log, FaultSwitches faults) {
        this.app = app;
        this.dataSource = dataSource;
        this.log = log;
        this.faults = faults;
    }

    /** Migrates the database, opens the log and starts answering; fails fast if any of it cannot. */
    public static PaymentsService start(PaymentsConfig config) {
        HikariDataSource dataSource = ServiceDatabase.openAndMigrate(NAME, config.jdbcUrl(), config.dbUser(),
                config.dbPassword(), POOL_SIZE);
        ExchangeLog log = null;
        try {
            log = config.logFile() == null ? null : ExchangeLog.open(NAME, config.logFile());
            Javalin app = createApp(new Database(dataSource), config, log);
            app.start(HOST, config.port());
            return new PaymentsService(app, dataSource, log, config.faults());
        } catch (RuntimeException e) {
            if (log != null) {
                log.close();
            }
            dataSource.close();
            throw e;
        }
    }

    private static Javalin createApp(Database db, PaymentsConfig config, ExchangeLog log) {
        var tokens = new CardTokenRepository();
        var payments = new PaymentRepository();
        var refunds = new RefundRepository();
        var idempotency = new IdempotencyStore();
        var tokenHandler = new TokenHandler(db, tokens, config.clock());
        var authorisation = new AuthorisationHandler(db, tokens, payments, idempotency, config.faults(), config.clock());
        var capture = new CaptureHandler(db, payments, config.faults(), config.clock());
        var refund = new RefundHandler(db, payments, refunds, idempotency, config.faults(), config.clock());
        var queries = new PaymentQueries(db, payments, refunds);

        Javalin app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.defaultContentType = JSON;
        });
        if (log != null) {
            log.install(app);
        }
        app.get(ExchangeLog.HEALTH_PATH, ctx -> ctx.contentType(JSON).result("{\"status\":\"ok\"}"));
        app.post("/tokens", reply(tokenHandler::tokenise));
        app.post("/payments", reply(authorisation::authorise));
        app.get("/payments/{id}", reply(queries::payment));
        app.post("/payments/{id}/3ds/confirm", reply(authorisation::confirm));
        app.post("/payments/{id}/capture", reply(capture::capture));
        app.post("/payments/{id}/refunds", reply(refund::refund));
        app.get("/payments/{id}/refunds", reply(queries::refunds));

        app.exception(ApiException.class, (e, ctx) -> send(ctx, HttpReply.json(e.status(), e.body())));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, HttpReply.json(e.getStatus(), httpError(e, ctx))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, HttpReply.json(500, new ErrorBody("internal_error", "the payment service failed; try again later", null, null)));
        });
        return app;
    }

    private static Handler reply(Function<Context, HttpReply> handler) {
        return ctx -> send(ctx, handler.apply(ctx));
    }

    private static void send(Context ctx, HttpReply reply) {
        if (reply.replayed()) {
            ctx.header("idempotent-replayed", "true");
        }
        ctx.status(reply.status()).contentType(JSON).result(reply.body());
    }

    private static ErrorBody httpError(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            return new ErrorBody("not_found", "no route " + ctx.method() + " " + ctx.path(), null, null);
        }
        return new ErrorBody("http_" + e.getStatus(), e.getMessage() == null ? "request failed" : e.getMessage(), null, null);
    }

    /** Where the service answers: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://" + HOST + ":" + port());
    }

    public int port() {
        return app.port();
    }

    /** The live switches: changing them changes the running service's behaviour at once. */
    public FaultSwitches faults() {
        return faults;
    }

    /** The exchange log file, or {@code null} when the service writes none. */
    public Path logFile() {
        return log == null ? null : log.file();
    }

    /**
     * Rotates the exchange log: what the service answers from now on goes to {@code file}, the
     * current file is closed as it is (see {@link ExchangeLog#rotateTo(Path)}).
     *
     * @throws IllegalStateException when the service writes no log
     */
    public void rotateLog(Path file) {
        if (log == null) {
            throw new IllegalStateException("the payments service writes no exchange log to rotate");
        }
        log.rotateTo(file);
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                dataSource.close();
            } finally {
                if (log != null) {
                    log.close();
                }
            }
        }
    }

    /**
     * Runs the service until the JVM stops: {@code <jdbcUrl> [port] [logFile]}, with the user and
     * password in the URL or in {@code PAYMENTS_DB_USER} / {@code PAYMENTS_DB_PASSWORD}.
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: PaymentsService <jdbcUrl> [port] [logFile]");
            System.exit(2);
        }
        PaymentsConfig config = PaymentsConfig.of(args[0])
                .withCredentials(System.getenv("PAYMENTS_DB_USER"), System.getenv("PAYMENTS_DB_PASSWORD"))
                .withPort(args.length > 1 ? Integer.parseInt(args[1]) : 8081)
                .withLogFile(args.length > 2 ? Path.of(args[2]) : null);
        PaymentsService service = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "payments-shutdown"));
        System.out.println("payments listening on " + service.baseUrl());
    }
}

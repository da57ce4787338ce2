package io.prod2test.examples.shop;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.prod2test.examples.support.ExchangeLog;
import io.prod2test.examples.support.FaultSwitches;
import io.prod2test.examples.support.ServiceDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample shop: an HTTP service on 127.0.0.1 with its own PostgreSQL database, calling the
 * payments service for everything about money, and writing each answered exchange to its log.
 *
 * <pre>{@code
 * try (ShopService shop = ShopService.start(ShopConfig.of(jdbcUrl, payments.baseUrl()).withLogFile(log))) {
 *     URI base = shop.baseUrl();
 *     shop.faults().switchOn(Fault.PAGINATION_OFF_BY_ONE);
 * }
 * }</pre>
 */
public final class ShopService implements AutoCloseable {
    static final String SERVICE = "shop";
    private static final int POOL_SIZE = 8;
    private static final Logger LOG = LoggerFactory.getLogger(ShopService.class);

    private final ShopConfig config;
    private final HikariDataSource dataSource;
    private final ExchangeLog log;
    private final Javalin app;

    private ShopService(ShopConfig config, HikariDataSource dataSource, ExchangeLog log, Javalin app) {
        this.config = config;
        this.dataSource = dataSource;
        this.log = log;
        this.app = app;
    }

    /**
     * Migrates the database, then starts answering on {@code 127.0.0.1:config.port()}. Returns once
     * the service is ready for requests.
     */
    public static ShopService start(ShopConfig config) {
        HikariDataSource dataSource = ServiceDatabase.openAndMigrate(SERVICE, config.jdbcUrl(), config.dbUser(),
                config.dbPassword(), POOL_SIZE);
        ExchangeLog log = null;
        try {
            log = config.logFile() == null ? null : ExchangeLog.open(SERVICE, config.logFile());
            Javalin app = create(config, new Database(dataSource), log);
            app.start("127.0.0.1", config.port());
            return new ShopService(config, dataSource, log, app);
        } catch (RuntimeException e) {
            if (log != null) {
                log.close();
            }
            dataSource.close();
            throw e;
        }
    }

    private static Javalin create(ShopConfig config, Database db, ExchangeLog log) {
        Javalin app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        if (log != null) {
            log.install(app);
        }
        app.before(ShopService::issueSession);
        app.get(ExchangeLog.HEALTH_PATH, ctx -> Json.answer(ctx, 200, Map.of("status", "ok")));

        FaultSwitches faults = config.faults();
        PaymentsClient payments = new PaymentsClient(config.paymentsBaseUrl());
        CustomerStore customers = new CustomerStore(db);
        CardStore cards = new CardStore(db);
        ProductStore products = new ProductStore(db);
        CartStore carts = new CartStore(db);
        OrderStore orderStore = new OrderStore(db);
        Orders orders = new Orders(db, orderStore, cards, payments, faults, config.clock());

        new CatalogueRoutes(products).register(app);
        new CustomerRoutes(customers, cards, orders, payments, faults, config.clock()).register(app);
        new CartRoutes(customers, products, carts, orders, faults, config.clock()).register(app);
        new OrderRoutes(orderStore, orders).register(app);

        app.exception(ApiException.class, (e, ctx) -> Json.answer(ctx, e.status(), e.body()));
        app.exception(PaymentsClient.PaymentsRefusal.class, (e, ctx) -> Json.answer(ctx, e.status(), e.body()));
        app.exception(HttpResponseException.class, (e, ctx) -> Json.answer(ctx, e.getStatus(),
                new ErrorBody(e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(), e.getMessage(), null)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.answer(ctx, 500, new ErrorBody("internal_error", "the shop failed to answer this request", null));
        });
        return app;
    }

    /**
     * Issues the browser session cookie on a first visit, and names it for the log at once so the
     * very first exchange of a session already carries its id.
     */
    private static void issueSession(Context ctx) {
        if (ctx.path().equals(ExchangeLog.HEALTH_PATH) || ctx.cookie(ExchangeLog.SESSION_COOKIE) != null) {
            return;
        }
        String sid = Ids.session();
        ctx.cookie(new Cookie(ExchangeLog.SESSION_COOKIE, sid, "/", -1, false, 0, true, null, null, SameSite.LAX));
        ctx.attribute(ExchangeLog.SESSION_ID, sid);
    }

    /** Where the shop answers: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The port the shop listens on (the free one picked when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /** The shop's fault switches; changing them affects the next request. */
    public FaultSwitches faults() {
        return config.faults();
    }

    public ShopConfig config() {
        return config;
    }

    /** The exchange log file, or {@code null} when the shop writes none. */
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
            throw new IllegalStateException("the shop service writes no exchange log to rotate");
        }
        log.rotateTo(file);
    }

    /**
     * Runs the shop until the JVM stops: {@code <jdbcUrl> <paymentsBaseUrl> [port] [logFile]}, with
     * the database user and password in the URL or in {@code SHOP_DB_USER} / {@code SHOP_DB_PASSWORD}.
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ShopService <jdbcUrl> <paymentsBaseUrl> [port] [logFile]");
            System.exit(2);
        }
        ShopConfig config = ShopConfig.of(args[0], URI.create(args[1]))
                .withCredentials(System.getenv("SHOP_DB_USER"), System.getenv("SHOP_DB_PASSWORD"))
                .withPort(args.length > 2 ? Integer.parseInt(args[2]) : 8080)
                .withLogFile(args.length > 3 ? Path.of(args[3]) : null);
        ShopService service = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shop-shutdown"));
        System.out.println("shop listening on " + service.baseUrl());
    }

    /** Stops answering, then closes the exchange log and the connection pool. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                if (log != null) {
                    log.close();
                }
            } finally {
                dataSource.close();
            }
        }
    }
}

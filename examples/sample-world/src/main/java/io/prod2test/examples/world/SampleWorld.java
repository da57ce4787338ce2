package io.prod2test.examples.world;

import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.shop.ShopConfig;
import io.prod2test.examples.shop.ShopService;
import io.prod2test.examples.simulator.PreWindow;
import io.prod2test.examples.simulator.ProgressListener;
import io.prod2test.examples.simulator.SimulationConfig;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.simulator.Simulator;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.examples.support.FaultSwitches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample production world, running: one embedded PostgreSQL with a database per service,
 * payments and shop on free ports on 127.0.0.1, each appending its canonical log to
 * {@code <dir>/logs/<service>.jsonl}. Closing it stops the services, then the database server;
 * the logs and the database files stay in {@code dir}.
 *
 * <p>{@code logs/<service>.jsonl} is the capture window, the traffic handed over to prod2test. The
 * customers who signed up before it ({@link #simulate(Simulator, ProgressListener)}) are in the
 * shop's database, but their requests went to {@code <dir>/logs/before-window/<service>.jsonl}
 * ({@link #beforeWindowLogs()}): the services rotate their logs when the window opens.
 */
public final class SampleWorld implements AutoCloseable {
    /** The services, in the order they start (shop needs payments). */
    public static final List<String> SERVICES = List.of(PaymentsService.NAME, "shop");
    /** The folder under {@code <dir>/logs} of the logs written before the capture window. */
    public static final String BEFORE_WINDOW = "before-window";

    private final Path dir;
    private final EmbeddedDatabases databases;
    private final PaymentsService payments;
    private final ShopService shop;

    private SampleWorld(Path dir, EmbeddedDatabases databases, PaymentsService payments, ShopService shop) {
        this.dir = dir;
        this.databases = databases;
        this.payments = payments;
        this.shop = shop;
    }

    /**
     * Starts the world with its data in {@code dir}: {@code dir/postgres} for the database server,
     * {@code dir/logs} for the services' logs. All faults are off.
     */
    public static SampleWorld start(Path dir) {
        try {
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve("logs"), e);
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedDatabases databases = EmbeddedDatabases.start(dir.resolve("postgres"));
            started.add(databases);
            PaymentsService payments = PaymentsService.start(PaymentsConfig.of(databases.createDatabase("payments"))
                    .withLogFile(logFile(dir, "payments")).withFaults(FaultSwitches.none()));
            started.add(payments);
            ShopService shop = ShopService.start(ShopConfig.of(databases.createDatabase("shop"), payments.baseUrl())
                    .withLogFile(logFile(dir, "shop")).withFaults(FaultSwitches.none()));
            return new SampleWorld(dir, databases, payments, shop);
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    private static Path logFile(Path dir, String service) {
        return dir.resolve("logs").resolve(service + ".jsonl");
    }

    private static Path beforeWindowLogFile(Path dir, String service) {
        return dir.resolve("logs").resolve(BEFORE_WINDOW).resolve(service + ".jsonl");
    }

    /**
     * Plays the simulator against the shop with the standard usage model: the customers from before
     * the capture window ({@link SimulationConfig#defaultPreWindowCustomers(int) as many as usual}
     * for the sessions), then the sessions.
     *
     * @param onSessionFinished told the number of sessions finished so far, from worker threads
     */
    public SimulationReport simulate(long seed, int sessions, int concurrency, java.util.function.IntConsumer onSessionFinished) {
        SimulationConfig config = new SimulationConfig(seed, sessions, concurrency, shop.baseUrl());
        ProgressListener progress = (finished, total) -> onSessionFinished.accept(finished);
        return simulate(new Simulator(config), progress);
    }

    /**
     * Plays a simulator against this world's shop in two phases. The customers from before the
     * capture window sign up while the services log to {@link #beforeWindowLogs()}; then the logs
     * rotate back to {@link #logs()} and the sessions play. So the shop's database holds rows that
     * no exchange of the window created, as a production database does.
     *
     * @param simulator a simulator whose {@link SimulationConfig#shopBaseUrl()} is this world's shop
     * @return the sessions' report; {@link SimulationReport#preWindow()} names the pre-window customers
     */
    public SimulationReport simulate(Simulator simulator, ProgressListener progress) {
        if (!simulator.config().shopBaseUrl().equals(shop.baseUrl())) {
            throw new IllegalArgumentException("the simulator plays against " + simulator.config().shopBaseUrl()
                    + ", not this world's shop " + shop.baseUrl());
        }
        PreWindow preWindow;
        rotateLogs(beforeWindowLogs());
        try {
            preWindow = simulator.signUpPreWindowCustomers();
        } finally {
            rotateLogs(logs()); // the capture window opens
        }
        return simulator.run(preWindow, progress);
    }

    private void rotateLogs(Map<String, Path> files) {
        payments.rotateLog(files.get("payments"));
        shop.rotateLog(files.get("shop"));
    }

    public URI baseUrl(String service) {
        return switch (service) {
            case "payments" -> payments.baseUrl();
            case "shop" -> shop.baseUrl();
            default -> throw unknown(service);
        };
    }

    /** The fault switches of a running service; changing them takes effect at once. */
    public FaultSwitches faults(String service) {
        return switch (service) {
            case "payments" -> payments.faults();
            case "shop" -> shop.faults();
            default -> throw unknown(service);
        };
    }

    /** The JDBC URL of a service's production database (user postgres, no password). */
    public String jdbcUrl(String service) {
        if (!SERVICES.contains(service)) {
            throw unknown(service);
        }
        return databases.jdbcUrl(service);
    }

    /** The embedded server's databases, e.g. to create the analysis store beside production. */
    public EmbeddedDatabases databases() {
        return databases;
    }

    /** Each service's production log: the capture window, what prod2test ingests. */
    public Map<String, Path> logs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        SERVICES.forEach(service -> logs.put(service, logFile(dir, service)));
        return logs;
    }

    /**
     * Each service's log from before the capture window, {@code <dir>/logs/before-window/<service>.jsonl}:
     * the sign-ups of the customers who predate the window. Not for ingesting; it shows what the
     * window left out. A file exists once {@link #simulate(Simulator, ProgressListener)} has run.
     */
    public Map<String, Path> beforeWindowLogs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        SERVICES.forEach(service -> logs.put(service, beforeWindowLogFile(dir, service)));
        return logs;
    }

    /** Exchanges written so far to each service's log (lines of the file). */
    public Map<String, Long> exchangeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        logs().forEach((service, file) -> {
            if (!Files.exists(file)) {
                counts.put(service, 0L);
                return;
            }
            try (Stream<String> lines = Files.lines(file)) {
                counts.put(service, lines.filter(line -> !line.isBlank()).count());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
        return counts;
    }

    /** Rows per table of each service's database, tables by name; Flyway's history left out. */
    public Map<String, Map<String, Long>> tableRowCounts() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, Long> tables = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl(service)); Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        tables.put(table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of the " + service + " database: " + e.getMessage(), e);
            }
            counts.put(service, tables);
        }
        return counts;
    }

    @Override
    public void close() {
        closeAll(List.of(databases, payments, shop), null);
    }

    // Reverse start order: the shop first, the database server last.
    private static void closeAll(List<AutoCloseable> resources, RuntimeException primary) {
        RuntimeException failure = primary;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot stop the sample world cleanly: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null && primary == null) {
            throw failure;
        }
    }

    private static IllegalArgumentException unknown(String service) {
        return new IllegalArgumentException("the sample world has the services " + SERVICES + ", not '" + service + "'");
    }
}

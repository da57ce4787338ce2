package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.shop.ShopConfig;
import io.prod2test.examples.shop.ShopService;
import io.prod2test.examples.support.EmbeddedDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against the real services: one embedded PostgreSQL, payments and shop writing
 * their exchange logs, the simulator playing over HTTP.
 */
class SimulatorIT {
    /** Ids the services make up at random; everything else in a path is decided by the plan and the catalogue. */
    private static final Pattern RANDOM_ID = Pattern.compile("\\b(cus|card|cart|ord|pay)_[0-9a-f]+");

    @TempDir
    static Path logs;

    private static EmbeddedDatabases databases;

    @BeforeAll
    static void startDatabases() {
        databases = EmbeddedDatabases.start(null);
    }

    @AfterAll
    static void stopDatabases() {
        if (databases != null) {
            databases.close();
        }
    }

    /**
     * Payments and shop on fresh databases named after {@code world}, logging the capture window into
     * {@code logs/world} and what came before it into {@code logs/world/before-window}.
     */
    private static World start(String world) {
        String suffix = world.isEmpty() ? "" : "_" + world;
        Path dir = logs.resolve(world.isEmpty() ? "main" : world);
        String shopJdbcUrl = databases.createDatabase("shop" + suffix);
        PaymentsService payments = PaymentsService.start(PaymentsConfig.of(databases.createDatabase("payments" + suffix))
                .withLogFile(dir.resolve("payments.jsonl")));
        try {
            ShopService shop = ShopService.start(ShopConfig.of(shopJdbcUrl, payments.baseUrl())
                    .withLogFile(dir.resolve("shop.jsonl")));
            return new World(payments, shop, dir, shopJdbcUrl);
        } catch (RuntimeException e) {
            payments.close();
            throw e;
        }
    }

    private record World(PaymentsService payments, ShopService shop, Path dir, String shopJdbcUrl) implements AutoCloseable {
        Path shopLog() {
            return dir.resolve("shop.jsonl");
        }

        Path paymentsLog() {
            return dir.resolve("payments.jsonl");
        }

        Path shopLogBeforeWindow() {
            return dir.resolve("before-window/shop.jsonl");
        }

        /** The customers sign up before the window, the logs rotate, the sessions play: as the sample world does it. */
        SimulationReport play(Simulator simulator, ProgressListener progress) {
            shop.rotateLog(shopLogBeforeWindow());
            payments.rotateLog(dir.resolve("before-window/payments.jsonl"));
            PreWindow before = simulator.signUpPreWindowCustomers();
            shop.rotateLog(shopLog());
            payments.rotateLog(paymentsLog());
            return simulator.run(before, progress);
        }

        @Override
        public void close() {
            try {
                shop.close();
            } finally {
                payments.close();
            }
        }
    }

    @Test
    void twoHundredConcurrentSessionsRunWithoutFailures() throws IOException {
        List<Integer> progress = new CopyOnWriteArrayList<>();
        SimulationReport report;
        List<SessionPlan> plans;
        List<Exchange> shopLog;
        try (World world = start("")) {
            Simulator simulator = new Simulator(new SimulationConfig(42, 200, 8, world.shop().baseUrl()));
            plans = simulator.plan();
            report = world.play(simulator, (finished, total) -> {
                assertThat(total).isEqualTo(200);
                progress.add(finished);
            });
            System.out.println(report.summary());
            shopLog = read(world.shopLog());
            assertThat(read(world.paymentsLog())).isNotEmpty();
        }

        assertThat(report.preWindow().failures()).isEmpty();
        assertThat(report.failureMessages()).isEmpty();
        assertThat(report.failures()).isZero();
        assertThat(report.sessions()).isEqualTo(200);
        assertThat(report.journeys().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(report.statuses()).containsKeys(200, 201, 402, 409, 422);
        assertThat(report.statuses()).doesNotContainKey(500);
        assertThat(progress).hasSize(200).isSorted().endsWith(200);

        // every request the simulator counted is in the shop's log, one session id per planned session
        assertThat((long) shopLog.size()).isEqualTo(report.requests());
        Map<String, List<Exchange>> sessions = bySession(shopLog);
        assertThat(sessions).hasSize(200);
        assertThat(sessions.values()).allSatisfy(exchanges -> {
            assertThat(exchanges.getFirst().method() + " " + exchanges.getFirst().path()).isEqualTo("GET /products");
            // one browser per session: a single client address and User-Agent throughout
            assertThat(exchanges).extracting(Exchange::clientIp).containsOnly(exchanges.getFirst().clientIp());
            assertThat(exchanges).extracting(e -> e.requestHeaders().get("user-agent"))
                    .containsOnly(exchanges.getFirst().requestHeaders().get("user-agent"));
        });
        assertThat(shopLog).extracting(Exchange::clientIp)
                .containsAnyElementsOf(plans.stream().map(p -> p.persona().clientIp()).toList());
    }

    @Test
    void preWindowCustomersAreInTheShopDatabaseNotInTheWindowsLogAndRegularCustomersUseThemWithoutSigningUp()
            throws IOException, SQLException {
        SimulationReport report;
        List<Exchange> window;
        List<Exchange> beforeWindow;
        Map<String, Boolean> stored = new HashMap<>(); // customer id -> has a KYC record
        try (World world = start("window")) {
            Simulator simulator = new Simulator(new SimulationConfig(2026, 160, 4, world.shop().baseUrl()).withPreWindowCustomers(8));
            report = world.play(simulator, ProgressListener.NONE);
            window = read(world.shopLog());
            beforeWindow = read(world.shopLogBeforeWindow());
            try (Connection c = DriverManager.getConnection(world.shopJdbcUrl());
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT c.id, k.customer_id IS NOT NULL FROM customers c LEFT JOIN kyc_records k ON k.customer_id = c.id")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        assertThat(report.succeeded()).as(report.summary()).isTrue();
        Set<String> before = report.preWindow().ids();
        assertThat(before).hasSize(8);
        assertThat(report.preWindow().customers()).anyMatch(PreWindow.Customer::kycVerified).anyMatch(c -> !c.kycVerified());

        // in the production database, with their identity verified when they did it ...
        report.preWindow().customers().forEach(c -> assertThat(stored).containsEntry(c.id(), c.kycVerified()));
        // ... signed up in the log before the window, and nowhere in the window's log but as regular customers
        assertThat(beforeWindow).filteredOn(e -> e.path().equals("/customers")).hasSize(8);
        assertThat(beforeWindow).extracting(Exchange::userId).filteredOn(java.util.Objects::nonNull).isSubsetOf(before);
        long signUpsInWindow = window.stream().filter(e -> e.path().equals("/customers") && e.status() == 201).count();
        assertThat(stored).hasSize((int) (8 + signUpsInWindow));

        Map<String, List<Exchange>> sessions = bySession(window);
        List<List<Exchange>> regulars = sessions.values().stream()
                .filter(s -> s.stream().anyMatch(e -> e.userId() != null && before.contains(e.userId()))).toList();
        assertThat(report.journeys().get(Journey.REGULAR_CUSTOMER)).isPositive();
        assertThat(regulars).hasSize(report.journeys().get(Journey.REGULAR_CUSTOMER)).allSatisfy(session -> {
            // the customer is not created in the session: it opens their profile, then saves a new card and buys
            assertThat(session).noneMatch(e -> e.path().equals("/customers"));
            assertThat(session).extracting(Exchange::userId).filteredOn(java.util.Objects::nonNull).containsOnly(session.stream()
                    .map(Exchange::userId).filter(java.util.Objects::nonNull).findFirst().orElseThrow());
            assertThat(session.stream().map(e -> e.method() + " " + RANDOM_ID.matcher(e.path()).replaceAll("$1_*")).distinct().toList())
                    .containsSubsequence("GET /products", "GET /customers/cus_*", "POST /customers/cus_*/cards", "POST /carts",
                            "POST /carts/cart_*/checkout", "POST /orders/ord_*/shipments", "GET /orders/ord_*")
                    .doesNotContain("GET /customers/cus_*/orders", "GET /customers/cus_*/cards");
        });
    }

    /**
     * Two runs of the same seed at concurrency 1 against fresh databases produce the same traffic.
     *
     * <p>What is compared: per session (sessions in order of their first request, which at
     * concurrency 1 is the plan's order), the list of (method, path, status), with the ids the
     * services make up at random ({@code cus_…}, {@code ord_…}) replaced by their prefix. Within a
     * run of consecutive identical requests (the concurrent-shipments journey sends two at once)
     * the statuses are compared sorted, because which of the two wins is thread timing. Bodies and
     * timestamps are left out: they hold random ids and clock readings by design.
     */
    @Test
    void theSameSeedGivesTheSameTrafficEndToEnd() throws IOException {
        List<List<String>> first = playAndRead("a");
        List<List<String>> second = playAndRead("b");

        assertThat(first).hasSize(5 + 120);
        assertThat(second).isEqualTo(first);
    }

    private List<List<String>> playAndRead(String name) throws IOException {
        try (World world = start(name)) {
            SimulationReport report = world.play(new Simulator(new SimulationConfig(7, 120, 1, world.shop().baseUrl())),
                    ProgressListener.NONE);
            assertThat(report.failureMessages()).isEmpty();
            List<List<String>> traffic = new ArrayList<>(bySession(read(world.shopLogBeforeWindow())).values().stream()
                    .map(SimulatorIT::canonical).toList());
            assertThat(traffic).as("the sign-ups before the window").hasSize(report.preWindow().planned());
            traffic.addAll(bySession(read(world.shopLog())).values().stream().map(SimulatorIT::canonical).toList());
            return traffic;
        }
    }

    private static List<String> canonical(List<Exchange> session) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < session.size()) {
            String request = session.get(i).method() + " " + RANDOM_ID.matcher(session.get(i).path()).replaceAll("$1_*");
            List<Integer> statuses = new ArrayList<>();
            int j = i;
            while (j < session.size()
                    && (session.get(j).method() + " " + RANDOM_ID.matcher(session.get(j).path()).replaceAll("$1_*")).equals(request)) {
                statuses.add(session.get(j).status());
                j++;
            }
            statuses.sort(null);
            statuses.forEach(status -> lines.add(request + " " + status));
            i = j;
        }
        return lines;
    }

    private static Map<String, List<Exchange>> bySession(List<Exchange> exchanges) {
        Map<String, List<Exchange>> sessions = new LinkedHashMap<>();
        for (Exchange exchange : exchanges) {
            assertThat(exchange.sessionId()).as("session id of %s %s", exchange.method(), exchange.path()).isNotNull();
            sessions.computeIfAbsent(exchange.sessionId(), id -> new ArrayList<>()).add(exchange);
        }
        return sessions;
    }

    private static List<Exchange> read(Path log) throws IOException {
        assertThat(log).exists();
        List<String> lines = Files.readAllLines(log);
        List<Exchange> exchanges = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            exchanges.add(ExchangeJson.read(lines.get(i), log.toString(), i + 1));
        }
        return exchanges;
    }
}

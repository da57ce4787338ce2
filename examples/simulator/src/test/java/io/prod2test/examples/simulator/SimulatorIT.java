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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Payments and shop on fresh databases named after {@code world}, logging into {@code logs/world}. */
    private static World start(String world) {
        String suffix = world.isEmpty() ? "" : "_" + world;
        Path dir = logs.resolve(world.isEmpty() ? "main" : world);
        PaymentsService payments = PaymentsService.start(PaymentsConfig.of(databases.createDatabase("payments" + suffix))
                .withLogFile(dir.resolve("payments.jsonl")));
        try {
            ShopService shop = ShopService.start(ShopConfig.of(databases.createDatabase("shop" + suffix), payments.baseUrl())
                    .withLogFile(dir.resolve("shop.jsonl")));
            return new World(payments, shop, dir.resolve("shop.jsonl"), dir.resolve("payments.jsonl"));
        } catch (RuntimeException e) {
            payments.close();
            throw e;
        }
    }

    private record World(PaymentsService payments, ShopService shop, Path shopLog, Path paymentsLog) implements AutoCloseable {
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
            report = simulator.run((finished, total) -> {
                assertThat(total).isEqualTo(200);
                progress.add(finished);
            });
            System.out.println(report.summary());
            shopLog = read(world.shopLog());
            assertThat(read(world.paymentsLog())).isNotEmpty();
        }

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

        assertThat(first).hasSize(120);
        assertThat(second).isEqualTo(first);
    }

    private List<List<String>> playAndRead(String name) throws IOException {
        try (World world = start(name)) {
            SimulationReport report = new Simulator(new SimulationConfig(7, 120, 1, world.shop().baseUrl())).run();
            assertThat(report.failureMessages()).isEmpty();
            return bySession(read(world.shopLog())).values().stream().map(SimulatorIT::canonical).toList();
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

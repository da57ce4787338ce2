package io.prod2test.examples.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.examples.simulator.SimulationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorldIT {

    @Test
    void producesJoinedCanonicalLogsAndFilledDatabases(@TempDir Path dir) throws Exception {
        AtomicInteger lastProgress = new AtomicInteger();
        SimulationReport report;
        try (SampleWorld world = SampleWorld.start(dir)) {
            report = world.simulate(7, 120, 4, lastProgress::set);

            assertThat(report.failures()).as(report.summary()).isZero();
            assertThat(lastProgress).hasValue(120);
            assertThat(world.exchangeCounts().get("shop")).isEqualTo(report.requests());
            assertThat(world.exchangeCounts().get("payments")).isPositive();
            assertThat(world.tableRowCounts().get("shop")).containsKeys("customers", "orders").doesNotContainKey("flyway_schema_history");
            assertThat(world.tableRowCounts().get("shop").get("customers")).isPositive();
            assertThat(world.tableRowCounts().get("payments").values().stream().mapToLong(Long::longValue).sum()).isPositive();
            assertThatThrownBy(() -> world.faults("billing")).hasMessageContaining("[payments, shop]");
            assertThat(world.beforeWindowLogs()).containsEntry("shop", dir.resolve("logs/before-window/shop.jsonl"));
        }

        List<Exchange> shop = read(dir.resolve("logs/shop.jsonl"));
        List<Exchange> payments = read(dir.resolve("logs/payments.jsonl"));
        assertThat(shop).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("shop");
            assertThat(e.sessionId()).isNotBlank();
            assertThat(e.traceId()).matches("[0-9a-f]{32}");
            assertThat(e.clientIp()).isNotBlank();
        });
        Set<String> shopTraces = shop.stream().map(Exchange::traceId).collect(Collectors.toSet());
        assertThat(payments).allSatisfy(e -> assertThat(shopTraces).as("every payments call belongs to a shop request's trace").contains(e.traceId()));
        assertThat(dir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void customersFromBeforeTheCaptureWindowAreInTheDatabaseButTheirSignUpsNotInTheWindowsLogs(@TempDir Path dir) throws Exception {
        SimulationReport report;
        long customers;
        try (SampleWorld world = SampleWorld.start(dir)) {
            report = world.simulate(11, 80, 4, n -> { });
            customers = world.tableRowCounts().get("shop").get("customers");
        }

        assertThat(report.succeeded()).as(report.summary()).isTrue();
        Set<String> before = report.preWindow().ids();
        assertThat(before).hasSize(5); // at least five, one per 40 sessions
        List<Exchange> window = read(dir.resolve("logs/shop.jsonl"));
        List<Exchange> beforeWindow = read(dir.resolve("logs/before-window/shop.jsonl"));
        long signUpsInWindow = window.stream().filter(e -> e.path().equals("/customers") && e.status() == 201).count();
        assertThat(customers).isEqualTo(before.size() + signUpsInWindow);
        assertThat(beforeWindow).filteredOn(e -> e.method().equals("POST") && e.path().equals("/customers"))
                .hasSize(5).allSatisfy(e -> assertThat(e.status()).isEqualTo(201));
        assertThat(window).noneMatch(e -> e.path().equals("/customers") && e.responseBody() != null
                && before.stream().anyMatch(id -> e.responseBody().toString().contains(id)));
        assertThat(read(dir.resolve("logs/before-window/payments.jsonl"))).isEmpty(); // signing up and KYC pay nothing
    }

    private static List<Exchange> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return java.util.stream.IntStream.range(0, lines.size())
                .mapToObj(i -> ExchangeJson.read(lines.get(i), file.toString(), i + 1)).toList();
    }
}

package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoIT {

    @Test
    void runsTheSampleWorldEndToEndAndPrintsTheSpecJsonOnTheLastLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");

        CliRun run = CliRun.of("demo", "--out", out.toString(), "--sessions", "80", "--json", "--faults", "three-ds-skipped,cart-total-ignores-quantity");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode json = ExchangeJson.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.fieldNames()).toIterable().contains("sessions", "exchanges", "flows", "edgeCases", "scenarios",
                "scenariosPassed", "faults", "report", "assets");
        assertThat(json.get("sessions").asInt()).isEqualTo(80);
        assertThat(json.get("exchanges").asLong()).isEqualTo(
                json.get("exchangesByService").get("shop").asLong() + json.get("exchangesByService").get("payments").asLong());
        assertThat(json.get("unexpected").asInt()).isZero();
        assertThat(json.get("faults")).hasSize(2);
        assertThat(json.get("faults").get(0).get("name").asText()).isEqualTo("three-ds-skipped");
        assertThat(json.get("scenarios").asInt()).isPositive();
        assertThat(json.get("scenariosPassed").asInt()).as(json.get("stages").toString()).isEqualTo(json.get("scenarios").asInt());
        assertThat(json.get("faults").get(0).get("caughtBy").asInt()).as("skipping 3-D Secure fails a scenario").isPositive();
        assertThat(json.get("stages").get("ingest").asText())
                .startsWith(String.format(java.util.Locale.ROOT, "%,d exchanges loaded, 0 quarantined", json.get("exchanges").asLong()));
        assertThat(json.get("stages").get("masking").asText()).containsPattern("^[0-9,]+ values masked \\(").contains("identifier");
        assertThat(json.get("stages").get("analysis").asText()).containsPattern("^[0-9,]+ flow variants over 80 sessions, [0-9,]+ edge cases");
        assertThat(json.get("flows").asInt()).isPositive();
        assertThat(json.get("edgeCases").asInt()).isPositive();
        assertThat(json.get("stages").get("generation").asText()).containsPattern("^[0-9]+ scenarios \\([0-9]+ flows and edge cases skipped, with why\\), [0-9]+ charters, [0-9,]+ masked reference rows");
        assertThat(json.get("stages").get("scan").asText()).as("the assets hold nothing personal").startsWith("clean: 0 findings");
        assertThat(Path.of(json.get("report").asText())).isNotEmptyFile();
        assertThat(Files.readString(Path.of(json.get("report").asText()))).startsWith("<!DOCTYPE html>").contains("<svg");
        try (var charters = Files.walk(out.resolve("assets/charters"))) {
            assertThat(charters.filter(p -> p.toString().endsWith(".md"))).isNotEmpty();
        }
        assertThat(out.resolve("assets/datasets/payments/00_base")).isDirectory();
        assertThat(out.resolve("assets/pom.xml")).isRegularFile();
        assertThat(Files.readString(Path.of(json.get("report").asText()))).contains("scenario");
        assertThat(out.resolve("masking.key")).isNotEmptyFile();
        assertThat(java.nio.file.Files.getPosixFilePermissions(out.resolve("masking.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        assertThat(out.resolve("production/logs/shop.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("production/logs/payments.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("assets")).isDirectory();
        assertThat(Files.lines(out.resolve("production/logs/shop.jsonl")).count())
                .isEqualTo(json.get("exchangesByService").get("shop").asLong());
        assertThat(json.get("databases").get("shop").get("customers").asLong()).isPositive();
    }

    @Test
    void printsAReadableSummaryByDefaultAndCanRunAgainIntoTheSameFolder(@TempDir Path dir) {
        Path out = dir.resolve("demo");
        CliRun first = CliRun.of("demo", "--out", out.toString(), "--sessions", "20");
        CliRun second = CliRun.of("demo", "--out", out.toString(), "--sessions", "20");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("sessions").contains("exchanges").contains("log shop")
                .contains(out.resolve("production/logs/shop.jsonl").toString()).contains("db payments");
        assertThat(first.err()).as("no progress bars outside a terminal").doesNotContain("\r");
    }
}

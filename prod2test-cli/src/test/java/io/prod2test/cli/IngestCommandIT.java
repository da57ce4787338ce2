package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandIT {

    private static final Map<String, String> WITH_KEY = Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef");
    private static final Path SHARED = Path.of("../../shared/data");

    private static JsonNode lastLineJson(CliRun run) throws Exception {
        return ExchangeJson.mapper().readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void ingestsTheSharedApacheLogAndHarFilesThenSkipsThemOnTheSecondRun(@TempDir Path workdir) throws Exception {
        assertThat(SHARED.resolve("apache-combined-10k.log")).as("the shared sample data beside the project").exists();
        String[] args = {"ingest", "--json", "--workdir", workdir.toString(), "--service", "blog",
            SHARED.resolve("apache-combined-10k.log").toString(), SHARED.resolve("har/chrome.har").toString()};

        CliRun first = CliRun.withEnvironment(WITH_KEY, args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode summary = lastLineJson(first);
        // The Apache log: 9,999 requests and line 8899 with an unclosed quote; chrome.har: 2 entries
        // and one that never got a response (status 0).
        assertThat(summary.get("read").asLong()).isEqualTo(10_003);
        assertThat(summary.get("loaded").asLong()).isEqualTo(10_001);
        assertThat(summary.get("quarantined").asLong()).isEqualTo(2);
        assertThat(summary.get("skipped").asLong()).isZero();
        assertThat(summary.get("sessions").asLong()).isPositive();
        assertThat(summary.get("files")).hasSize(2);
        assertThat(summary.get("files").get(0).get("format").asText()).isEqualTo("combined");
        assertThat(summary.get("files").get(1).get("format").asText()).isEqualTo("har");

        CliRun second = CliRun.withEnvironment(WITH_KEY, args);

        JsonNode again = lastLineJson(second);
        assertThat(again.get("skipped").asLong()).isEqualTo(summary.get("read").asLong());
        assertThat(again.get("loaded").asLong()).isZero();
    }

    @Test
    void strictTurnsAQuarantineIntoExitOne(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("bad.jsonl");
        Files.writeString(log, "{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"GET\",\"path\":\"/a\",\"status\":200}\n{\"ts\":\"broken\n");

        CliRun run = CliRun.withEnvironment(WITH_KEY, "ingest", "--strict", "--format", "jsonl", "--workdir", dir.resolve("w").toString(),
                log.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("1 loaded, 1 quarantined");
    }
}

package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandIT {
    private static final Map<String, String> WITH_KEY = Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef");

    /** Four sessions: three pay (one is declined first), one only browses. */
    private static void writeTraffic(Path file) throws Exception {
        StringBuilder log = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            String sid = String.format("sid-%016x", (s + 1) * 0x9E3779B97F4A7C15L);
            String at = "2026-11-02T09:0" + s + ":";
            log.append(line(at + "00Z", "GET", "/products", null, 200, sid));
            if (s < 3) {
                log.append(line(at + "10Z", "POST", "/orders", "{\"amount\":4980,\"currency\":\"JPY\"}", 201, sid));
                if (s == 2) {
                    log.append(line(at + "15Z", "POST", "/orders/" + (800 + s) + "/payments", "{\"card\":\"tok_declined\"}", 402, sid));
                }
                log.append(line(at + "20Z", "POST", "/orders/" + (800 + s) + "/payments", "{\"card\":\"tok_ok\"}", 201, sid));
            }
        }
        Files.writeString(file, log);
    }

    private static String line(String ts, String method, String path, String body, int status, String sid) {
        return "{\"ts\":\"" + ts + "\",\"service\":\"shop\",\"method\":\"" + method + "\",\"path\":\"" + path + "\""
                + (body == null ? "" : ",\"requestBody\":" + body) + ",\"status\":" + status + ",\"durationMs\":5,\"sessionId\":\"" + sid + "\"}\n";
    }

    @Test
    void analysesTheIngestedTrafficAndPrintsTheSpecJson(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("shop.jsonl");
        writeTraffic(log);
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("OrdersTest.java"), "class OrdersTest { void pays() { given().post(\"/orders\"); } }");
        String workdir = dir.resolve("work").toString();
        CliRun ingest = CliRun.withEnvironment(WITH_KEY, "ingest", "--workdir", workdir, log.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        CliRun json = CliRun.withEnvironment(Map.of(), "analyze", "--json", "--top", "1", "--workdir", workdir, "--tests", tests.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode result = ExchangeJson.mapper().readTree(json.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("flows")).hasSize(1);
        JsonNode top = result.get("flows").get(0);
        assertThat(top.get("routes").toString()).isEqualTo("[\"GET /products\",\"POST /orders\",\"POST /orders/{id}/payments\"]");
        assertThat(top.get("sessions").asInt()).isEqualTo(3);
        assertThat(top.get("share").asDouble()).isEqualTo(0.75);
        assertThat(top.get("coverage").asText()).isEqualTo("partly covered");
        assertThat(top.get("why").asText()).contains("75.0% of sessions").contains("moves money");
        JsonNode edge = result.get("edgeCases").get(0);
        assertThat(edge.get("kind").asText()).isEqualTo("error-status");
        assertThat(edge.get("route").asText()).isEqualTo("POST /orders/{id}/payments");
        assertThat(edge.get("status").asInt()).isEqualTo(402);
        assertThat(edge.get("count").asInt()).isEqualTo(1);
        assertThat(edge.get("examples")).hasSize(1);
        // the declined session's key, masked (format-preserving, so it still looks like one)
        assertThat(edge.get("examples").get(0).asText()).matches("sid-[0-9a-f]{16}").isNotEqualTo(String.format("sid-%016x", 3 * 0x9E3779B97F4A7C15L));

        CliRun table = CliRun.withEnvironment(Map.of(), "analyze", "--workdir", workdir);

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("in 4 sessions over 3 routes: 2 flow variants")
                .contains("GET /products > POST /orders > POST /orders/{id}/payments")
                .contains("coverage: unknown")
                .containsPattern("error-status +shop POST /orders/\\{id\\}/payments +402");
    }

    @Test
    void aTopBelowOneIsAUsageError() {
        CliRun run = CliRun.of("analyze", "--top", "0", "--db", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--top must be 1 or more");
    }
}

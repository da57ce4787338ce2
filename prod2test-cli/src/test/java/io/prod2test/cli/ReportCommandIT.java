package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandIT {
    private static final Map<String, String> WITH_KEY = Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef");

    private static String line(String ts, String method, String path, String body, int status, String sid) {
        return "{\"ts\":\"" + ts + "\",\"service\":\"shop\",\"method\":\"" + method + "\",\"path\":\"" + path + "\""
                + (body == null ? "" : ",\"requestBody\":" + body) + ",\"status\":" + status + ",\"durationMs\":5,\"sessionId\":\"" + sid + "\"}\n";
    }

    @Test
    void writesTheAnalysedStoreAsOnePageWithTheRepositorysScenariosAndLastRun(@TempDir Path dir) throws Exception {
        StringBuilder log = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            String sid = String.format("sid-%016x", (s + 1) * 0x9E3779B97F4A7C15L);
            log.append(line("2026-11-02T09:0" + s + ":00Z", "GET", "/products", null, 200, sid));
            if (s < 3) { // three order (one is refused), one only browses
                log.append(line("2026-11-02T09:0" + s + ":10Z", "POST", "/orders", "{\"amount\":4980,\"currency\":\"JPY\"}", s == 2 ? 422 : 201, sid));
            }
        }
        Path logFile = Files.writeString(dir.resolve("shop.jsonl"), log);
        String workdir = dir.resolve("work").toString();
        Path out = dir.resolve("out/report.html");

        CliRun before = CliRun.withEnvironment(WITH_KEY, "ingest", "--workdir", workdir, logFile.toString());
        assertThat(before.exitCode()).as(before.err()).isZero();
        CliRun notAnalysed = CliRun.of("report", "--out", out.toString(), "--workdir", workdir);
        assertThat(notAnalysed.exitCode()).isEqualTo(2);
        assertThat(notAnalysed.err()).contains("run 'prod2test analyze' first");
        CliRun analyse = CliRun.of("analyze", "--workdir", workdir);
        assertThat(analyse.exitCode()).as(analyse.err()).isZero();

        Path repo = Files.createDirectories(dir.resolve("assets/scenarios/shop/shop-0001-order"));
        Files.writeString(repo.resolve("scenario.yaml"), "id: shop-0001-order\ntitle: Order 4980 JPY\npriority: high\n");
        Path junit = Files.writeString(dir.resolve("run.xml"), "<testsuites><testsuite name=\"prod2test.shop\"><testcase classname=\"prod2test.shop\""
                + " name=\"Order 4980 JPY [shop-0001-order]\" time=\"0.3\"/></testsuite></testsuites>");
        CliRun report = CliRun.of("report", "--out", out.toString(), "--workdir", workdir, "--repo", dir.resolve("assets").toString(),
                "--junit-xml", junit.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("report: " + out).contains("2 flows").contains("scan of ").contains(": clean");
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<g class=\"node\" data-route=\"GET /products\"")
                .contains("<g class=\"node\" data-route=\"POST /orders\"").contains("Order 4980 JPY")
                .contains("<span class=\"outcome passed\">passed</span>").contains("✔ clean");
    }
}

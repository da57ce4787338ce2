package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constant memory, shown rather than assumed: an ingest in a process whose heap is smaller than
 * its input loads all of it. Runs of long lines are in the input too, because batches that were
 * cut only by record count would hold thousands of them at once. (The 512 MB bound for inputs of
 * any size is measured by the ingest benchmark, which runs a 1 GB ingest with -Xmx512m.)
 */
class IngestHeapIT {
    private static final String HEAP = "-Xmx128m";

    @Test
    void ingestsAnInputBiggerThanItsHeapInAProcessWithASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        long exchanges = 0;
        StringBuilder items = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; exchanges < 50_000; i++) {
                // every 40th exchange carries a 64 KiB body, the others about 2 KiB
                int count = i % 40 == 0 ? 1_000 : 30;
                items.setLength(0);
                for (int k = 0; k < count; k++) {
                    items.append(k == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(k).append("\",\"qty\":").append(k % 7 + 1)
                            .append(",\"price\":").append(100 + k).append('}');
                }
                out.write("{\"ts\":\"2026-11-02T09:" + String.format("%02d:%02d", i / 60 % 60, i % 60) + "Z\",\"service\":\"shop\","
                        + "\"method\":\"POST\",\"path\":\"/orders\",\"requestBody\":{\"email\":\"buyer" + (i % 5_000) + "@example.org\","
                        + "\"items\":[" + items + "]},\"status\":201,\"sessionId\":\"" + IngestIT.rawSession(i / 8) + "\"}\n");
                exchanges++;
            }
        }
        long megabytes = Files.size(file) >> 20;
        assertThat(megabytes).as("the input is bigger than the heap").isGreaterThan(100);

        try (AnalysisStore store = AnalysisStore.open(StoreLocation.embeddedUnder(dir.resolve("pg")))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    IngestProcessMain.class.getName(), store.jdbcUrl(), file.toString(), "2000")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ingest.log").toFile()).start();
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("exit of the ingest with " + HEAP + ":\n" + Files.readString(dir.resolve("ingest.log")))
                    .isZero();
            try (Connection c = store.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE jsonb_array_length(request_body->'items') = 1000) FROM exchanges")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(exchanges);
                assertThat(rs.getLong(2)).isEqualTo(exchanges / 40);
            }
        }
    }
}

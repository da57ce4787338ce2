package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestResumeIT {

    @Test
    void anIngestKilledWithSigkillAndRunAgainEndsWithTheStoreAnUninterruptedRunMakes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            IngestIT.writeTraffic(out, 3_000);
        }
        try (AnalysisStore server = AnalysisStore.open(StoreLocation.embeddedUnder(dir.resolve("pg")))) {
            String base = server.jdbcUrl();
            String killedUrl = create(base, "killed");
            String cleanUrl = create(base, "clean");

            Process first = start(killedUrl, file);
            long committed = waitForAFirstBatch(killedUrl, first);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(committed).as("killed midway, after some batches and before the end").isBetween(1L, 6_119L);

            assertThat(run(killedUrl, file)).isZero();
            assertThat(run(cleanUrl, file)).isZero();

            try (Connection killed = DriverManager.getConnection(killedUrl); Connection clean = DriverManager.getConnection(cleanUrl)) {
                String resumed = IngestIT.dump(killed);
                assertThat(resumed).contains("committed_through=6120");
                assertThat(resumed).isEqualTo(IngestIT.dump(clean));
            }
        }
    }

    private static String create(String baseUrl, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = baseUrl.replace("/prod2test?", "/" + name + "?");
        AnalysisStore.open(new StoreLocation(url, null)).close(); // migrate before the race starts
        return url;
    }

    private static Process start(String url, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), IngestProcessMain.class.getName(),
                url, file.toString(), "50").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int run(String url, Path file) throws Exception {
        Process process = start(url, file);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    /** Polls the source's mark until a first batch is committed, then kills at once. */
    private static long waitForAFirstBatch(String url, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection c = DriverManager.getConnection(url)) {
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT coalesce(max(committed_through), 0) FROM sources")) {
                    rs.next();
                    long committed = rs.getLong(1);
                    if (committed > 0) {
                        return committed;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the ingest committed nothing within two minutes");
    }
}

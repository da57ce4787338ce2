package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandIT {
    private static final Map<String, String> WITH_KEY = Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef");
    private static final String EMAIL = "sakura.kobayashi@example.org";

    @Test
    void writesScenariosAndChartersFromTheStoresAnalysisAndMaskedDatasetsFromASource(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("shop.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String session = "\"sessionId\":\"sid-generate-" + i + "\"";
            lines.append("{\"ts\":\"2026-11-02T09:").append(String.format("%02d", i)).append(":00Z\",\"service\":\"shop\",\"method\":\"POST\","
                    + "\"path\":\"/carts\",\"requestBody\":{\"sku\":\"TEA-100\",\"quantity\":").append(i % 3 + 1)
                    .append("},\"status\":201,\"responseBody\":{\"id\":").append(100 + i).append("},").append(session).append("}\n");
            lines.append("{\"ts\":\"2026-11-02T09:").append(String.format("%02d", i)).append(":30Z\",\"service\":\"shop\",\"method\":\"POST\","
                    + "\"path\":\"/orders\",\"requestBody\":{\"cartId\":").append(100 + i).append(",\"currency\":\"JPY\"},\"status\":")
                    .append(i % 10 == 0 ? 422 : 201).append(",").append(session).append("}\n");
        }
        Files.writeString(log, lines);
        try (AnalysisStore server = AnalysisStore.open(StoreLocation.embeddedUnder(dir.resolve("pg")))) {
            String storeUrl = server.jdbcUrl();
            String sourceUrl = sourceDatabase(storeUrl);
            CliRun ingest = CliRun.withEnvironment(WITH_KEY, "ingest", "--db", storeUrl, log.toString());
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
            Path repo = dir.resolve("assets");

            CliRun run = CliRun.withEnvironment(WITH_KEY, "generate", "--json", "--db", storeUrl, "--repo", repo.toString(),
                    "--source", "shop=" + sourceUrl);

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = ExchangeJson.mapper().readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
            assertThat(json.get("scenarios").size()).as(run.out()).isPositive();
            JsonNode scenario = json.get("scenarios").get(0);
            assertThat(scenario.get("service").asText()).isEqualTo("shop");
            assertThat(repo.resolve(scenario.get("dir").asText()).resolve("scenario.yaml")).content().contains("POST /carts");
            assertThat(repo.resolve("pom.xml")).exists();
            assertThat(json.get("charters").size()).isPositive();
            assertThat(repo.resolve(json.get("charters").get(0).asText())).content().contains("- [ ]");
            assertThat(json.get("datasets").get(0).get("service").asText()).isEqualTo("shop");
            assertThat(json.get("datasets").get(0).get("rows").asInt()).isPositive();
            try (Stream<Path> files = Files.walk(repo.resolve("datasets/shop"))) {
                String sql = files.filter(Files::isRegularFile).map(GenerateCommandIT::read).reduce("", String::concat);
                assertThat(sql).contains("INSERT INTO").doesNotContain(EMAIL);
            }
        }
    }

    @Test
    void datasetsWithoutASourceIsBadUsage(@TempDir Path dir) {
        CliRun run = CliRun.of("generate", "--repo", dir.toString(), "--only", "datasets", "--workdir", dir.resolve("w").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--only datasets needs at least one --source");
    }

    /** A small production database beside the store: customers and their cards. */
    private static String sourceDatabase(String storeUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(storeUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
        }
        String url = storeUrl.replace("/prod2test?", "/shop?");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, name text NOT NULL)");
            s.execute("CREATE TABLE cards (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), last4 text NOT NULL)");
            for (int i = 1; i <= 30; i++) {
                s.execute("INSERT INTO customers VALUES (" + i + ", '" + (i == 1 ? EMAIL : "buyer" + i + "@example.org") + "', 'Customer " + i + "')");
                for (int k = 0; k < i % 4; k++) {
                    s.execute("INSERT INTO cards VALUES (" + (i * 10 + k) + ", " + i + ", '42" + String.format("%02d", k) + "')");
                }
            }
        }
        return url;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

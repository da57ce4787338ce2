package io.prod2test.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.publish.GitFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema and dataset tools over JSON-RPC, against the sample payments service's real schema on
 * an embedded PostgreSQL, configured as the server's source for "payments" (and, with no
 * migrations recorded yet, for "ledger").
 */
class GenerateToolsIT {
    static final int PAYMENTS = 30;

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static AnalysisStore store;
    static Path assets;
    static String sourceUrl;
    static String wideUrl;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE payments");
            s.execute("CREATE DATABASE wide");
        }
        wideUrl = postgres.getJdbcUrl("postgres", "wide");
        try (Connection c = java.sql.DriverManager.getConnection(wideUrl); Statement s = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE measurements (id bigint PRIMARY KEY");
            for (int i = 1; i <= 200; i++) {
                ddl.append(", m").append(i).append(" numeric");
            }
            s.execute(ddl.append(')').toString());
        }
        sourceUrl = postgres.getJdbcUrl("postgres", "payments");
        Flyway.configure().dataSource(sourceUrl, null, null).locations("classpath:db/payments").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(sourceUrl); Statement s = c.createStatement()) {
            for (int i = 0; i < PAYMENTS; i++) {
                String token = "tok_" + i;
                s.execute("INSERT INTO card_tokens VALUES ('" + token + "', '424242', '" + String.format("%04d", 1000 + i) + "', '"
                        + (i % 3 == 0 ? "amex" : "visa") + "', " + (1 + i % 12) + ", 2030, now())");
                s.execute("INSERT INTO payments (id, status, amount_minor, currency, order_ref, token, card_brand, card_last4, created_at,"
                        + " updated_at) VALUES ('pay_" + i + "', '" + (i % 5 == 0 ? "failed" : "authorized") + "', " + (100 * (i + 1))
                        + ", 'JPY', 'ord_" + i + "', '" + token + "', 'visa', '4242', now(), now())");
            }
        }
        store = AnalysisStore.open(StoreLocation.embeddedUnder(dir.resolve("store")));
        TrafficFixture.ingest(store, dir);
        assets = GitFixture.assetsWithRemote(dir)[0];
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        postgres.close();
    }

    /** A session with a server over this context; the server ends when the session closes. */
    static JsonNode call(McpContext context, String tool, Map<String, Object> arguments) throws Exception {
        JsonRpcSession client = new JsonRpcSession();
        Prod2TestMcpServer server = Prod2TestMcpServer.start(context, client.serverIn, client.serverOut);
        try {
            client.initialize();
            return client.callTool(tool, arguments);
        } finally {
            client.close();
            server.close();
        }
    }

    static McpContext configured() {
        return McpContext.of(store, assets).withSources(Map.of("payments", sourceUrl, "ledger", sourceUrl))
                .withMaskingKey(MaskingKey.ofText("generate-tools-it-key-0123456789"));
    }

    @Test
    void showsTheLiveSchemaPagedAndOneTableInFull() throws Exception {
        JsonNode overview = call(configured(), "get_schema", Map.of("service", "payments", "limit", 2)).path("result").path("structuredContent");

        assertThat(overview.path("dialect").asText()).isEqualTo("POSTGRESQL");
        assertThat(overview.path("tables").path("total").asInt()).isEqualTo(5);
        assertThat(overview.path("tables").path("items")).hasSize(2);
        assertThat(overview.path("tables").path("nextOffset").asInt()).isEqualTo(2);
        assertThat(overview.path("recorded").toString()).isEqualTo("[\"V1__baseline.sql\"]");

        JsonNode payments = call(configured(), "get_schema", Map.of("service", "payments", "table", "payments"))
                .path("result").path("structuredContent");
        assertThat(payments.path("table").path("columns")).hasSize(15);
        assertThat(payments.path("table").path("foreignKeys").get(0).path("referencedTable").asText()).isEqualTo("card_tokens");
        assertThat(payments.path("referencedBy").toString()).contains("captures(payment_id)", "refunds(payment_id)");

        assertInvalidParams(call(configured(), "get_schema", Map.of("service", "payments", "table", "nope")), "has no table 'nope'");
        assertThat(payments.path("cut").isNull()).isTrue();
        JsonNode wide = call(McpContext.of(store, assets).withSources(Map.of("wide", wideUrl)), "get_schema",
                Map.of("service", "wide", "table", "measurements")).path("result").path("structuredContent");
        assertThat(wide.path("table").path("columns")).hasSize(150);
        assertThat(wide.path("cut").asText()).contains("201 columns", "schemas/wide/");
        assertInvalidParams(call(configured(), "get_schema", Map.of("service", "jdbc:postgresql://evil/db")), "must be one of");
    }

    @Test
    void findsTheDriftFromSchemasAndWritesTheNextVersionOrTheBaseline() throws Exception {
        JsonNode drift = call(configured(), "check_schema_drift", Map.of("service", "payments")).path("result");

        assertThat(drift.path("isError").asBoolean()).as(drift.toString()).isFalse();
        JsonNode answer = drift.path("structuredContent");
        assertThat(answer.path("drift").asBoolean()).isTrue();
        assertThat(answer.path("baseline").asBoolean()).isFalse();
        assertThat(answer.path("listed").toString()).contains("customers", "card_tokens");
        String written = answer.path("written").asText();
        assertThat(written).startsWith("schemas/payments/V2__");
        assertThat(Files.readString(assets.resolve(written))).contains("CREATE TABLE \"card_tokens\"", "DROP TABLE \"customers\"");

        JsonNode baseline = call(configured(), "check_schema_drift", Map.of("service", "ledger")).path("result").path("structuredContent");
        assertThat(baseline.path("baseline").asBoolean()).isTrue();
        assertThat(baseline.path("written").asText()).isEqualTo("schemas/ledger/V1__baseline.sql");
        JsonNode again = call(configured(), "check_schema_drift", Map.of("service", "ledger")).path("result").path("structuredContent");
        assertThat(again.path("drift").asBoolean()).isFalse();
        assertThat(again.path("written").isNull()).isTrue();
    }

    @Test
    void writesMaskedDatasetsOnlyWithAKeyAndOnlyFromAConfiguredSource() throws Exception {
        JsonNode result = call(configured(), "generate_datasets", Map.of("service", "payments")).path("result");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        JsonNode answer = result.path("structuredContent");
        assertThat(answer.path("files").get(0).path("file").asText()).isEqualTo("datasets/payments/00_base/V1__reference_data.sql");
        JsonNode layer = answer.path("files").get(1);
        assertThat(layer.path("file").asText()).isEqualTo("datasets/payments/10_characteristic/V1__characteristic.sql");
        assertThat(layer.path("rowsByTable").path("payments").asInt()).isBetween(1, PAYMENTS);
        String sql = Files.readString(assets.resolve(layer.path("file").asText()));
        assertThat(sql).contains("INSERT INTO").doesNotContain("tok_1'");

        McpContext keyless = McpContext.of(store, assets).withSources(Map.of("payments", sourceUrl));
        assertToolError(call(keyless, "generate_datasets", Map.of("service", "payments")), "no masking key");
        assertToolError(call(McpContext.of(store, assets), "get_schema", Map.of("service", "payments")), "no source database");
        assertInvalidParams(call(keyless, "check_schema_drift", Map.of()), "argument 'service' is required");
    }

    @Test
    void takesTheLayersFromTheDatasetsSectionOfProd2testYaml() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("configured-assets"));
        Files.writeString(repo.resolve("prod2test.yaml"), """
                services:
                  payments: { baseUrl: http://localhost:8081 }
                datasets:
                  layers:
                    - name: declined
                      ids: { from: 3000000, to: 3999999 }
                      roots: [{ table: payments, where: "status = 'failed'", limit: 3 }]
                """);
        McpContext context = McpContext.of(store, repo).withSources(Map.of("payments", sourceUrl))
                .withMaskingKey(MaskingKey.ofText("generate-tools-it-key-0123456789"));

        JsonNode answer = call(context, "generate_datasets", Map.of("service", "payments")).path("result").path("structuredContent");

        assertThat(answer.path("configuration").asText()).isEqualTo("prod2test.yaml datasets:");
        JsonNode layer = answer.path("files").get(1);
        assertThat(layer.path("file").asText()).isEqualTo("datasets/payments/10_declined/V1__declined.sql");
        assertThat(layer.path("rowsByTable").path("payments").asInt()).isEqualTo(3);
    }

    @Test
    void writesScenariosOfTheTopFlowsAndEdgeCasesWithTheirJUnitProject() throws Exception {
        JsonNode result = call(configured(), "generate_scenarios", Map.of("topFlows", 1, "topEdgeCases", 1)).path("result");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        JsonNode answer = result.path("structuredContent");
        JsonNode scenarios = answer.path("scenarios");
        assertThat(scenarios.path("total").asInt()).as(answer.toString()).isGreaterThanOrEqualTo(2);
        JsonNode flow = scenarios.path("items").get(0);
        assertThat(flow.path("service").asText()).isEqualTo("shop");
        assertThat(flow.path("origin").asText()).isEqualTo("flow 1");
        String folder = flow.path("folder").asText();
        assertThat(folder).startsWith("scenarios/shop/");
        assertThat(Files.readString(assets.resolve(folder).resolve("scenario.yaml"))).contains("POST /payments");
        assertThat(answer.path("projectFiles").toString()).contains("pom.xml");
        for (JsonNode item : scenarios.path("items")) {
            assertThat(item.path("origin").asText()).as("one flow and one edge case asked for").matches("flow 1|edge case \\d+ \\(.*\\)");
            assertThat(assets.resolve(item.path("folder").asText()).resolve("scenario.yaml")).exists();
        }
        assertThat(answer.path("skipped")).hasSize(Math.min(answer.path("skippedCount").asInt(), 20));
        answer.path("skipped").forEach(skipped -> assertThat(skipped.path("reason").asText()).isNotBlank());

        assertInvalidParams(call(configured(), "generate_scenarios", Map.of("topFlows", 500)), "between 0 and 50");
    }

    private static void assertToolError(JsonNode response, String message) {
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isTrue();
        assertThat(response.path("result").path("content").get(0).path("text").asText()).contains(message);
    }

    private static void assertInvalidParams(JsonNode response, String message) {
        assertThat(response.path("error").path("code").asInt()).as(response.toString()).isEqualTo(-32602);
        assertThat(response.path("error").path("message").asText()).contains(message);
    }
}

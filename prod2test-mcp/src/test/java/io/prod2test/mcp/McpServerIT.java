package io.prod2test.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.publish.GitFixture;
import io.prod2test.publish.GitHubClient;
import io.prod2test.publish.GitHubRepository;
import io.prod2test.publish.GitHubTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process, driven over piped streams with raw JSON-RPC as a client would send it. */
class McpServerIT {
    @TempDir
    static Path dir;
    static AnalysisStore store;
    static GitHubTestServer github;
    static Prod2TestMcpServer server;
    static JsonRpcSession client;
    static Path assets;
    static Path remote;
    static Thread serving;
    static Path serviceTests;

    @BeforeAll
    static void start() throws Exception {
        store = AnalysisStore.open(StoreLocation.embeddedUnder(dir.resolve("store")));
        TrafficFixture.ingest(store, dir);
        Path[] repos = GitFixture.assetsWithRemote(dir);
        assets = repos[0];
        remote = repos[1];
        github = new GitHubTestServer("mcp-token", "acme", "test-assets", "main");
        serviceTests = dir.resolve("payments-service/src/test/java");
        GitFixture.write(serviceTests.getParent().getParent().getParent(), "src/test/java/acme/CheckoutTest.java", CHECKOUT_TEST);
        McpContext context = new McpContext(store, assets, remote.toString(), GitHubRepository.parse("acme/test-assets"),
                new GitHubClient(github.api(), "mcp-token"), Duration.ofMillis(1500), 100).withTests(List.of(serviceTests));
        client = new JsonRpcSession();
        server = Prod2TestMcpServer.start(context, client.serverIn, client.serverOut);
        serving = new Thread(() -> {
            try {
                server.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serving.start();
        JsonNode init = client.initialize();
        assertThat(init.path("result").path("serverInfo").path("name").asText()).isEqualTo("prod2test");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        serving.join(10_000);
        assertThat(serving.isAlive()).as("the server notices the end of its input").isFalse();
        server.close();
        github.close();
        store.close();
        for (String line : client.lines) {
            assertThat(JsonRpcSession.JSON.readTree(line).path("jsonrpc").asText()).as(line).isEqualTo("2.0");
        }
    }

    @Test
    void listsTheToolsOfTheStagesThisBuildHasWithTheirSchemas() throws Exception {
        JsonNode tools = client.request("tools/list", Map.of()).path("result").path("tools");

        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactly("summarize_traffic", "list_flows", "list_edge_cases", "search_tests", "get_schema",
                "check_schema_drift", "get_flow_sequences", "generate_scenarios", "generate_datasets", "generate_charters", "query",
                "open_pull_request");
        for (JsonNode tool : tools) {
            assertThat(tool.path("description").asText().length()).as(tool.path("name").asText()).isGreaterThan(150);
            assertThat(tool.path("inputSchema").path("additionalProperties").asBoolean(true)).isFalse();
        }
        assertThat(tools.get(names.indexOf("query")).path("inputSchema").path("required").toString()).isEqualTo("[\"sql\"]");
        assertThat(tools.get(names.indexOf("open_pull_request")).path("annotations").path("readOnlyHint").asBoolean()).isFalse();
        assertThat(tools.get(names.indexOf("check_schema_drift")).path("annotations").path("readOnlyHint").asBoolean()).isFalse();
        assertThat(tools.get(names.indexOf("list_flows")).path("inputSchema").path("properties").path("coverage").path("enum").toString())
                .isEqualTo("[\"covered\",\"partly covered\",\"not covered\",\"unknown\"]");
        assertThat(tools.get(names.indexOf("list_flows")).path("inputSchema").path("properties").path("reanalyse").path("type").asText())
                .isEqualTo("boolean");
    }

    @Test
    void summarizesTheTrafficOfTheStore() throws Exception {
        JsonNode result = client.callTool("summarize_traffic", Map.of("routeLimit", 2)).path("result");

        assertThat(result.path("isError").asBoolean()).isFalse();
        JsonNode summary = result.path("structuredContent");
        assertThat(summary.path("exchanges").asLong()).isEqualTo(TrafficFixture.exchanges());
        assertThat(summary.path("sessions").asLong()).isEqualTo(TrafficFixture.SESSIONS);
        assertThat(summary.path("quarantined").asLong()).isEqualTo(TrafficFixture.BROKEN_LINES);
        assertThat(summary.path("from").asText()).startsWith("2026-11-02T09:00:01");
        assertThat(summary.path("statusClasses").path("4xx").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(summary.path("routes").path("total").asLong()).isEqualTo(TrafficFixture.HAPPY_FLOW.size());
        assertThat(summary.path("routes").path("items")).hasSize(2);
        assertThat(summary.path("routes").path("nextOffset").asLong()).isEqualTo(2);
        JsonNode busiest = summary.path("routes").path("items").get(0);
        assertThat(busiest.path("route").asText()).isEqualTo("POST /payments");
        assertThat(busiest.path("exchanges").asLong()).isEqualTo(TrafficFixture.SESSIONS + TrafficFixture.conflicted());
        assertThat(busiest.path("clientErrors").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(result.path("content").get(0).path("text").asText()).contains("\"exchanges\":" + TrafficFixture.exchanges());
    }

    @Test
    void findsTheSessionsOfAFlowWithTheirVariantsAndPagesThem() throws Exception {
        JsonNode answer = client.callTool("get_flow_sequences", Map.of("routes", TrafficFixture.HAPPY_FLOW, "limit", 3))
                .path("result").path("structuredContent");

        int clean = TrafficFixture.SESSIONS - TrafficFixture.conflicted();
        assertThat(answer.path("sessions").path("total").asLong()).isEqualTo(TrafficFixture.SESSIONS);
        assertThat(answer.path("sessions").path("items")).hasSize(3);
        assertThat(answer.path("sessions").path("nextOffset").asLong()).isEqualTo(3);
        assertThat(answer.path("variants")).hasSize(2);
        assertThat(answer.path("variants").get(0).path("sessions").asLong()).isEqualTo(clean);
        assertThat(answer.path("variants").get(1).path("sessions").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(answer.path("variants").get(1).path("routes").toString()).contains("POST /payments\",\"POST /payments");

        JsonNode exact = client.callTool("get_flow_sequences", Map.of("routes", TrafficFixture.HAPPY_FLOW, "match", "exact", "offset", 30))
                .path("result").path("structuredContent");
        assertThat(exact.path("sessions").path("total").asLong()).isEqualTo(clean);
        assertThat(exact.path("sessions").path("items")).hasSize(clean - 30);
        assertThat(exact.path("sessions").path("nextOffset").isNull()).isTrue();

        JsonNode prefix = client.callTool("get_flow_sequences", Map.of("routes", List.of("POST /customers/{id}/cards"), "match", "prefix"))
                .path("result").path("structuredContent");
        assertThat(prefix.path("sessions").path("total").asLong()).isZero();

        long sessionId = exact.path("sessions").path("items").get(0).path("sessionId").asLong();
        JsonNode one = client.callTool("get_flow_sequences", Map.of("sessionId", sessionId)).path("result").path("structuredContent");
        assertThat(one.path("steps")).hasSize(TrafficFixture.HAPPY_FLOW.size());
        assertThat(one.path("steps").get(1).path("route").asText()).isEqualTo("POST /customers/{id}/cards");
        assertThat(one.path("session").path("routes").toString()).isEqualTo(JsonRpcSession.JSON.valueToTree(TrafficFixture.HAPPY_FLOW).toString());

        JsonNode missing = client.callTool("get_flow_sequences", Map.of("sessionId", 99_999_999)).path("result");
        assertThat(missing.path("isError").asBoolean()).isTrue();
        assertThat(missing.path("content").get(0).path("text").asText()).contains("there is no session 99999999");
    }

    @Test
    void answersReadOnlySqlWithARowLimit() throws Exception {
        JsonNode answer = client.callTool("query", Map.of("sql", "SELECT status, count(*) AS n FROM exchanges GROUP BY 1 ORDER BY 1;"))
                .path("result").path("structuredContent");

        assertThat(answer.path("columns").toString()).isEqualTo("[\"status:int2\",\"n:int8\"]");
        assertThat(answer.path("rows").toString()).isEqualTo("[[201," + TrafficFixture.SESSIONS * TrafficFixture.HAPPY_FLOW.size()
                + "],[409," + TrafficFixture.conflicted() + "]]");
        assertThat(answer.path("note").isNull()).as("runs as the reader role").isTrue();

        JsonNode limited = client.callTool("query", Map.of("sql", "SELECT id FROM exchanges", "maxRows", 5))
                .path("result").path("structuredContent");
        assertThat(limited.path("rowCount").asInt()).isEqualTo(5);
        assertThat(limited.path("truncated").asBoolean()).isTrue();

        JsonNode wide = client.callTool("query", Map.of("sql", "SELECT repeat('x', 290) FROM generate_series(1, 100)", "maxRows", 100))
                .path("result");
        assertThat(wide.path("structuredContent").path("rowCount").asInt()).isBetween(1, 99);
        assertThat(wide.path("structuredContent").path("note").asText()).startsWith("cut at");
        assertThat(wide.path("content").get(0).path("text").asText().length()).isLessThan(40_000);
    }

    @Test
    void refusesSqlThatWritesRunsForeverOrEscapesTheStore() throws Exception {
        assertToolError(client.callTool("query", Map.of("sql", "DELETE FROM exchanges")), "only reading statements");
        assertToolError(client.callTool("query", Map.of("sql", "SELECT 1; DROP TABLE exchanges")), "one statement at a time");
        assertToolError(client.callTool("query", Map.of("sql", "WITH gone AS (DELETE FROM exchanges RETURNING 1) SELECT count(*) FROM gone")),
                "read-only transaction");
        assertToolError(client.callTool("query", Map.of("sql", "SELECT pg_sleep(30)")), "ran longer than 1500 ms");
        assertToolError(client.callTool("query", Map.of("sql", "SELECT pg_read_file('/etc/passwd')")), "permission denied");
        assertToolError(client.callTool("query", Map.of("sql", "SELECT set_config('role', 'postgres', false)")), "permission denied");
        assertToolError(client.callTool("query", Map.of("sql", "SELECT nextval('exchanges_id_seq')")), "refused the query");

        JsonNode still = client.callTool("query", Map.of("sql", "SELECT count(*) FROM exchanges")).path("result").path("structuredContent");
        assertThat(still.path("rows").get(0).get(0).asLong()).isEqualTo(TrafficFixture.exchanges());
    }

    @Test
    void wrongArgumentsAndUnknownToolsAreProtocolErrors() throws Exception {
        assertInvalidParams(client.callTool("query", Map.of("sql", 42)), "argument 'sql' must be a string");
        assertInvalidParams(client.callTool("query", Map.of()), "argument 'sql' is required");
        assertInvalidParams(client.callTool("summarize_traffic", Map.of("routeLimit", "ten")), "must be an integer");
        assertInvalidParams(client.callTool("summarize_traffic", Map.of("routeLimit", 1000)), "between 1 and 100");
        assertInvalidParams(client.callTool("summarize_traffic", Map.of("colour", "red")), "unknown argument 'colour'");
        assertInvalidParams(client.callTool("get_flow_sequences", Map.of()), "exactly one of sessionId and routes");
        assertInvalidParams(client.callTool("get_flow_sequences", Map.of("routes", List.of(), "match", "exact")), "non-empty array");
        assertInvalidParams(client.callTool("get_flow_sequences", Map.of("routes", List.of("GET /"), "match", "fuzzy")), "one of");
        assertInvalidParams(client.callTool("get_flow_sequences", Map.of("routes", List.of("/payments"))), "must match [A-Z]+ /.*");

        JsonNode unknown = client.callTool("drop_database", Map.of());
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(unknown.path("error").path("message").asText()).contains("Unknown tool");
    }

    @Test
    void opensAPullRequestForTheGeneratedFilesAndRefusesPathsOutsideThem() throws Exception {
        GitFixture.scenario(assets, "shop", "shop-001", String.join(", ", TrafficFixture.HAPPY_FLOW), "frequent");
        GitFixture.scenario(assets, "shop", "shop-002", "POST /payments", "edge-case", "status-409");

        assertInvalidParams(client.callTool("open_pull_request", Map.of("branch", "prod2test/x", "paths", List.of("../../etc"))),
                "must not contain '..'");
        assertInvalidParams(client.callTool("open_pull_request", Map.of("branch", "prod2test/x", "paths", List.of("src/main/java"))),
                "not a generated asset");
        assertInvalidParams(client.callTool("open_pull_request", Map.of("branch", "../main")), "must match");
        assertToolError(client.callTool("open_pull_request", Map.of("branch", "main")), "never pushes to the default branch");

        JsonNode answer = client.callTool("open_pull_request", Map.of("branch", "prod2test/mcp", "paths", List.of("scenarios/")))
                .path("result");

        assertThat(answer.path("isError").asBoolean()).as(answer.toString()).isFalse();
        JsonNode pr = answer.path("structuredContent");
        assertThat(pr.path("scenarios").asInt()).isEqualTo(2);
        assertThat(pr.path("edgeCases").asInt()).isEqualTo(1);
        assertThat(pr.path("flowShare").asDouble()).isEqualTo(0.5);
        assertThat(pr.path("pullRequest").path("url").asText()).isEqualTo("https://github.com/acme/test-assets/pull/1");
        assertThat(github.received().getLast().body().path("head").asText()).isEqualTo("prod2test/mcp");
        try (Git bare = Git.open(remote.toFile())) {
            assertThat(bare.getRepository().exactRef("refs/heads/prod2test/mcp")).isNotNull();
        }
        JsonNode resources = client.request("resources/list", Map.of()).path("result").path("resources");
        assertThat(resources.toString()).contains("prod2test://assets/scenarios/shop/shop-002/scenario.yaml");
    }

    @Test
    void servesTheGeneratedFilesAndTheSummaryAsResourcesAndNothingElse() throws Exception {
        JsonNode resources = client.request("resources/list", Map.of()).path("result").path("resources");
        assertThat(resources.toString()).contains("prod2test://analysis/summary", "prod2test://assets/schemas/payments/V1__baseline.sql")
                .doesNotContain("README.md");

        JsonNode schema = client.request("resources/read", Map.of("uri", "prod2test://assets/schemas/payments/V1__baseline.sql"));
        assertThat(schema.path("result").path("contents").get(0).path("text").asText()).contains("CREATE TABLE customers");
        JsonNode summary = client.request("resources/read", Map.of("uri", "prod2test://analysis/summary"));
        assertThat(summary.path("result").path("contents").get(0).path("text").asText()).contains("\"sessions\":" + TrafficFixture.SESSIONS);

        client.callTool("list_flows", Map.of());
        JsonNode findings = client.request("resources/read", Map.of("uri", "prod2test://analysis/findings"));
        JsonNode content = JsonRpcSession.JSON.readTree(findings.path("result").path("contents").get(0).path("text").asText());
        assertThat(content.path("flows").path("flows").path("total").asInt()).isEqualTo(1);
        assertThat(content.path("edgeCases").path("edgeCases").path("items").toString()).contains("\"status\":409");

        assertThat(client.request("resources/read", Map.of("uri", "prod2test://assets/../../etc/passwd")).has("error")).isTrue();
        assertThat(client.request("resources/read", Map.of("uri", "prod2test://assets/README.md")).has("error")).isTrue();
    }

    @Test
    void offersTheAnalysisAndCharterPrompts() throws Exception {
        JsonNode prompts = client.request("prompts/list", Map.of()).path("result").path("prompts");
        assertThat(prompts.toString()).contains("analyse_period", "exploratory_charter");

        String charter = client.request("prompts/get", Map.of("name", "exploratory_charter", "arguments", Map.of("feature", "Refunds",
                "service", "payments"))).path("result").path("messages").get(0).path("content").path("text").asText();
        assertThat(charter).contains("charters/payments/refunds.md", "- [ ]", "Order by product priority", "combinations and edge cases first")
                .contains("list_edge_cases", "search_tests", "generate_charters");
        String analyse = client.request("prompts/get", Map.of("name", "analyse_period", "arguments", Map.of("from", "2026-11-01")))
                .path("result").path("messages").get(0).path("content").path("text").asText();
        assertThat(analyse).contains("from 2026-11-01 to the end", "summarize_traffic", "list_flows", "list_edge_cases", "search_tests",
                "check_schema_drift", "generate_scenarios", "generate_datasets", "generate_charters", "open_pull_request");
        JsonNode noFeature = client.request("prompts/get", Map.of("name", "exploratory_charter", "arguments", Map.of()));
        assertThat(noFeature.path("error").path("message").asText()).contains("feature");
    }

    @Test
    void listsTheFlowsOfTheAnalysisWithTheirCoverageAndPagesThem() throws Exception {
        JsonNode answer = client.callTool("list_flows", Map.of()).path("result").path("structuredContent");

        assertThat(answer.path("sessions").asLong()).isEqualTo(TrafficFixture.SESSIONS);
        assertThat(answer.path("testsScanned").asBoolean()).isTrue();
        JsonNode flows = answer.path("flows");
        assertThat(flows.path("total").asLong()).isEqualTo(1);
        JsonNode flow = flows.path("items").get(0);
        assertThat(flow.path("routes").toString()).isEqualTo(JsonRpcSession.JSON.valueToTree(TrafficFixture.HAPPY_FLOW).toString());
        assertThat(flow.path("sessions").asLong()).isEqualTo(TrafficFixture.SESSIONS);
        assertThat(flow.path("share").asDouble()).isEqualTo(1.0);
        assertThat(flow.path("errorSessions").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(flow.path("coverage").asText()).isEqualTo("covered");
        assertThat(flow.path("exampleSessions")).hasSize(3);

        long example = flow.path("exampleSessions").get(0).asLong();
        JsonNode session = client.callTool("get_flow_sequences", Map.of("sessionId", example)).path("result").path("structuredContent");
        assertThat(session.path("stepCount").asInt()).isGreaterThanOrEqualTo(TrafficFixture.HAPPY_FLOW.size());

        assertThat(client.callTool("list_flows", Map.of("route", "refunds")).path("result").path("structuredContent")
                .path("flows").path("total").asLong()).isZero();
        assertThat(client.callTool("list_flows", Map.of("coverage", "not covered")).path("result").path("structuredContent")
                .path("flows").path("total").asLong()).isZero();
        JsonNode byService = client.callTool("list_flows", Map.of("service", "shop", "route", "post /PAYMENTS", "order", "priority"))
                .path("result").path("structuredContent");
        assertThat(byService.path("flows").path("total").asLong()).isEqualTo(1);
        assertThat(byService.path("analysedNow").asBoolean()).isFalse();
        JsonNode beyond = client.callTool("list_flows", Map.of("offset", 5)).path("result").path("structuredContent").path("flows");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("nextOffset").isNull()).isTrue();
        assertInvalidParams(client.callTool("list_flows", Map.of("coverage", "mostly")), "must be one of");
        assertInvalidParams(client.callTool("list_flows", Map.of("reanalyse", "yes")), "must be a boolean");
    }

    @Test
    void listsTheEdgeCasesByKindAndStatus() throws Exception {
        JsonNode answer = client.callTool("list_edge_cases", Map.of("kind", "error-status")).path("result").path("structuredContent");

        JsonNode conflict = answer.path("edgeCases").path("items").get(0);
        assertThat(answer.path("edgeCases").path("total").asLong()).isEqualTo(1);
        assertThat(conflict.path("route").asText()).isEqualTo("POST /payments");
        assertThat(conflict.path("status").asInt()).isEqualTo(409);
        assertThat(conflict.path("count").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(conflict.path("sessions").asLong()).isEqualTo(TrafficFixture.conflicted());
        assertThat(conflict.path("coverage").asText()).as("the service's test expects the 409").isEqualTo("covered");
        assertThat(conflict.path("exampleSessions")).isNotEmpty();
        assertThat(answer.path("byKind").path("error-status").asLong()).isEqualTo(1);

        JsonNode all = client.callTool("list_edge_cases", Map.of("limit", 1)).path("result").path("structuredContent");
        long total = all.path("edgeCases").path("total").asLong();
        long summed = 0;
        for (JsonNode n : all.path("byKind")) {
            summed += n.asLong();
        }
        assertThat(summed).isEqualTo(total);
        assertThat(all.path("edgeCases").path("items")).hasSize(1);
        assertThat(client.callTool("list_edge_cases", Map.of("status", 500)).path("result").path("structuredContent")
                .path("edgeCases").path("total").asLong()).isZero();
        assertInvalidParams(client.callTool("list_edge_cases", Map.of("status", 200)), "between 400 and 599");
        assertInvalidParams(client.callTool("list_edge_cases", Map.of("kind", "weird")), "must be one of");
    }

    @Test
    void searchesTheRepositoryAndTheServiceTestsForWhatTheyCover() throws Exception {
        JsonNode answer = client.callTool("search_tests", Map.of()).path("result").path("structuredContent");

        assertThat(answer.path("folders").toString()).contains("\"schemas\"", serviceTests.toRealPath().toString())
                .doesNotContain(".git");
        JsonNode checkout = find(answer.path("files").path("items"), "CheckoutTest.java");
        assertThat(checkout.path("routes").toString()).contains("POST /customers", "POST /customers/{id}/cards", "POST /payments");
        assertThat(checkout.path("statuses").toString()).isEqualTo("[409]");
        JsonNode coverage = answer.path("coverage");
        assertThat(coverage.path("flows").asInt()).isEqualTo(1);
        assertThat(coverage.path("covered").asInt()).isEqualTo(1);
        assertThat(coverage.path("sessionShareCovered").asDouble()).isEqualTo(1.0);
        assertThat(coverage.path("routesNeverCalled")).isEmpty();

        JsonNode repoOnly = client.callTool("search_tests", Map.of("folders", List.of("schemas"))).path("result").path("structuredContent");
        assertThat(repoOnly.path("files").path("total").asLong()).isZero();
        assertThat(repoOnly.path("coverage").path("notCovered").asInt()).isEqualTo(1);
        assertThat(repoOnly.path("coverage").path("gaps").get(0).path("sessions").asLong()).isEqualTo(TrafficFixture.SESSIONS);
        assertThat(repoOnly.path("coverage").path("routesNeverCalled")).hasSize(TrafficFixture.HAPPY_FLOW.size());

        JsonNode filtered = client.callTool("search_tests", Map.of("folders", List.of(serviceTests.toString()), "route", "DELETE /"))
                .path("result").path("structuredContent");
        assertThat(filtered.path("files").path("total").asLong()).isZero();

        assertInvalidParams(client.callTool("search_tests", Map.of("folders", List.of("../.."))), "must not contain '..'");
        assertInvalidParams(client.callTool("search_tests", Map.of("folders", List.of("/etc"))), "outside the asset repository");
        java.nio.file.Files.createSymbolicLink(dir.resolve("escape"), Path.of("/etc"));
        assertInvalidParams(client.callTool("search_tests", Map.of("folders", List.of(dir.resolve("escape").toString()))), "outside");
        assertInvalidParams(client.callTool("search_tests", Map.of("folders", List.of("no-such-folder"))), "does not exist");
    }

    @Test
    void writesExploratoryChartersPerRouteFamilyAndListsThem() throws Exception {
        JsonNode answer = client.callTool("generate_charters", Map.of()).path("result").path("structuredContent");

        JsonNode charters = answer.path("charters");
        assertThat(charters.path("total").asInt()).isEqualTo(2);
        List<String> files = new ArrayList<>();
        charters.path("items").forEach(c -> files.add(c.path("file").asText()));
        assertThat(files).containsExactly("charters/shop/customers.md", "charters/shop/payments.md");
        JsonNode payments = charters.path("items").get(1);
        assertThat(payments.path("service").asText()).isEqualTo("shop");
        assertThat(payments.path("items").asInt()).isPositive();
        String markdown = java.nio.file.Files.readString(assets.resolve("charters/shop/payments.md"));
        assertThat(markdown).contains("- [ ]", "POST /payments");

        JsonNode one = client.callTool("generate_charters", Map.of("feature", "PAYMENTS", "limit", 1)).path("result").path("structuredContent");
        assertThat(one.path("charters").path("total").asInt()).isEqualTo(1);
        JsonNode none = client.callTool("generate_charters", Map.of("service", "ledger")).path("result").path("structuredContent");
        assertThat(none.path("charters").path("total").asInt()).isZero();
        assertThat(none.path("next").asText()).contains("no charter matches");
        JsonNode resources = client.request("resources/list", Map.of()).path("result").path("resources");
        assertThat(resources.toString()).contains("prod2test://assets/charters/shop/payments.md");
    }

    private static JsonNode find(JsonNode items, String fileSuffix) {
        for (JsonNode item : items) {
            if (item.path("file").asText().endsWith(fileSuffix)) {
                return item;
            }
        }
        throw new AssertionError("no " + fileSuffix + " in " + items);
    }

    static final String CHECKOUT_TEST = """
            package acme;

            import static io.restassured.RestAssured.given;

            class CheckoutTest {
                void signsUpSavesACardAndPays() {
                    long id = given().body("{}").post("/customers").then().statusCode(201).extract().path("id");
                    given().body("{}").post("/customers/" + id + "/cards").then().statusCode(201);
                    given().body("{}").post("/payments").then().statusCode(201);
                    given().body("{}").post("/payments").then().statusCode(409);
                }
            }
            """;

    private static void assertToolError(JsonNode response, String message) {
        assertThat(response.has("error")).as(response.toString()).isFalse();
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isTrue();
        assertThat(response.path("result").path("content").get(0).path("text").asText()).contains(message);
    }

    private static void assertInvalidParams(JsonNode response, String message) {
        assertThat(response.path("error").path("code").asInt()).as(response.toString()).isEqualTo(-32602);
        assertThat(response.path("error").path("message").asText()).contains(message);
    }
}

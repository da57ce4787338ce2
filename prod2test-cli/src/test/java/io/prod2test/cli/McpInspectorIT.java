package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.publish.GitFixture;
import io.prod2test.publish.GitHubTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.jgit.api.Git;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prod2test mcp} driven by a real MCP client: the official MCP Inspector CLI from npm,
 * installed under {@code target/mcp-inspector} on first run, started with a
 * {@code claude_desktop_config.json}-style file that launches this build's {@code prod2test mcp} as
 * a stdio server, as a desktop client would. The store is a database of its own on the machine's
 * PostgreSQL, filled by {@code prod2test ingest} with payments traffic shaped like the demo's
 * (authorise, capture, refund, declines); the payments source is the sample service's schema on an
 * embedded PostgreSQL; pull requests go to a local GitHub stand-in.
 *
 * <p>The Inspector CLI answers one request per process (and so starts the server once a call): the
 * QA engineer's conversation runs through its client code over one connection instead
 * ({@code src/test/resources/mcp/conversation.mjs}); single calls and hostile ones through the CLI.
 */
class McpInspectorIT {
    /** The newest Inspector release whose CLI still runs on this machine's Node 20. */
    static final String INSPECTOR = "@modelcontextprotocol/inspector@0.16.7";
    static final String MACHINE_PG = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final int SESSIONS = 24;
    /** Every DECLINE_EVERY-th authorisation is declined (402) and the session ends there. */
    static final int DECLINE_EVERY = 4;
    /** Of the captured payments, every REFUND_EVERY-th is refunded. */
    static final int REFUND_EVERY = 3;
    static final String KEY = "inspector-test-key-0123456789ab";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path inspector;
    static String database;
    static String url;
    static Path assets;
    static Path remote;
    static Path config;
    static GitHubTestServer github;
    static EmbeddedPostgres source;
    static Path serviceTests;

    @BeforeAll
    static void setUp() throws Exception {
        inspector = installInspector();
        database = "prod2test_mcp_it_" + ProcessHandle.current().pid();
        admin("DROP DATABASE IF EXISTS " + database);
        admin("CREATE DATABASE " + database);
        url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
        Path log = dir.resolve("payments.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SESSIONS; i++) {
            String sid = String.format("sid-%016x", (i + 7) * 0x9E3779B97F4A7C15L);
            long id = 5000 + i;
            if (i % DECLINE_EVERY == 0) {
                lines.append(line("09:%02d:01", i, "POST", "/payments", 402, sid));
                continue;
            }
            lines.append(line("09:%02d:01", i, "POST", "/payments", 201, sid))
                    .append(line("09:%02d:05", i, "POST", "/payments/" + id + "/capture", 200, sid));
            if (i % REFUND_EVERY == 0) {
                lines.append(line("09:%02d:09", i, "POST", "/payments/" + id + "/refunds", 201, sid));
            }
        }
        Files.writeString(log, lines);
        CliRun ingest = CliRun.withEnvironment(Map.of("PROD2TEST_MASKING_KEY", KEY),
                "ingest", "--db", url, "--service", "payments", log.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        // the payments service's production database: its real schema, a few rows
        source = EmbeddedPostgres.start();
        try (Connection c = source.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE payments");
        }
        String sourceUrl = source.getJdbcUrl("postgres", "payments");
        Flyway.configure().dataSource(sourceUrl, null, null).locations("classpath:db/payments").load().migrate();
        try (Connection c = DriverManager.getConnection(sourceUrl); Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                s.execute("INSERT INTO card_tokens VALUES ('tok_" + i + "', '424242', '" + (1000 + i) + "', 'visa', " + (1 + i % 12)
                        + ", 2030, now())");
                s.execute("INSERT INTO payments (id, status, amount_minor, currency, order_ref, token, card_brand, card_last4, created_at,"
                        + " updated_at) VALUES ('pay_" + i + "', '" + (i % DECLINE_EVERY == 0 ? "failed" : "captured") + "', "
                        + (500 * (i + 1)) + ", 'JPY', 'ord_" + i + "', 'tok_" + i + "', 'visa', '" + (1000 + i) + "', now(), now())");
            }
        }

        // the payments service's own tests, outside the asset repository
        serviceTests = dir.resolve("payments-service/src/test");
        Files.createDirectories(serviceTests.resolve("java/acme"));
        Files.writeString(serviceTests.resolve("java/acme/AuthoriseAndCaptureTest.java"), """
                package acme;

                class AuthoriseAndCaptureTest {
                    void authorisesAndCaptures() {
                        String id = given().body(card()).post("/payments").then().statusCode(201).extract().path("id");
                        given().post("/payments/" + id + "/capture").then().statusCode(200);
                    }

                    void declinesAnExpiredCard() {
                        given().body(expiredCard()).post("/payments").then().statusCode(402);
                    }
                }
                """);

        Path[] repos = GitFixture.assetsWithRemote(dir);
        assets = repos[0];
        remote = repos[1];
        github = new GitHubTestServer("inspector-token", "acme", "test-assets", "main");

        // The same shape as Claude Desktop's claude_desktop_config.json (see prod2test-mcp/README.md).
        ObjectNode server = JSON.createObjectNode().put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ArrayNode args = server.putArray("args");
        for (String arg : List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp",
                "--db", url, "--repo", assets.toString(), "--remote", remote.toString(), "--github", "acme/test-assets",
                "--github-api", github.api().toString(), "--query-timeout", "2",
                "--source", "payments=" + sourceUrl, "--tests", serviceTests.toString())) {
            args.add(arg);
        }
        server.putObject("env").put("GITHUB_TOKEN", "inspector-token").put("PROD2TEST_MASKING_KEY", KEY);
        ObjectNode root = JSON.createObjectNode();
        root.putObject("mcpServers").set("prod2test", server);
        config = dir.resolve("claude_desktop_config.json");
        JSON.writeValue(config.toFile(), root);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (github != null) {
            github.close();
        }
        if (source != null) {
            source.close();
        }
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static int declined() {
        return (SESSIONS + DECLINE_EVERY - 1) / DECLINE_EVERY;
    }

    static int refunded() {
        int n = 0;
        for (int i = 0; i < SESSIONS; i++) {
            n += i % DECLINE_EVERY != 0 && i % REFUND_EVERY == 0 ? 1 : 0;
        }
        return n;
    }

    static int exchanges() {
        return declined() + 2 * (SESSIONS - declined()) + refunded();
    }

    @Test
    void listsTheToolsAndReadsAResourceThroughTheInspectorCli() throws Exception {
        JsonNode tools = ok("--method", "tools/list").path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactly("summarize_traffic", "list_flows", "list_edge_cases", "search_tests", "get_schema",
                "check_schema_drift", "get_flow_sequences", "generate_scenarios", "generate_datasets", "generate_charters", "query",
                "open_pull_request");
        assertThat(tools.get(names.indexOf("get_schema")).path("inputSchema").path("properties").path("service").path("enum").toString())
                .as("the model picks a configured source, it cannot name a URL").isEqualTo("[\"payments\"]");

        assertThat(ok("--method", "resources/read", "--uri", "prod2test://assets/schemas/payments/V1__baseline.sql").toString())
                .contains("CREATE TABLE customers");
    }

    /**
     * The QA engineer's conversation of issue 8, in order, over one connection: summarise, list flows
     * and edge cases, search the tests, check the schema, generate datasets, charters and scenarios,
     * open a pull request; hostile calls after it are refused and change nothing.
     */
    @Test
    void drivesTheQaEngineersConversationToAPullRequest() throws Exception {
        GitFixture.scenario(assets, "payments", "payments-001", "POST /payments, POST /payments/{id}/capture", "frequent");
        List<JsonNode> answers = converse(
                call("summarize_traffic", Map.of()),
                call("list_flows", Map.of("limit", 5)),
                call("list_edge_cases", Map.of("kind", "error-status")),
                call("search_tests", Map.of()),
                call("get_schema", Map.of("service", "payments", "table", "refunds")),
                call("check_schema_drift", Map.of("service", "payments")),
                call("generate_datasets", Map.of("service", "payments")),
                call("generate_charters", Map.of("service", "payments")),
                call("generate_scenarios", Map.of("topFlows", 3, "topEdgeCases", 1)),
                Map.of("method", "resources/list"),
                Map.of("method", "prompts/get", "name", "analyse_period", "args", Map.of("focus", "refunds")),
                call("open_pull_request", Map.of("branch", "prod2test/inspector")),
                // hostile, in the same session
                call("search_tests", Map.of("folders", List.of("../../etc"))),
                call("search_tests", Map.of("folders", List.of("/etc"))),
                call("get_schema", Map.of("service", "jdbc:postgresql://evil.example/db")),
                call("generate_datasets", Map.of("service", "payments", "url", "jdbc:postgresql://evil.example/db")),
                call("query", Map.of("sql", "DELETE FROM exchanges")),
                call("query", Map.of("sql", "WITH d AS (DELETE FROM exchanges RETURNING 1) SELECT count(*) FROM d")),
                call("query", Map.of("sql", "SELECT count(*) FROM exchanges")));

        JsonNode summary = result(answers.get(0));
        assertThat(summary.path("sessions").asInt()).isEqualTo(SESSIONS);
        assertThat(summary.path("exchanges").asInt()).isEqualTo(exchanges());
        assertThat(summary.path("statusClasses").path("4xx").asInt()).isEqualTo(declined());

        JsonNode flows = result(answers.get(1)).path("flows");
        assertThat(flows.path("total").asInt()).isEqualTo(3);
        JsonNode top = flows.path("items").get(0);
        assertThat(top.path("routes").toString()).isEqualTo("[\"POST /payments\",\"POST /payments/{id}/capture\"]");
        assertThat(top.path("sessions").asInt()).isEqualTo(SESSIONS - declined() - refunded());
        assertThat(top.path("coverage").asText()).isEqualTo("covered");
        assertThat(find(flows.path("items"), "POST /payments/{id}/refunds").path("coverage").asText()).isEqualTo("partly covered");

        JsonNode declines = result(answers.get(2)).path("edgeCases").path("items").get(0);
        assertThat(declines.path("status").asInt()).isEqualTo(402);
        assertThat(declines.path("count").asInt()).isEqualTo(declined());
        assertThat(declines.path("coverage").asText()).as("the service's test expects the 402").isEqualTo("covered");

        JsonNode coverage = result(answers.get(3)).path("coverage");
        assertThat(coverage.path("flows").asInt()).isEqualTo(3);
        assertThat(coverage.path("covered").asInt()).isEqualTo(2);
        assertThat(coverage.path("partlyCovered").asInt()).isEqualTo(1);
        assertThat(coverage.path("routesNeverCalled").toString()).isEqualTo("[\"POST /payments/{id}/refunds\"]");

        JsonNode refunds = result(answers.get(4));
        assertThat(refunds.path("table").path("foreignKeys").get(0).path("referencedTable").asText()).isEqualTo("payments");

        JsonNode drift = result(answers.get(5));
        assertThat(drift.path("drift").asBoolean()).isTrue();
        assertThat(drift.path("listed").toString()).contains("added table card_tokens", "dropped table customers");
        String migration = drift.path("written").asText();
        assertThat(migration).startsWith("schemas/payments/V2__");

        JsonNode datasets = result(answers.get(6));
        String layer = datasets.path("files").get(1).path("file").asText();
        assertThat(layer).isEqualTo("datasets/payments/10_characteristic/V1__characteristic.sql");
        assertThat(datasets.path("files").get(1).path("rowsByTable").path("payments").asInt()).isPositive();
        assertThat(Files.readString(assets.resolve(layer))).contains("INSERT INTO").doesNotContain("'tok_1'");

        JsonNode charters = result(answers.get(7)).path("charters");
        assertThat(charters.path("total").asInt()).isEqualTo(1);
        assertThat(charters.path("items").get(0).path("file").asText()).isEqualTo("charters/payments/payments.md");
        assertThat(Files.readString(assets.resolve("charters/payments/payments.md"))).contains("- [ ]", "POST /payments/{id}/refunds");

        JsonNode scenarios = result(answers.get(8)).path("scenarios");
        assertThat(scenarios.path("total").asInt()).as("scenarios of the flows; the generator may leave some out, with why").isPositive();
        String scenario = scenarios.path("items").get(0).path("folder").asText() + "/scenario.yaml";
        assertThat(scenario).startsWith("scenarios/payments/");
        assertThat(Files.readString(assets.resolve(scenario))).contains("POST /payments");

        assertThat(answers.get(9).path("result").toString()).contains("prod2test://assets/" + scenario,
                "prod2test://assets/" + layer, "prod2test://assets/" + migration,
                "prod2test://assets/charters/payments/payments.md");
        assertThat(answers.get(10).path("result").toString()).contains("list_flows", "search_tests", "check_schema_drift", "refunds");

        JsonNode pr = result(answers.get(11));
        assertThat(pr.path("pullRequest").path("url").asText()).isEqualTo("https://github.com/acme/test-assets/pull/1");
        assertThat(github.received().getLast().authorization()).isEqualTo("Bearer inspector-token");
        try (Git bare = Git.open(remote.toFile())) {
            assertThat(bare.getRepository().exactRef("refs/heads/prod2test/inspector")).isNotNull();
            for (String file : List.of(migration, layer, "charters/payments/payments.md", "scenarios/payments/payments-001/scenario.yaml",
                    scenario, "pom.xml")) {
                assertThat(bare.getRepository().resolve("refs/heads/prod2test/inspector:" + file)).as(file + " on the branch").isNotNull();
            }
        }

        assertThat(refused(answers.get(12))).contains("-32602").contains("must not contain '..'");
        assertThat(refused(answers.get(13))).contains("-32602").contains("outside the asset repository");
        assertThat(refused(answers.get(14))).contains("-32602").contains("must be one of [payments]");
        assertThat(refused(answers.get(15))).contains("-32602").contains("unknown argument 'url'");
        assertToolError(answers.get(16).path("result"), "only reading statements");
        assertToolError(answers.get(17).path("result"), "read-only transaction");
        assertThat(result(answers.get(18)).path("rows").get(0).get(0).asInt()).isEqualTo(exchanges());
    }

    @Test
    void refusesHostileCallsCleanlyThroughTheInspectorCli() throws Exception {
        assertThat(failed("--method", "tools/call", "--tool-name", "drop_everything")).contains("Unknown tool");
        assertThat(failed("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=42"))
                .contains("-32602").contains("argument 'sql' must be a string");
        assertThat(failed("--method", "tools/call", "--tool-name", "open_pull_request", "--tool-arg", "branch=prod2test/evil",
                "--tool-arg", "paths=[\"../../etc\"]")).contains("-32602").contains("must not contain '..'");

        long started = System.nanoTime();
        assertToolError(ok("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=SELECT pg_sleep(600)"), "ran longer than 2000 ms");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
    }

    @Test
    void writesOnlyJsonRpcToStdoutAndEverythingElseToStderr() throws Exception {
        JsonNode server = JSON.readTree(config.toFile()).path("mcpServers").path("prod2test");
        List<String> command = new ArrayList<>();
        command.add(server.path("command").asText());
        server.path("args").forEach(a -> command.add(a.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("server.err").toFile());
        builder.environment().put("GITHUB_TOKEN", server.path("env").path("GITHUB_TOKEN").asText());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            for (String message : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"summarize_traffic\",\"arguments\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":{\"sql\":\"SELECT 1\"}}}")) {
                in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            while (lines.size() < 3) {
                String line = out.readLine();
                assertThat(line).as("server output so far: " + lines + ", stderr: " + Files.readString(dir.resolve("server.err"))).isNotNull();
                lines.add(line);
            }
            for (String line : lines) {
                assertThat(JSON.readTree(line).path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server ends when its input closes").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isBlank();
        assertThat(Files.readString(dir.resolve("server.err"))).contains("prod2test mcp: serving");
    }

    @Test
    void answersEverythingAScriptPipesInBeforeClosingItsEnd() throws Exception {
        JsonNode server = JSON.readTree(config.toFile()).path("mcpServers").path("prod2test");
        List<String> command = new ArrayList<>();
        command.add(server.path("command").asText());
        server.path("args").forEach(a -> command.add(a.asText()));
        Path requests = dir.resolve("requests.jsonl");
        Files.writeString(requests, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"script\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query\",\"arguments\":"
                + "{\"sql\":\"SELECT count(*), pg_sleep(1) FROM sessions\"}}}\n");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(requests.toFile()).redirectError(dir.resolve("script.err").toFile());
        builder.environment().put("GITHUB_TOKEN", "inspector-token");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = out.lines().toList();
        assertThat(lines).as(out + Files.readString(dir.resolve("script.err"))).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).path("result").path("structuredContent").path("rows").get(0).get(0).asInt())
                .isEqualTo(SESSIONS);
    }

    private static Map<String, Object> call(String tool, Map<String, Object> args) {
        return Map.of("method", "tools/call", "tool", tool, "args", args);
    }

    /** A step's tool result, which must not be an error. */
    private static JsonNode result(JsonNode answer) {
        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isFalse();
        return answer.path("result").path("structuredContent");
    }

    /** A step the server refused as a protocol error: what the client was told. */
    private static String refused(JsonNode answer) {
        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isFalse();
        return answer.path("error").asText();
    }

    private static JsonNode find(JsonNode items, String route) {
        for (JsonNode item : items) {
            if (item.path("routes").toString().contains(route)) {
                return item;
            }
        }
        throw new AssertionError("no flow through " + route + " in " + items);
    }

    /** Runs the steps over one connection with the Inspector's client code; the answers in order. */
    @SafeVarargs
    private static List<JsonNode> converse(Map<String, Object>... steps) throws Exception {
        Path stepsFile = Files.createTempFile(dir, "steps", ".json");
        JSON.writeValue(stepsFile.toFile(), List.of(steps));
        Path out = Files.createTempFile(dir, "conversation", ".out");
        Path err = Files.createTempFile(dir, "conversation", ".err");
        Path serverErr = Files.createTempFile(dir, "conversation", ".server.err");
        Path prefix = inspector.getParent().getParent().getParent();
        Process process = new ProcessBuilder("node", Path.of("src/test/resources/mcp/conversation.mjs").toAbsolutePath().toString(),
                prefix.toString(), config.toString(), "prod2test", stepsFile.toString(), serverErr.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the conversation did not finish within 300 s; server said: " + Files.readString(serverErr));
        }
        assertThat(process.exitValue()).as(Files.readString(err) + Files.readString(serverErr)).isZero();
        List<JsonNode> answers = new ArrayList<>();
        JSON.readTree(out.toFile()).forEach(answers::add);
        assertThat(answers).hasSize(steps.length);
        StringBuilder timings = new StringBuilder("conversation step times (ms):");
        for (int i = 0; i < steps.length; i++) {
            timings.append(' ').append(steps[i].getOrDefault("tool", steps[i].get("method"))).append('=').append(answers.get(i).path("ms").asLong());
        }
        System.err.println(timings);
        return answers;
    }

    private static void assertToolError(JsonNode result, String message) {
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("content").get(0).path("text").asText()).contains(message);
    }

    /** Runs the Inspector CLI; expects exit 0 and returns the JSON it printed. */
    private static JsonNode ok(String... args) throws Exception {
        String[] result = inspect(args);
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        return JSON.readTree(result[1]);
    }

    /** Runs the Inspector CLI; expects it to fail and returns what it said. */
    private static String failed(String... args) throws Exception {
        String[] result = inspect(args);
        assertThat(result[0]).as(result[1]).isNotEqualTo("0");
        return result[1] + result[2];
    }

    private static String[] inspect(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(inspector.toString(), "--cli", "--config", config.toString(), "--server", "prod2test"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "inspector", ".out");
        Path err = Files.createTempFile(dir, "inspector", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the Inspector did not finish within 120 s: " + command);
        }
        return new String[] {String.valueOf(process.exitValue()), Files.readString(out), Files.readString(err)};
    }

    /** The Inspector under target/, installed from npm the first time (a clean machine gets it the same way). */
    static Path installInspector() throws IOException, InterruptedException {
        Path prefix = Path.of("target", "mcp-inspector").toAbsolutePath();
        Path bin = prefix.resolve("node_modules/.bin/mcp-inspector");
        if (!Files.isExecutable(bin)) {
            Files.createDirectories(prefix);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", INSPECTOR).redirectErrorStream(true).redirectOutput(prefix.resolve("npm.log").toFile()).start();
            assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm install of the MCP Inspector finished").isTrue();
            assertThat(npm.exitValue()).as(Files.readString(prefix.resolve("npm.log"))).isZero();
        }
        return bin;
    }

    private static String line(String time, int i, String method, String path, int status, String sid) {
        return "{\"ts\":\"2026-11-02T" + String.format(time, i) + "Z\",\"service\":\"payments\",\"method\":\"" + method + "\",\"path\":\""
                + path + "\",\"requestBody\":{\"amount\":" + (100 + i) + "},\"status\":" + status + ",\"sessionId\":\"" + sid + "\"}\n";
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(MACHINE_PG); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

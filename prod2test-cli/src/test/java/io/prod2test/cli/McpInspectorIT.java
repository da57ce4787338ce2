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
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prod2test mcp} driven by a real MCP client: the official MCP Inspector CLI from npm,
 * installed under {@code target/mcp-inspector} on first run, started with a
 * {@code claude_desktop_config.json}-style file that launches this build's {@code prod2test mcp} as
 * a stdio server, as a desktop client would. The store is a database of its own on the machine's
 * PostgreSQL, filled by {@code prod2test ingest}; pull requests go to a local GitHub stand-in.
 */
class McpInspectorIT {
    /** The newest Inspector release whose CLI still runs on this machine's Node 20. */
    static final String INSPECTOR = "@modelcontextprotocol/inspector@0.16.7";
    static final String MACHINE_PG = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final int SESSIONS = 12;
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

    @BeforeAll
    static void setUp() throws Exception {
        inspector = installInspector();
        database = "prod2test_mcp_it_" + ProcessHandle.current().pid();
        admin("DROP DATABASE IF EXISTS " + database);
        admin("CREATE DATABASE " + database);
        url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
        Path log = dir.resolve("shop.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SESSIONS; i++) {
            String sid = String.format("sid-%016x", (i + 7) * 0x9E3779B97F4A7C15L);
            lines.append(line("09:%02d:01", i, "POST", "/orders", i % 4 == 0 ? 422 : 201, sid))
                    .append(line("09:%02d:05", i, "POST", "/payments", 201, sid));
        }
        Files.writeString(log, lines);
        CliRun ingest = CliRun.withEnvironment(Map.of("PROD2TEST_MASKING_KEY", "inspector-test-key-0123456789ab"),
                "ingest", "--db", url, "--service", "shop", log.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        Path[] repos = GitFixture.assetsWithRemote(dir);
        assets = repos[0];
        remote = repos[1];
        github = new GitHubTestServer("inspector-token", "acme", "test-assets", "main");

        // The same shape as Claude Desktop's claude_desktop_config.json (see prod2test-mcp/README.md).
        ObjectNode server = JSON.createObjectNode().put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ArrayNode args = server.putArray("args");
        for (String arg : List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp",
                "--db", url, "--repo", assets.toString(), "--remote", remote.toString(), "--github", "acme/test-assets",
                "--github-api", github.api().toString(), "--query-timeout", "2")) {
            args.add(arg);
        }
        server.putObject("env").put("GITHUB_TOKEN", "inspector-token");
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
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void listsTheToolsResourcesAndPrompts() throws Exception {
        JsonNode tools = ok("--method", "tools/list").path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactly("summarize_traffic", "get_flow_sequences", "query", "open_pull_request");

        assertThat(ok("--method", "resources/list").toString()).contains("prod2test://analysis/summary",
                "prod2test://assets/schemas/payments/V1__baseline.sql");
        assertThat(ok("--method", "prompts/list").toString()).contains("analyse_period", "exploratory_charter");
        assertThat(ok("--method", "resources/read", "--uri", "prod2test://assets/schemas/payments/V1__baseline.sql").toString())
                .contains("CREATE TABLE customers");
    }

    @Test
    void summarisesTheTrafficAndShowsTheSequencesOfAFlow() throws Exception {
        JsonNode summary = ok("--method", "tools/call", "--tool-name", "summarize_traffic").path("structuredContent");
        assertThat(summary.path("sessions").asInt()).isEqualTo(SESSIONS);
        assertThat(summary.path("exchanges").asInt()).isEqualTo(2 * SESSIONS);
        assertThat(summary.path("statusClasses").path("4xx").asInt()).isEqualTo((SESSIONS + 3) / 4);

        JsonNode flows = ok("--method", "tools/call", "--tool-name", "get_flow_sequences",
                "--tool-arg", "routes=[\"POST /orders\",\"POST /payments\"]", "--tool-arg", "match=exact", "--tool-arg", "limit=5")
                .path("structuredContent");
        assertThat(flows.path("sessions").path("total").asInt()).isEqualTo(SESSIONS);
        assertThat(flows.path("sessions").path("items")).hasSize(5);

        JsonNode rows = ok("--method", "tools/call", "--tool-name", "query",
                "--tool-arg", "sql=SELECT status, count(*) FROM exchanges GROUP BY 1 ORDER BY 1").path("structuredContent");
        assertThat(rows.path("rows").get(0).get(0).asInt()).isEqualTo(201);
        assertThat(rows.path("rows").get(0).get(1).asInt()).isEqualTo(2 * SESSIONS - (SESSIONS + 3) / 4);
    }

    @Test
    void opensAPullRequestAgainstTheLocalGitHub() throws Exception {
        GitFixture.scenario(assets, "shop", "shop-001", "POST /orders, POST /payments", "frequent");

        JsonNode answer = ok("--method", "tools/call", "--tool-name", "open_pull_request", "--tool-arg", "branch=prod2test/inspector",
                "--tool-arg", "paths=[\"scenarios/\"]");

        assertThat(answer.path("isError").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.path("structuredContent").path("pullRequest").path("url").asText())
                .isEqualTo("https://github.com/acme/test-assets/pull/1");
        assertThat(github.received().getLast().authorization()).isEqualTo("Bearer inspector-token");
        try (Git bare = Git.open(remote.toFile())) {
            assertThat(bare.getRepository().exactRef("refs/heads/prod2test/inspector")).isNotNull();
        }
    }

    @Test
    void refusesHostileCallsCleanly() throws Exception {
        assertThat(failed("--method", "tools/call", "--tool-name", "drop_everything")).contains("Unknown tool");
        assertThat(failed("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=42"))
                .contains("-32602").contains("argument 'sql' must be a string");
        assertThat(failed("--method", "tools/call", "--tool-name", "open_pull_request", "--tool-arg", "branch=prod2test/evil",
                "--tool-arg", "paths=[\"../../etc\"]")).contains("-32602").contains("must not contain '..'");

        assertToolError(ok("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=DELETE FROM exchanges"),
                "only reading statements");
        assertToolError(ok("--method", "tools/call", "--tool-name", "query",
                "--tool-arg", "sql=WITH d AS (DELETE FROM exchanges RETURNING 1) SELECT count(*) FROM d"), "read-only transaction");
        long started = System.nanoTime();
        assertToolError(ok("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=SELECT pg_sleep(600)"), "ran longer than 2000 ms");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);

        JsonNode still = ok("--method", "tools/call", "--tool-name", "query", "--tool-arg", "sql=SELECT count(*) FROM exchanges");
        assertThat(still.path("structuredContent").path("rows").get(0).get(0).asInt()).isEqualTo(2 * SESSIONS);
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
        return "{\"ts\":\"2026-11-02T" + String.format(time, i) + "Z\",\"service\":\"shop\",\"method\":\"" + method + "\",\"path\":\""
                + path + "\",\"requestBody\":{\"amount\":" + (100 + i) + "},\"status\":" + status + ",\"sessionId\":\"" + sid + "\"}\n";
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(MACHINE_PG); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

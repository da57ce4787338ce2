package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.mcp.McpConfig;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Prod2TestMcpServer;
import io.prod2test.publish.GitHubClient;
import io.prod2test.publish.GitHubRepository;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test mcp}: the MCP server on stdio. */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve the analysis store and the asset repository to an LLM client over MCP (stdio).",
        description = {
            "",
            "Register it in your MCP client (e.g. Claude Desktop's claude_desktop_config.json) as a stdio server with the command './prod2test mcp --db ... --repo ...'. Stdout carries only JSON-RPC; everything else goes to stderr.",
            "",
            "Tools: summarize_traffic, list_flows, list_edge_cases (the analysis, run first if the store has none), search_tests (the repository and the --tests folders), get_schema, check_schema_drift, generate_scenarios, generate_datasets (the --source databases only, masked with the masking key), generate_charters, get_flow_sequences, query (read-only SQL with a time limit), open_pull_request (pushes to --remote, opens the pull request on --github with $GITHUB_TOKEN). Resources: the generated files and the traffic summary. Prompts: analyse_period, exploratory_charter. See prod2test-mcp/README.md.",
            ""},
        footerHeading = "%nExample (claude_desktop_config.json):%n",
        footer = {
            "  {\"mcpServers\": {\"prod2test\": {\"command\": \"/path/to/prod2test/prod2test\",",
            "      \"args\": [\"mcp\", \"--db\", \"jdbc:postgresql://localhost/prod2test?user=qa\", \"--repo\", \"/path/to/test-assets\",",
            "               \"--source\", \"payments=jdbc:postgresql://replica/payments?user=ro\"],",
            "      \"env\": {\"PROD2TEST_MASKING_KEY\": \"...\"}}}}"})
final class McpCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR",
            description = "The test-asset repository: the only place the tools may write, and what the resources serve.")
    Path repo;

    @Mixin
    StoreOptions store;

    @Option(names = "--source", paramLabel = "SERVICE=JDBC_URL",
            description = "A production (or replica) database the schema and dataset tools may read, by service; repeatable."
                    + " Adds to (and overrides) mcp.sources in the repository's prod2test.yaml. The model names a service, never a URL.")
    Map<String, String> sources = new LinkedHashMap<>();

    @Option(names = "--tests", paramLabel = "DIR",
            description = "A folder of existing tests outside the repository (a service's source tree) that search_tests may read; repeatable.")
    List<Path> tests = new ArrayList<>();

    @Mixin
    MaskingKeyOptions maskingKey;

    @Option(names = "--remote", paramLabel = "URL", defaultValue = "origin",
            description = "Where open_pull_request pushes: a git URL or a remote of --repo (default: ${DEFAULT-VALUE}).")
    String remote;

    @Option(names = "--github", paramLabel = "OWNER/REPO",
            description = "Open pull requests on this GitHub repository (token from $GITHUB_TOKEN); without it, branches are only pushed.")
    String github;

    @Option(names = "--github-api", paramLabel = "URL", description = "The GitHub API (default: $GITHUB_API_URL, else https://api.github.com).")
    String githubApi;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long one query may run (default: ${DEFAULT-VALUE}).")
    int queryTimeout;

    @Option(names = "--query-rows", paramLabel = "N", defaultValue = "200", description = "The most rows a query answers (default: ${DEFAULT-VALUE}).")
    int queryRows;

    /** The process's streams; tests give their own. */
    InputStream in = System.in;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(repo)) {
            throw new Prod2TestException(ErrorCode.USAGE, "--repo " + repo + " is not a folder");
        }
        if (queryTimeout < 1 || queryRows < 1 || queryRows > 1000) {
            throw new Prod2TestException(ErrorCode.USAGE, "--query-timeout must be at least 1 second and --query-rows between 1 and 1000");
        }
        for (Path folder : tests) {
            if (!Files.isDirectory(folder)) {
                throw new Prod2TestException(ErrorCode.USAGE, "--tests " + folder + " is not a folder");
            }
        }
        Map<String, String> allSources = new LinkedHashMap<>(McpConfig.sources(repo));
        allSources.putAll(sources);
        for (var e : allSources.entrySet()) {
            try {
                SourceDatabase.of(e.getValue());
            } catch (RuntimeException ex) {
                throw new Prod2TestException(ErrorCode.USAGE, "--source " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        // datasets need the key the logs were masked with; without one the dataset tool says so when called
        MaskingKey key = maskingKey.keyFile == null && root.environment().getOrDefault(MaskingKeyOptions.KEY_ENV, "").isBlank() ? null
                : MaskingKey.resolve(maskingKey.keyFile, root.environment());
        GitHubRepository target;
        try {
            target = github == null ? null : GitHubRepository.parse(github);
        } catch (IllegalArgumentException e) {
            throw new Prod2TestException(ErrorCode.USAGE, "--github: " + e.getMessage(), e);
        }
        GitHubClient client = target == null ? null : GitHubClient.fromEnvironment(root.environment(), githubApi);
        PrintWriter err = spec.commandLine().getErr();
        // JSON-RPC owns the real stdout; anything else that prints there (a library, a banner) goes to stderr.
        PrintStream rpc = System.out;
        System.setOut(System.err);
        try (AnalysisStore analysisStore = AnalysisStore.open(store.location(root.environment()));
             Prod2TestMcpServer server = Prod2TestMcpServer.start(new McpContext(analysisStore, repo, remote, target, client,
                     Duration.ofSeconds(queryTimeout), queryRows, allSources, tests, key), in, rpc)) {
            err.println("prod2test mcp: serving " + analysisStore.location().describe() + " and " + repo.toAbsolutePath()
                    + " on stdio; tools: " + server.registry().tools().stream().map(McpTool::name).collect(Collectors.joining(", ")));
            err.flush();
            server.awaitEnd();
        } finally {
            System.setOut(rpc);
        }
        return 0;
    }
}

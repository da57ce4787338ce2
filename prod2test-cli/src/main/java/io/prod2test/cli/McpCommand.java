package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prod2test mcp}: the MCP server on stdio. */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve the analysis store and the asset repository to an LLM client over MCP (stdio). [not available yet]",
        description = {
            "",
            "Register it in your MCP client (e.g. Claude Desktop's claude_desktop_config.json) as a stdio server with the command './prod2test mcp --db ... --repo ...'. Stdout carries only JSON-RPC.",
            ""},
        footerHeading = "%nExample (claude_desktop_config.json):%n",
        footer = {
            "  {\"mcpServers\": {\"prod2test\": {\"command\": \"/path/to/prod2test/prod2test\",",
            "      \"args\": [\"mcp\", \"--db\", \"jdbc:postgresql://localhost/prod2test?user=qa\", \"--repo\", \"/path/to/test-assets\"]}}}"})
final class McpCommand implements Callable<Integer> {
    @Option(names = "--repo", paramLabel = "DIR", description = "The test-asset repository the tools may write into.")
    Path repo;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        throw Stage.MCP.notAvailable("mcp");
    }
}

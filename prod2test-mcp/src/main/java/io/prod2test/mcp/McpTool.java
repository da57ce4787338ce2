package io.prod2test.mcp;

/**
 * One MCP tool: a class per tool, registered with one line in {@link ToolRegistry#standard}. The
 * registry validates arguments against the description's input schema before {@link #call} runs,
 * turns an {@link InvalidParams} into a JSON-RPC invalid-params error, and any other failure into a
 * tool result with {@code isError: true}.
 */
public interface McpTool {
    /** The tool as the client sees it in {@code tools/list}. */
    ToolDescription description();

    /**
     * Answers a call. The result is serialised as JSON (records, maps, lists, numbers, strings)
     * into both the text content and the structured content; keep it small enough for a
     * context window (page long lists, say the totals).
     */
    Object call(Arguments arguments);

    /** The tool's name, for registries and prompts. */
    default String name() {
        return description().name();
    }
}

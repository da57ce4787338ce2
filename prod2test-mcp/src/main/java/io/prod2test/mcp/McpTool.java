package io.prod2test.mcp;

/**
 * One MCP tool: a class per tool, registered with one line in {@link ToolRegistry#standard}. The
 * registry validates arguments against {@link #input()} before {@link #call} runs, turns an
 * {@link InvalidParams} into a JSON-RPC invalid-params error, and any other failure into a tool
 * result with {@code isError: true}.
 */
public interface McpTool {
    /** The tool's name as the client calls it ({@code summarize_traffic}). */
    String name();

    /** A short human title. */
    String title();

    /** What the tool does and when an LLM should use it, with what the answer holds. */
    String description();

    /** The arguments it takes. */
    InputSchema input();

    /** Whether it only reads (the store or the repository); tools that write say false. */
    boolean readOnly();

    /**
     * Answers a call. The result is serialised as JSON (records, maps, lists, numbers, strings)
     * into both the text content and the structured content; keep it small enough for a
     * context window (page long lists, say the totals).
     */
    Object call(Arguments arguments);
}

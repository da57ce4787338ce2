/**
 * The MCP server front: serves one analysis store and one test-asset repository to an LLM client
 * over stdio (SPEC §6).
 *
 * <p>Takes in: JSON-RPC requests on a stream, an {@link io.prod2test.mcp.McpContext} (the store,
 * the repository, where publications go). Puts out: JSON-RPC answers only: tool results, resources
 * and prompts. {@link io.prod2test.mcp.ToolRegistry#standard} lists the tools; each is one
 * {@link io.prod2test.mcp.McpTool} class whose {@link io.prod2test.mcp.InputSchema} is both
 * advertised and enforced: arguments that break it are invalid-params errors, failures of the work
 * are results with {@code isError}.
 */
package io.prod2test.mcp;

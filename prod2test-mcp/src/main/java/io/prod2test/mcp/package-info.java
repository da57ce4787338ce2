/**
 * The MCP server front: serves one analysis store and one test-asset repository to an LLM client
 * over stdio (SPEC §6). Takes in JSON-RPC requests; puts out tool results, resources and prompts
 * built from the core stages. Built with the MCP issue.
 */
package io.prod2test.mcp;

/**
 * The {@code open_pull_request} tool: the publish stage ({@code io.prod2test.publish}) for a client.
 *
 * <p>Takes in: a branch, a title and a selection of generated folders. Puts out: a commit on a new
 * branch, pushed to the remote the server was started with, and a pull request when it was started
 * with a GitHub repository. Nothing outside the asset repository's generated areas is written.
 */
package io.prod2test.mcp.publish;

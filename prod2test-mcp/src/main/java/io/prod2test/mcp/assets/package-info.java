/**
 * Resources: the generated files of the asset repository ({@code prod2test://assets/<path>}) and
 * the traffic summary ({@code prod2test://analysis/summary}).
 *
 * <p>Takes in: the repository's generated areas and the analysis store. Puts out: resource lists,
 * kept in step with the files after every tool call, and their text.
 */
package io.prod2test.mcp.assets;

/**
 * The analysis tools: {@code list_flows}, {@code list_edge_cases} and {@code search_tests}.
 *
 * <p>Takes in: the analysis materialised in the store by the analyse stage (run here first when the
 * store has traffic but no analysis yet), and test folders inside the asset repository or among the
 * server's {@code --tests} folders. Puts out: filtered, paged lists of flows and edge cases with their
 * coverage and priority, and the route calls existing tests make with what of the analysis they cover.
 */
package io.prod2test.mcp.analyse;

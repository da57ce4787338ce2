/**
 * The report tool: {@code generate_charters}.
 *
 * <p>Takes in: the analysis in the store (run first when there is none) and its masked example
 * exchanges. Puts out: exploratory charters as {@code charters/<service>/<feature>.md} in the asset
 * repository, one per route family, and a paged list of what was written.
 */
package io.prod2test.mcp.report;

/**
 * The tools over the ingested traffic: {@code summarize_traffic}, {@code get_flow_sequences} and
 * the read-only {@code query}.
 *
 * <p>Takes in: the analysis store's traffic tables (exchanges, routes, sessions, quarantine,
 * sources). Puts out: small, paged answers with totals. Nothing here writes to the store.
 */
package io.prod2test.mcp.traffic;

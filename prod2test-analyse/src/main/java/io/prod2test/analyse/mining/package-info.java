/**
 * The analysis as SQL inside the store.
 *
 * <p>Takes in: the store's {@code exchanges}, {@code routes}, {@code sessions} and
 * {@code downstream_calls}. Puts out: the {@code analysis_*} tables (narrow calls, steps, flows,
 * per-session flows with exchange ids, the directly-follows graph with calls between services,
 * closed frequent sub-flows, edge cases with examples), rebuilt whole in the caller's transaction.
 */
package io.prod2test.analyse.mining;

/**
 * The analysis benchmark.
 *
 * <p>Takes in: a PostgreSQL server and a number of sessions. Puts out: on stdout, the wall time of
 * the full analysis beside a single aggregate scan of the same exchanges, on traffic generated from
 * the simulator's usage model straight into the store.
 */
package io.prod2test.bench.analyse;

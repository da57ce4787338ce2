/**
 * The masked traffic as the report and the charters show it, read straight from the analysis store.
 *
 * <p>Takes in: the store's {@code exchanges} (masked on ingest) and exchange ids the analysis names as
 * examples. Puts out: {@link io.prod2test.report.traffic.Sample}s (one request and its answer, for
 * concrete values) and {@link io.prod2test.report.traffic.TrafficStats} (calls by hour, service and
 * status class, for the charts).
 */
package io.prod2test.report.traffic;

/**
 * The analyse stage.
 *
 * <p>Takes in: the ingested, masked traffic in the analysis store (exchanges, routes, sessions,
 * downstream calls) and the folders of existing tests. Puts out: flows, the directly-follows graph,
 * edge cases, coverage and priorities, materialised in the store and handed on as records.
 */
package io.prod2test.analyse;

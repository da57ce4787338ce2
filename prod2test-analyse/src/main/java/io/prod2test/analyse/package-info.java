/**
 * The analyse stage: {@link io.prod2test.analyse.Analyser#analyse} is the entry point,
 * {@link io.prod2test.analyse.AnalysisReader} reads the last analysis back for later stages.
 *
 * <p>Takes in: the ingested, masked traffic in the analysis store (exchanges, routes, sessions,
 * downstream calls) and the folders of existing tests. Puts out: flows, the directly-follows graph,
 * sub-flows, edge cases, coverage and priorities, materialised in the store ({@code analysis_*}
 * tables, migration V10) and handed on as immutable records ({@link io.prod2test.analyse.Analysis});
 * {@link io.prod2test.analyse.AnalysisJson} writes them as SPEC §2's {@code analyze --json}.
 */
package io.prod2test.analyse;

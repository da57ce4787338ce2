/**
 * The report: {@link io.prod2test.report.html.HtmlReport#write} is the entry point.
 *
 * <p>Takes in: {@link io.prod2test.report.html.ReportInputs}: the last analysis and the traffic of the
 * store, and when given the masking report of the ingest, a personal-data scan, the asset repository's
 * {@code scenarios/} and a JUnit XML file of their last run. Puts out: one self-contained HTML file
 * (inline CSS, script and SVG; a Content Security Policy that forbids fetching anything): traffic
 * charts, the directly-follows graph laid out in layers ({@link io.prod2test.report.html.GraphLayout}),
 * top flows, edge cases with examples, masking, scenarios and their last run. Every value is escaped.
 */
package io.prod2test.report.html;

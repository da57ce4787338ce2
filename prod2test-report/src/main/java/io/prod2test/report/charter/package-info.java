/**
 * Exploratory test charters: {@link io.prod2test.report.charter.Charters#write} is the entry point.
 *
 * <p>Takes in: an {@link io.prod2test.analyse.Analysis} and the masked example exchanges its flows and
 * edge cases name. Puts out: one Markdown file per service and feature (a route family such as
 * {@code /orders/**}) under {@code charters/<service>/<feature>.md}: a mission, the areas, a time box,
 * and {@code - [ ]} checklists ordered by priority (typical flows, the features users mix in one
 * session, edge cases and errors seen, rarely used paths), each item with steps, the concrete values
 * production sent and what to look for. No LLM: every sentence comes from the analysis.
 */
package io.prod2test.report.charter;

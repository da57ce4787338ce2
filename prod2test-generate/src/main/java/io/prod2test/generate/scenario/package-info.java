/**
 * The scenario stage of {@code prod2test generate}: {@link io.prod2test.generate.scenario.ScenarioGenerator#generate}
 * is the entry point.
 *
 * <p>Takes in: the analysis store (masked exchanges), its last {@link io.prod2test.analyse.Analysis}
 * (flows ranked by sessions, edge cases by priority) and, optionally, each service's production
 * database. Puts out: for the top flows and edge cases, {@code scenarios/<service>/<id>/} with
 * {@code scenario.yaml}, {@code setup.sql} and {@code expected.sql} written through the runner's
 * records and {@link io.prod2test.runner.scenario.ScenarioWriter}, plus the asset repository's
 * JUnit classes, {@code pom.xml} and workflow ({@link io.prod2test.runner.junit.AssetProject}); and a
 * {@link io.prod2test.generate.scenario.GeneratedScenarios} saying what was written and what was
 * left out, and why.
 *
 * <p>The stages inside: the flow's most typical session is chosen (the most common steps and
 * statuses); published test cards are put back where masking replaced card numbers
 * ({@link io.prod2test.generate.scenario.PublishedTestCards}); captures and references are found by
 * matching values across the session ({@link io.prod2test.generate.scenario.Captures}); each
 * response field is checked by value, by reference, or only by type and format when it varies by
 * run, found by comparing the flow's other sessions ({@link io.prod2test.generate.scenario.VariableFields});
 * keys the session used but did not create (a returning customer) bring their rows from the
 * production database into {@code setup.sql}, masked and renumbered into the scenario's own ID range,
 * and the steps use the new keys ({@link io.prod2test.generate.scenario.SetupRows});
 * the rows the flow created are checked in the database afterwards
 * ({@link io.prod2test.generate.scenario.RowChecks}); scenarios with the same flow and expectation
 * shape are written once ({@link io.prod2test.generate.scenario.ScenarioShape}).
 */
package io.prod2test.generate.scenario;

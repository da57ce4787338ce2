/**
 * The scenario format (SPEC §4): a folder {@code scenarios/<service>/<scenario-id>/} with
 * {@code scenario.yaml}, {@code setup.sql} and an optional {@code expected.sql}. Takes in those
 * files ({@link io.prod2test.runner.scenario.ScenarioReader}, validated with errors that name file,
 * line and field) or records built by the generator; puts out immutable {@link
 * io.prod2test.runner.scenario.Scenario} records and, through {@link
 * io.prod2test.runner.scenario.ScenarioWriter}, stable, reviewable files. The format is described
 * by {@code scenario.schema.json} beside these classes and by {@code prod2test-runner/README.md}.
 */
package io.prod2test.runner.scenario;

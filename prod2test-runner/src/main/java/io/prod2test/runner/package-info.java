/**
 * The scenario runner: the library that the generated JUnit classes in a test-asset repository
 * depend on, and that {@code prod2test run} uses. Takes in a scenario folder (scenario.yaml,
 * setup.sql, expected.sql), a base URL and a database; puts out a result per scenario with the
 * differences found (step, field, expected, actual). Built with the scenario-generation stage.
 */
package io.prod2test.runner;

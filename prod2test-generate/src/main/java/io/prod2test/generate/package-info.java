/**
 * The generate stage.
 *
 * <p>Takes in: a production database (its schema and rows), the masking engine and key, and the
 * analysis. Puts out: the files of the test-asset repository: {@code schemas/}, {@code datasets/},
 * {@code scenarios/}, {@code charters/} and the JUnit classes that run the scenarios.
 */
package io.prod2test.generate;

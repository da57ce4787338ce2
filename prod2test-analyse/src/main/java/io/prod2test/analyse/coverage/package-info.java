/**
 * Coverage by existing tests.
 *
 * <p>Takes in: folders of scenario files and test code ({@code --tests}). Puts out: the route calls
 * each test file makes ({@link io.prod2test.analyse.coverage.TestFile}) and, against the analysed
 * routes, whether a flow or an edge case is covered, partly covered or not.
 */
package io.prod2test.analyse.coverage;

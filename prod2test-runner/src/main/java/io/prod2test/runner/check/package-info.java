/**
 * Expectations checked. Takes in a step's {@link io.prod2test.runner.scenario.Expectation}, the
 * response it got and the captured values; puts out {@link io.prod2test.runner.check.Difference}s
 * that say field, expected and actual in words a reviewer can read.
 */
package io.prod2test.runner.check;

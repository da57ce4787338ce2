package io.prod2test.report.html;

import java.util.Map;
import java.util.Objects;

/**
 * The last run of the scenarios, as a JUnit XML file tells it.
 *
 * @param file      the file read
 * @param outcomes  by {@code service/scenario-id}: the outcome of its last test case
 * @param tests     test cases in the file
 * @param failures  failed test cases
 * @param errors    test cases that ended in an error
 * @param seconds   the run's time
 */
public record TestRun(String file, Map<String, Outcome> outcomes, long tests, long failures, long errors, double seconds) {
    public TestRun {
        Objects.requireNonNull(file, "a run was read from a file");
        outcomes = Map.copyOf(outcomes);
        if (tests < 0 || failures < 0 || errors < 0 || failures + errors > tests) {
            throw new IllegalArgumentException("a run has 0 or more tests, of which failures and errors are a part; had "
                    + tests + ", " + failures + ", " + errors);
        }
    }

    public long passed() {
        return tests - failures - errors;
    }

    /**
     * One scenario's result.
     *
     * @param result  passed, failed or error
     * @param seconds its time
     * @param message the first line of the failure, empty when it passed
     */
    public record Outcome(String result, double seconds, String message) {
        public Outcome {
            if (!"passed".equals(result) && !"failed".equals(result) && !"error".equals(result)) {
                throw new IllegalArgumentException("an outcome is passed, failed or error, was " + result);
            }
            message = message == null ? "" : message;
        }
    }
}

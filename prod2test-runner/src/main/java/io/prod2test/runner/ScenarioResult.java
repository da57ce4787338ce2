package io.prod2test.runner;

import io.prod2test.runner.check.Difference;
import java.util.List;

/**
 * The outcome of one run of one scenario.
 *
 * @param scenario    the scenario
 * @param run         the 1-based repetition (with {@code --repeat})
 * @param outcome     passed, failed (the system differs from the expectations) or error (the run
 *                    could not be completed: setup failed, service unreachable)
 * @param differences what differed, when failed
 * @param error       what went wrong, when error; else null
 * @param resetNanos  the database reset with setup.sql
 * @param httpNanos   the sum of the HTTP calls
 * @param totalNanos  the whole run
 */
public record ScenarioResult(LoadedScenario scenario, int run, Outcome outcome, List<Difference> differences, String error,
                             long resetNanos, long httpNanos, long totalNanos) {
    /** How a run ended. */
    public enum Outcome { PASSED, FAILED, ERROR }

    public ScenarioResult {
        differences = List.copyOf(differences);
        if (outcome == Outcome.FAILED && differences.isEmpty()) {
            throw new IllegalArgumentException("a failed scenario result needs the differences that failed it");
        }
        if (outcome == Outcome.ERROR && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("an error result needs the error");
        }
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** The differences (or the error), one a line, for a failure message. */
    public String details() {
        if (outcome == Outcome.ERROR) {
            return error;
        }
        StringBuilder out = new StringBuilder();
        differences.forEach(d -> out.append(d.describe()).append('\n'));
        return out.toString().stripTrailing();
    }
}

package io.prod2test.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Every result of a run, with its options and timings.
 *
 * @param results   the results in the order the scenarios ran
 * @param options   how they were run
 * @param wallNanos the wall time of the whole run
 */
public record RunSummary(List<ScenarioResult> results, RunOptions options, long wallNanos) {
    public RunSummary {
        results = List.copyOf(results);
    }

    public long passed() {
        return count(ScenarioResult.Outcome.PASSED);
    }

    public long failed() {
        return count(ScenarioResult.Outcome.FAILED);
    }

    public long errors() {
        return count(ScenarioResult.Outcome.ERROR);
    }

    public boolean allPassed() {
        return passed() == results.size();
    }

    /** The sum of every HTTP call's time, to set beside the wall time. */
    public long httpNanos() {
        return results.stream().mapToLong(ScenarioResult::httpNanos).sum();
    }

    /** The median database reset, in nanoseconds (0 when nothing ran). */
    public long medianResetNanos() {
        List<Long> resets = new ArrayList<>(results.stream().map(ScenarioResult::resetNanos).filter(n -> n > 0).toList());
        if (resets.isEmpty()) {
            return 0;
        }
        resets.sort(Long::compare);
        return resets.get(resets.size() / 2);
    }

    private long count(ScenarioResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}

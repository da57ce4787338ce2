package io.prod2test.analyse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The thresholds of an analysis. The defaults suit a few thousand to millions of sessions.
 *
 * @param tests             folders of existing tests and scenarios to judge coverage against; empty for none
 * @param minSubFlowSupport a sub-flow is frequent when at least this share of sessions contain it, in (0, 1]
 * @param maxSubFlowLength  the longest sub-flow looked for, 2 to 12
 * @param rareShapeShare    a request shape is rare below this share of its route's calls, in (0, 1)
 * @param minCalls          routes with fewer calls are too small for rare shapes and percentiles
 * @param slowQuantile      calls at or above this quantile of their route's durations are slow, in (0.5, 1)
 * @param duplicateWindow   the same body again within this time is a duplicate
 * @param usualPredecessor  a route's predecessor is its usual one when at least this share of its arrivals come from it
 * @param examples          example sessions and exchanges kept per flow and edge case, 1 to 100
 */
public record AnalysisOptions(List<Path> tests, double minSubFlowSupport, int maxSubFlowLength, double rareShapeShare,
                              int minCalls, double slowQuantile, Duration duplicateWindow, double usualPredecessor, int examples) {
    public AnalysisOptions {
        tests = List.copyOf(tests);
        if (!(minSubFlowSupport > 0 && minSubFlowSupport <= 1)) {
            throw new IllegalArgumentException("the minimum sub-flow support is a share in (0, 1], was " + minSubFlowSupport);
        }
        if (maxSubFlowLength < 2 || maxSubFlowLength > 12) {
            throw new IllegalArgumentException("the longest sub-flow is 2 to 12 routes, was " + maxSubFlowLength);
        }
        if (!(rareShapeShare > 0 && rareShapeShare < 1)) {
            throw new IllegalArgumentException("the rare shape share is in (0, 1), was " + rareShapeShare);
        }
        if (minCalls < 1) {
            throw new IllegalArgumentException("the minimum calls per route is 1 or more, was " + minCalls);
        }
        if (!(slowQuantile > 0.5 && slowQuantile < 1)) {
            throw new IllegalArgumentException("the slow quantile is in (0.5, 1), was " + slowQuantile);
        }
        if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
            throw new IllegalArgumentException("the duplicate window is positive, was " + duplicateWindow);
        }
        if (!(usualPredecessor > 0.5 && usualPredecessor <= 1)) {
            throw new IllegalArgumentException("the usual predecessor share is in (0.5, 1], was " + usualPredecessor);
        }
        if (examples < 1 || examples > 100) {
            throw new IllegalArgumentException("examples per finding are 1 to 100, was " + examples);
        }
    }

    /** 1% support, sub-flows up to 6 routes, rare below 5% of at least 20 calls, p99, 10 s, 80%, 3 examples. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(List.of(), 0.01, 6, 0.05, 20, 0.99, Duration.ofSeconds(10), 0.8, 3);
    }

    public AnalysisOptions withTests(List<Path> value) {
        return new AnalysisOptions(value, minSubFlowSupport, maxSubFlowLength, rareShapeShare, minCalls, slowQuantile,
                duplicateWindow, usualPredecessor, examples);
    }

    public AnalysisOptions withMinCalls(int value) {
        return new AnalysisOptions(tests, minSubFlowSupport, maxSubFlowLength, rareShapeShare, value, slowQuantile,
                duplicateWindow, usualPredecessor, examples);
    }

    public AnalysisOptions withRareShapeShare(double value) {
        return new AnalysisOptions(tests, minSubFlowSupport, maxSubFlowLength, value, minCalls, slowQuantile,
                duplicateWindow, usualPredecessor, examples);
    }

    public AnalysisOptions withMinSubFlowSupport(double value) {
        return new AnalysisOptions(tests, value, maxSubFlowLength, rareShapeShare, minCalls, slowQuantile,
                duplicateWindow, usualPredecessor, examples);
    }
}

package io.prod2test.generate.scenario;

/**
 * How many scenarios to generate and how much traffic to compare.
 *
 * @param topFlows         scenarios for at most this many flows, the most frequent first
 * @param topEdgeCases     and for at most this many edge cases, the highest priority first
 * @param sessionsCompared sessions of a flow read to pick the typical one and to find fields that vary by run
 */
public record ScenarioOptions(int topFlows, int topEdgeCases, int sessionsCompared) {
    public ScenarioOptions {
        if (topFlows < 0 || topEdgeCases < 0) {
            throw new IllegalArgumentException("the numbers of flows and edge cases must be 0 or more, were " + topFlows + " and " + topEdgeCases);
        }
        if (sessionsCompared < 1) {
            throw new IllegalArgumentException("at least one session must be compared, was " + sessionsCompared);
        }
    }

    /** 10 flows, 25 edge cases, up to 200 sessions per flow. */
    public static ScenarioOptions defaults() {
        return new ScenarioOptions(10, 25, 200);
    }

    /** These options with another number of flows ({@code --top}). */
    public ScenarioOptions withTopFlows(int value) {
        return new ScenarioOptions(value, topEdgeCases, sessionsCompared);
    }
}

package io.prod2test.analyse;

import java.util.List;

/**
 * The result of an analysis, as later stages (generate, report, MCP) consume it.
 *
 * @param exchanges  exchanges analysed
 * @param sessions   sessions analysed (those with at least one user-facing call)
 * @param routes     routes seen
 * @param flows      flow variants ranked by sessions (all of them; {@link #top(int)} for the first few)
 * @param edgeCases  edge cases ranked by priority
 * @param graph      the directly-follows graph
 * @param subFlows   frequent sub-flows, by sessions
 * @param testsScanned whether coverage was judged against tests ({@code --tests})
 */
public record Analysis(long exchanges, long sessions, long routes, List<Flow> flows, List<EdgeCase> edgeCases,
                       List<Transition> graph, List<SubFlow> subFlows, boolean testsScanned) {
    public Analysis {
        if (exchanges < 0 || sessions < 0 || routes < 0) {
            throw new IllegalArgumentException("counts are 0 or more");
        }
        flows = List.copyOf(flows);
        edgeCases = List.copyOf(edgeCases);
        graph = List.copyOf(graph);
        subFlows = List.copyOf(subFlows);
        long inFlows = flows.stream().mapToLong(Flow::sessions).sum();
        if (inFlows != sessions) {
            throw new IllegalArgumentException("every session follows exactly one flow: flows hold " + inFlows + " of " + sessions + " sessions");
        }
    }
}

package io.prod2test.analyse;

import java.util.List;

/**
 * A frequent contiguous sub-flow: a run of routes taken one right after the other by many sessions,
 * whatever they did before and after.
 *
 * @param routes   two or more routes in order
 * @param sessions sessions containing the run
 * @param support  {@code sessions} over all sessions
 */
public record SubFlow(List<Route> routes, long sessions, double support) {
    public SubFlow {
        routes = List.copyOf(routes);
        if (routes.size() < 2) {
            throw new IllegalArgumentException("a sub-flow has two or more routes, had " + routes.size());
        }
        if (sessions < 1 || support <= 0 || support > 1) {
            throw new IllegalArgumentException("a sub-flow has 1 or more sessions and a support in (0, 1], had " + sessions + " and " + support);
        }
    }
}

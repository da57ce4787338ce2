package io.prod2test.analyse;

import java.util.List;
import java.util.Objects;

/**
 * A flow variant: the routes a group of sessions reached, in the order they first reached them
 * (loops collapsed: a return to a route already visited adds nothing).
 *
 * @param id               the flow's id in the store ({@code analysis_flows}); also its rank, 1 the most frequent
 * @param routes           the routes in order, at least one
 * @param sessions         sessions that follow exactly this flow
 * @param share            {@code sessions} over all sessions, in (0, 1]
 * @param errorSessions    of those, sessions with at least one 4xx/5xx answer to the user
 * @param coverage         what existing tests cover of it
 * @param priority         0 to 100, higher first
 * @param why              the priority in one line
 */
public record Flow(long id, List<Route> routes, long sessions, double share, long errorSessions, Coverage coverage,
                   double priority, String why) {
    public Flow {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a flow has at least one route");
        }
        if (sessions < 1 || share <= 0 || share > 1) {
            throw new IllegalArgumentException("a flow has 1 or more sessions and a share in (0, 1], had " + sessions + " and " + share);
        }
        if (errorSessions < 0 || errorSessions > sessions) {
            throw new IllegalArgumentException("a flow's error sessions are between 0 and its sessions, were " + errorSessions);
        }
        Objects.requireNonNull(coverage, "a flow has a coverage");
        Objects.requireNonNull(why, "a flow has a why");
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("a priority is between 0 and 100, was " + priority);
        }
    }

    /** The route labels in order, as SPEC §2 prints them. */
    public List<String> labels() {
        return routes.stream().map(Route::label).toList();
    }
}

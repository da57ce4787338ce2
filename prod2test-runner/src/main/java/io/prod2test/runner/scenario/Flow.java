package io.prod2test.runner.scenario;

import java.util.List;

/**
 * The traffic flow a scenario was taken from.
 *
 * @param routes   the route templates in the order the flow calls them, e.g. {@code POST /payments}
 * @param sessions how many sessions followed this flow in the analysed traffic
 * @param share    that count's share of all sessions, 0 to 1
 */
public record Flow(List<String> routes, long sessions, double share) {
    public Flow {
        routes = List.copyOf(routes == null ? List.of() : routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one route");
        }
        for (String route : routes) {
            if (route == null || !route.matches("[A-Z]+ /\\S*")) {
                throw new IllegalArgumentException("a flow route must be 'METHOD /path', was '" + route + "'");
            }
        }
        if (sessions < 0) {
            throw new IllegalArgumentException("a flow's sessions must be 0 or more, was " + sessions);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a flow's share must be between 0 and 1, was " + share);
        }
    }
}

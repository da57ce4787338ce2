package io.prod2test.report.html;

import java.util.List;
import java.util.Objects;

/**
 * A generated scenario as the report lists it, read leniently from {@code scenario.yaml}.
 *
 * @param service  the service folder
 * @param id       the scenario id (its folder name)
 * @param title    what it shows
 * @param priority high, medium or low ({@code ""} when absent)
 * @param tags     its tags
 * @param routes   the flow it came from
 * @param share    the flow's share of sessions, 0 when absent
 * @param steps    how many steps it has
 * @param problem  why the file could not be read, or {@code null}
 */
public record ScenarioSummary(String service, String id, String title, String priority, List<String> tags, List<String> routes,
                              double share, int steps, String problem) {
    public ScenarioSummary {
        Objects.requireNonNull(service, "a scenario belongs to a service");
        Objects.requireNonNull(id, "a scenario has an id");
        title = title == null ? "" : title;
        priority = priority == null ? "" : priority;
        tags = List.copyOf(tags);
        routes = List.copyOf(routes);
    }

    /** {@code service/id}, how runs name it. */
    public String key() {
        return service + "/" + id;
    }
}

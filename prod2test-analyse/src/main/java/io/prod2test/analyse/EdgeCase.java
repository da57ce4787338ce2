package io.prod2test.analyse;

import java.util.List;
import java.util.Objects;

/**
 * Something odd that happened on a route, with how often and a few examples.
 *
 * @param id               the edge case's id in the store ({@code analysis_edge_cases})
 * @param kind             what kind of edge case
 * @param route            where it happened
 * @param status           the HTTP status for {@link EdgeKind#ERROR_STATUS}, else {@code null}
 * @param detail           what exactly, e.g. {@code zero at $.amount} or {@code fields amount:number,sku:string}
 * @param count            how many calls
 * @param sessions         in how many sessions
 * @param examples         the masked session keys of a few example sessions
 * @param exampleExchanges the exchange ids of a few example calls
 * @param coverage         what existing tests cover of it
 * @param priority         0 to 100, higher first
 * @param why              the priority in one line
 */
public record EdgeCase(long id, EdgeKind kind, Route route, Integer status, String detail, long count, long sessions,
                       List<String> examples, List<Long> exampleExchanges, Coverage coverage, double priority, String why) {
    public EdgeCase {
        Objects.requireNonNull(kind, "an edge case has a kind");
        Objects.requireNonNull(route, "an edge case has a route");
        Objects.requireNonNull(detail, "an edge case has a detail");
        if ((kind == EdgeKind.ERROR_STATUS) != (status != null)) {
            throw new IllegalArgumentException("an edge case has a status exactly when it is an error status, " + kind + " had " + status);
        }
        if (count < 1 || sessions < 0 || sessions > count) {
            throw new IllegalArgumentException("an edge case happens 1 or more times in at most as many sessions, had " + count + " in " + sessions);
        }
        examples = List.copyOf(examples);
        exampleExchanges = List.copyOf(exampleExchanges);
        if (exampleExchanges.isEmpty()) {
            throw new IllegalArgumentException("an edge case has at least one example exchange");
        }
        Objects.requireNonNull(coverage, "an edge case has a coverage");
        Objects.requireNonNull(why, "an edge case has a why");
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("a priority is between 0 and 100, was " + priority);
        }
    }
}

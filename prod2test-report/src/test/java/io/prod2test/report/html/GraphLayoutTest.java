package io.prod2test.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.analyse.Route;
import io.prod2test.analyse.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    static Route route(long id, String label) {
        String[] parts = label.split(" ");
        return new Route(id, "shop", parts[0], parts[1]);
    }

    static Transition t(Route from, Route to, long count) {
        return new Transition(from, to, count, Math.max(1, count / 2), List.of());
    }

    @Test
    void placesEveryRouteOnceBelowTheSessionStartAndFollowsTheFlowDownwards() {
        Route products = route(1, "GET /products");
        Route cart = route(2, "POST /carts");
        Route checkout = route(3, "POST /carts/{id}/checkout");
        Route order = route(4, "GET /orders/{id}");
        GraphLayout layout = GraphLayout.of(List.of(t(null, products, 10), t(products, cart, 8), t(cart, checkout, 7),
                t(checkout, order, 6), t(order, products, 2), t(products, order, 1)));

        assertThat(layout.nodes()).hasSize(5);
        GraphLayout.Node start = layout.nodes().getFirst();
        assertThat(start.start()).isTrue();
        assertThat(start.layer()).isZero();
        Map<String, GraphLayout.Node> byLabel = layout.nodes().stream().filter(n -> !n.start())
                .collect(Collectors.toMap(n -> n.route().label(), Function.identity()));
        assertThat(byLabel.get("GET /products").layer()).isEqualTo(1);
        assertThat(byLabel.get("GET /orders/{id}").layer()).as("longest path").isEqualTo(4);
        assertThat(byLabel.get("GET /products").calls()).isEqualTo(12);
        GraphLayout.Edge back = layout.edges().stream().filter(e -> e.to().route() == products && e.from().route() == order).findFirst().orElseThrow();
        assertThat(back.back()).isTrue();
        assertThat(layout.edges().stream().filter(e -> !e.back())).allMatch(e -> e.to().layer() > e.from().layer());
        assertThat(layout.edges()).extracting(GraphLayout.Edge::count).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void boxesOfOneRowDoNotOverlapAndFitTheirLabels() {
        Route start = route(1, "GET /products");
        List<Transition> graph = new ArrayList<>();
        graph.add(t(null, start, 100));
        for (int i = 0; i < 30; i++) {
            Route r = route(10 + i, "POST /feature" + i + "/{id}/something-long-" + i);
            graph.add(t(start, r, 1 + i));
            graph.add(t(r, route(100 + i % 7, "GET /next/" + (i % 7)), 1 + i % 5));
        }
        GraphLayout layout = GraphLayout.of(graph);

        assertThat(layout.nodes()).hasSize(1 + 1 + 30 + 7);
        assertThat(layout.width()).as("rows wrap instead of growing sideways").isLessThanOrEqualTo(GraphLayout.MAX_ROW_WIDTH + 2 * GraphLayout.MARGIN);
        assertThat(layout.edges().stream().filter(e -> !e.back())).allMatch(e -> e.to().layer() > e.from().layer());
        assertThat(layout.edges()).noneMatch(GraphLayout.Edge::back);
        for (GraphLayout.Node a : layout.nodes()) {
            assertThat(a.w()).isGreaterThanOrEqualTo(a.label().length() * GraphLayout.CHAR_WIDTH);
            assertThat(a.x() + a.w()).isLessThanOrEqualTo(layout.width());
            assertThat(a.y() + a.h()).isLessThanOrEqualTo(layout.height());
            for (GraphLayout.Node b : layout.nodes()) {
                if (a != b && a.layer() == b.layer()) {
                    assertThat(a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x()).as(a.label() + " and " + b.label()).isTrue();
                }
            }
        }
    }

    @Test
    void aSelfLoopIsDrawnAndAGraphWithoutStartsHasNoStartNode() {
        Route a = route(1, "GET /a");
        Route b = route(2, "GET /b");
        GraphLayout layout = GraphLayout.of(List.of(t(a, b, 3), t(b, b, 2)));

        assertThat(layout.nodes()).noneMatch(GraphLayout.Node::start).hasSize(2);
        assertThat(FlowGraphSvg.render(layout)).contains("data-count=\"2\"").contains("class=\"edge back\"");
        assertThat(GraphLayout.of(List.of()).nodes()).isEmpty();
    }
}

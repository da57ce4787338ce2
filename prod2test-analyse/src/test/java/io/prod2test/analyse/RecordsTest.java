package io.prod2test.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
    static final Route A = new Route(1, "shop", "GET", "/a");
    static final Route B = new Route(2, "shop", "POST", "/b/{id}");

    @Test
    void recordsStateTheRuleTheyEnforce() {
        assertThatThrownBy(() -> new Route(0, null, "GET", "/a")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> new Route(1, null, "GET", "a")).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> new Flow(1, List.of(), 1, 1, 0, Coverage.UNKNOWN, 0, "")).hasMessageContaining("at least one route");
        assertThatThrownBy(() -> new Flow(1, List.of(A), 1, 1.5, 0, Coverage.UNKNOWN, 0, "")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new Flow(1, List.of(A), 1, 1, 2, Coverage.UNKNOWN, 0, "")).hasMessageContaining("error sessions");
        assertThatThrownBy(() -> new Flow(1, List.of(A), 1, 1, 0, Coverage.UNKNOWN, 120, "")).hasMessageContaining("priority");
        assertThatThrownBy(() -> edge(EdgeKind.ERROR_STATUS, null)).hasMessageContaining("exactly when it is an error status");
        assertThatThrownBy(() -> edge(EdgeKind.SLOW, 500)).hasMessageContaining("exactly when it is an error status");
        assertThatThrownBy(() -> new EdgeCase(1, EdgeKind.SLOW, A, null, "d", 1, 2, List.of(), List.of(1L), Coverage.UNKNOWN, 0, ""))
                .hasMessageContaining("at most as many sessions");
        assertThatThrownBy(() -> new EdgeCase(1, EdgeKind.SLOW, A, null, "d", 1, 1, List.of(), List.of(), Coverage.UNKNOWN, 0, ""))
                .hasMessageContaining("example exchange");
        assertThatThrownBy(() -> new Transition(null, A, 1, 2, List.of())).hasMessageContaining("1 or more sessions");
        assertThatThrownBy(() -> new Transition.DownstreamCall("s", "GET", "/x", 0)).hasMessageContaining("1 or more times");
        assertThatThrownBy(() -> new SubFlow(List.of(A), 1, 0.5)).hasMessageContaining("two or more routes");
        assertThatThrownBy(() -> new SubFlow(List.of(A, B), 1, 0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new Analysis(1, 2, 1, List.of(flow()), List.of(), List.of(), List.of(), false))
                .hasMessageContaining("every session follows exactly one flow");
        assertThatThrownBy(() -> Coverage.ofLabel("maybe")).hasMessageContaining("covered");
        assertThatThrownBy(() -> EdgeKind.ofLabel("odd")).hasMessageContaining("odd");
    }

    @Test
    void optionsRejectThresholdsOutsideTheirRange() {
        AnalysisOptions d = AnalysisOptions.defaults();
        assertThatThrownBy(() -> d.withMinSubFlowSupport(0)).hasMessageContaining("sub-flow support");
        assertThatThrownBy(() -> d.withMinCalls(0)).hasMessageContaining("minimum calls");
        assertThatThrownBy(() -> d.withRareShapeShare(1)).hasMessageContaining("rare shape");
        assertThatThrownBy(() -> new AnalysisOptions(List.of(), 0.1, 1, 0.05, 20, 0.99, Duration.ofSeconds(1), 0.8, 3)).hasMessageContaining("2 to 12");
        assertThatThrownBy(() -> new AnalysisOptions(List.of(), 0.1, 6, 0.05, 20, 0.4, Duration.ofSeconds(1), 0.8, 3)).hasMessageContaining("slow quantile");
        assertThatThrownBy(() -> new AnalysisOptions(List.of(), 0.1, 6, 0.05, 20, 0.99, Duration.ZERO, 0.8, 3)).hasMessageContaining("duplicate window");
        assertThatThrownBy(() -> new AnalysisOptions(List.of(), 0.1, 6, 0.05, 20, 0.99, Duration.ofSeconds(1), 0.3, 3)).hasMessageContaining("usual predecessor");
        assertThatThrownBy(() -> new AnalysisOptions(List.of(), 0.1, 6, 0.05, 20, 0.99, Duration.ofSeconds(1), 0.8, 0)).hasMessageContaining("examples");
    }

    @Test
    void writesTheSpecJsonWithTheTopFlowsAndEdgeCases() {
        Flow second = new Flow(2, List.of(A), 1, 0.25, 0, Coverage.NOT_COVERED, 10, "25.0% of sessions");
        Analysis analysis = new Analysis(9, 4, 2, List.of(flow(), second), List.of(edge(EdgeKind.ERROR_STATUS, 402), edge(EdgeKind.SLOW, null)),
                List.of(new Transition(null, A, 4, 4, List.of()), new Transition(A, B, 3, 3, List.of(new Transition.DownstreamCall("payments", "POST", "/payments", 3)))),
                List.of(new SubFlow(List.of(A, B), 3, 0.75)), true);

        JsonNode json = AnalysisJson.toJson(analysis, 1);

        assertThat(json.path("flows")).hasSize(1);
        JsonNode flow = json.path("flows").get(0);
        assertThat(flow.path("routes").toString()).isEqualTo("[\"GET /a\",\"POST /b/{id}\"]");
        assertThat(flow.path("sessions").asLong()).isEqualTo(3);
        assertThat(flow.path("share").asDouble()).isEqualTo(0.75);
        assertThat(flow.path("coverage").asText()).isEqualTo("partly covered");
        assertThat(flow.path("priority").asDouble()).isEqualTo(50);
        assertThat(flow.path("why").asText()).isEqualTo("why");
        JsonNode edge = json.path("edgeCases").get(0);
        assertThat(edge.path("kind").asText()).isEqualTo("error-status");
        assertThat(edge.path("route").asText()).isEqualTo("POST /b/{id}");
        assertThat(edge.path("status").asInt()).isEqualTo(402);
        assertThat(edge.path("count").asLong()).isEqualTo(2);
        assertThat(edge.path("examples").toString()).isEqualTo("[\"k1\"]");
        assertThat(json.path("edgeCases")).hasSize(1);
        assertThat(json.path("graph").get(0).path("from").isNull()).isTrue();
        assertThat(json.path("graph").get(1).path("downstream").get(0).path("target").asText()).isEqualTo("/payments");
        assertThat(json.path("subFlows").get(0).path("support").asDouble()).isEqualTo(0.75);
        assertThat(json.path("totals").path("flows").asInt()).isEqualTo(2);
        assertThat(AnalysisJson.toJson(analysis, 5).path("edgeCases").get(1).path("status").isNull()).isTrue();
        assertThatThrownBy(() -> AnalysisJson.toJson(analysis, 0)).hasMessageContaining("1 or more");
        assertThat(flow().labels()).containsExactly("GET /a", "POST /b/{id}");
    }

    static Flow flow() {
        return new Flow(1, List.of(A, B), 3, 0.75, 1, Coverage.PARTLY_COVERED, 50, "why");
    }

    static EdgeCase edge(EdgeKind kind, Integer status) {
        return new EdgeCase(1, kind, B, status, "d", 2, 1, List.of("k1"), List.of(7L), Coverage.NOT_COVERED, 40, "why");
    }
}

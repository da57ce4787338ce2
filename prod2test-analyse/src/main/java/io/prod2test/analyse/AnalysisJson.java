package io.prod2test.analyse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ExchangeJson;

/**
 * The analysis as SPEC §2's {@code analyze --json} object: {@code flows} ranked by sessions and
 * {@code edgeCases} ranked by priority, each with the keys the SPEC names, plus {@code totals},
 * {@code graph} and {@code subFlows}.
 */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    /** The first {@code top} flows and edge cases; the graph and sub-flows whole. */
    public static ObjectNode toJson(Analysis analysis, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top is 1 or more, was " + top);
        }
        ObjectNode root = ExchangeJson.mapper().createObjectNode();
        ArrayNode flows = root.putArray("flows");
        analysis.flows().stream().limit(top).forEach(f -> {
            ObjectNode node = flows.addObject();
            ArrayNode routes = node.putArray("routes");
            f.labels().forEach(routes::add);
            node.put("sessions", f.sessions());
            node.put("share", Math.round(f.share() * 10_000) / 10_000.0);
            node.put("coverage", f.coverage().label());
            node.put("priority", f.priority());
            node.put("why", f.why());
            node.put("id", f.id());
            node.put("errorSessions", f.errorSessions());
        });
        ArrayNode edges = root.putArray("edgeCases");
        analysis.edgeCases().stream().limit(top).forEach(e -> {
            ObjectNode node = edges.addObject();
            node.put("kind", e.kind().label());
            node.put("route", e.route().label());
            if (e.status() == null) {
                node.putNull("status");
            } else {
                node.put("status", e.status());
            }
            node.put("count", e.count());
            ArrayNode examples = node.putArray("examples");
            e.examples().forEach(examples::add);
            node.put("detail", e.detail());
            node.put("service", e.route().service());
            node.put("sessions", e.sessions());
            node.put("coverage", e.coverage().label());
            node.put("priority", e.priority());
            node.put("why", e.why());
            node.put("id", e.id());
        });
        ObjectNode totals = root.putObject("totals");
        totals.put("exchanges", analysis.exchanges());
        totals.put("sessions", analysis.sessions());
        totals.put("routes", analysis.routes());
        totals.put("flows", analysis.flows().size());
        totals.put("edgeCases", analysis.edgeCases().size());
        ArrayNode graph = root.putArray("graph");
        for (Transition t : analysis.graph()) {
            ObjectNode node = graph.addObject();
            if (t.from() == null) {
                node.putNull("from");
            } else {
                node.put("from", t.from().label());
            }
            node.put("to", t.to().label());
            node.put("count", t.count());
            node.put("sessions", t.sessions());
            ArrayNode calls = node.putArray("downstream");
            t.downstream().forEach(d -> calls.addObject().put("service", d.service()).put("method", d.method())
                    .put("target", d.target()).put("calls", d.calls()));
        }
        ArrayNode subFlows = root.putArray("subFlows");
        for (SubFlow s : analysis.subFlows()) {
            ObjectNode node = subFlows.addObject();
            ArrayNode routes = node.putArray("routes");
            s.routes().forEach(r -> routes.add(r.label()));
            node.put("sessions", s.sessions());
            node.put("support", Math.round(s.support() * 10_000) / 10_000.0);
        }
        return root;
    }
}

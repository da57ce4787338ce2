package io.prod2test.analyse;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the last analysis back from the store, for the stages after it: the flows, edge cases and
 * graph as records, and the example sessions of a flow or an edge case as exchange ids in order, so
 * that no later stage derives flows again.
 */
public final class AnalysisReader {
    private final AnalysisStore store;

    public AnalysisReader(AnalysisStore store) {
        this.store = store;
    }

    /** The last analysis; fails with NOT_AVAILABLE when the store has never been analysed. */
    public Analysis read() {
        try (Connection c = store.connect()) {
            return read(c);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the analysis from the store: " + e.getMessage(), e);
        }
    }

    /**
     * The sessions that follow a flow, each as its user-facing exchange ids in time order.
     *
     * @param limit at most this many sessions, the lowest session ids first
     */
    public List<List<Long>> flowExamples(long flowId, int limit) {
        return longArrays("SELECT exchange_ids FROM analysis_session_flows WHERE flow_id = ? ORDER BY session_id LIMIT ?", flowId, limit);
    }

    /** The example sessions of an edge case, each as its user-facing exchange ids in time order. */
    public List<List<Long>> edgeCaseExamples(long edgeCaseId) {
        return longArrays("""
                SELECT sf.exchange_ids FROM analysis_edge_cases ec, unnest(ec.example_sessions) AS s(id)
                JOIN analysis_session_flows sf ON sf.session_id = s.id WHERE ec.id = ? ORDER BY s.id LIMIT ?""", edgeCaseId, 100);
    }

    private List<List<Long>> longArrays(String sql, long id, int limit) {
        List<List<Long>> result = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(longs(rs.getArray(1)));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the analysis examples: " + e.getMessage(), e);
        }
        return result;
    }

    static Analysis read(Connection c) throws SQLException {
        Map<Long, Route> routes = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, service, method, template FROM routes")) {
            while (rs.next()) {
                routes.put(rs.getLong(1), new Route(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        // analysis_calls is made by each analysis (Mining), so a store never analysed has none
        boolean analysed = scalar(c, "SELECT count(to_regclass('analysis_calls'))") > 0;
        long exchanges = analysed ? scalar(c, "SELECT count(*) FROM analysis_calls") : 0;
        long sessions = scalar(c, "SELECT count(*) FROM analysis_session_flows");
        if (exchanges == 0 && scalar(c, "SELECT count(*) FROM exchanges") > 0) {
            throw new Prod2TestException(ErrorCode.NOT_AVAILABLE, "the store has not been analysed yet: run 'prod2test analyze' first");
        }
        List<Flow> flows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT id, route_ids, sessions, share, error_sessions, coverage, priority, why FROM analysis_flows ORDER BY id")) {
            while (rs.next()) {
                flows.add(new Flow(rs.getLong(1), routesOf(routes, rs.getArray(2)), rs.getLong(3), rs.getDouble(4), rs.getLong(5),
                        coverage(rs.getString(6)), rs.getDouble(7), why(rs.getString(8))));
            }
        }
        List<EdgeCase> edgeCases = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT ec.id, ec.kind, ec.route_id, ec.status, ec.detail, ec.occurrences, ec.sessions,
                       ARRAY(SELECT s.session_key FROM unnest(ec.example_sessions) WITH ORDINALITY AS x(id, n)
                             JOIN sessions s ON s.id = x.id ORDER BY x.n),
                       ec.example_exchanges, ec.coverage, ec.priority, ec.why
                FROM analysis_edge_cases ec ORDER BY ec.priority DESC NULLS LAST, ec.occurrences DESC, ec.id""")) {
            while (rs.next()) {
                int status = rs.getInt(4);
                Integer statusOrNull = rs.wasNull() ? null : status;
                edgeCases.add(new EdgeCase(rs.getLong(1), EdgeKind.ofLabel(rs.getString(2)), routes.get(rs.getLong(3)), statusOrNull,
                        rs.getString(5), rs.getLong(6), rs.getLong(7), List.of((String[]) rs.getArray(8).getArray()),
                        longs(rs.getArray(9)), coverage(rs.getString(10)), rs.getDouble(11), why(rs.getString(12))));
            }
        }
        Map<String, List<Transition.DownstreamCall>> downstream = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT from_route, to_route, service, method, target, calls FROM analysis_transition_calls ORDER BY calls DESC, target")) {
            while (rs.next()) {
                downstream.computeIfAbsent(rs.getString(1) + ">" + rs.getString(2), k -> new ArrayList<>())
                        .add(new Transition.DownstreamCall(rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
            }
        }
        List<Transition> graph = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT from_route, to_route, transitions, sessions FROM analysis_transitions ORDER BY transitions DESC, from_route NULLS FIRST, to_route")) {
            while (rs.next()) {
                long from = rs.getLong(1);
                Route fromRoute = rs.wasNull() ? null : routes.get(from);
                graph.add(new Transition(fromRoute, routes.get(rs.getLong(2)), rs.getLong(3), rs.getLong(4),
                        downstream.getOrDefault(rs.getString(1) + ">" + rs.getString(2), List.of())));
            }
        }
        List<SubFlow> subFlows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT route_ids, sessions, support FROM analysis_subflows ORDER BY sessions DESC, length DESC, route_ids::text")) {
            while (rs.next()) {
                subFlows.add(new SubFlow(routesOf(routes, rs.getArray(1)), rs.getLong(2), rs.getDouble(3)));
            }
        }
        boolean tests = flows.stream().anyMatch(f -> f.coverage() != Coverage.UNKNOWN);
        return new Analysis(exchanges, sessions, routes.size(), flows, edgeCases, graph, subFlows, tests);
    }

    private static Coverage coverage(String label) {
        return label == null ? Coverage.UNKNOWN : Coverage.ofLabel(label);
    }

    private static String why(String why) {
        return why == null ? "" : why;
    }

    private static List<Route> routesOf(Map<Long, Route> routes, Array ids) throws SQLException {
        return longs(ids).stream().map(routes::get).toList();
    }

    static List<Long> longs(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

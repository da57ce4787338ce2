package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads sessions' exchanges (already masked at ingest) from the analysis store, in the order given. */
final class ExchangeLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnalysisStore store;

    ExchangeLoader(AnalysisStore store) {
        this.store = store;
    }

    /** The sessions, each as its exchanges in the order of its ids; one query for all of them. */
    List<List<SessionExchange>> load(List<List<Long>> sessions) {
        List<Long> all = sessions.stream().flatMap(List::stream).toList();
        Map<Long, SessionExchange> byId = new HashMap<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("""
                SELECT e.id, e.service, r.method || ' ' || r.template, e.method, e.path, e.query, e.request_headers, e.request_body,
                       e.status, e.response_headers, e.response_body, (extract(epoch FROM e.ts) * 1000)::bigint, coalesce(e.duration_ms, 0)
                FROM exchanges e LEFT JOIN routes r ON r.id = e.route_id WHERE e.id = ANY (?)""")) {
            p.setArray(1, c.createArrayOf("bigint", all.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String route = rs.getString(3) != null ? rs.getString(3) : rs.getString(4) + " " + rs.getString(5);
                    byId.put(rs.getLong(1), new SessionExchange(rs.getLong(1), rs.getString(2), route, rs.getString(4), rs.getString(5),
                            query(json(rs.getString(6))), headers(json(rs.getString(7))), json(rs.getString(8)), rs.getInt(9),
                            headers(json(rs.getString(10))), json(rs.getString(11)), rs.getLong(12), rs.getLong(13)));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the example sessions from the analysis store: " + e.getMessage(), e);
        }
        List<List<SessionExchange>> out = new ArrayList<>();
        for (List<Long> session : sessions) {
            List<SessionExchange> exchanges = new ArrayList<>();
            for (Long id : session) {
                SessionExchange e = byId.get(id);
                if (e != null) {
                    exchanges.add(e);
                }
            }
            out.add(List.copyOf(exchanges));
        }
        return out;
    }

    /**
     * One session per distinct answer (its {@code error} and {@code declineCode}) of a route with
     * a status, each as its user-facing exchange ids: the examples an edge case keeps may all show
     * the same decline while the traffic holds several.
     */
    List<List<Long>> sessionsPerAnswer(long routeId, int status, int limit) {
        List<List<Long>> out = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("""
                SELECT DISTINCT ON (x.answer) sf.exchange_ids
                FROM (SELECT coalesce(e.response_body ->> 'error', '') || '|' || coalesce(e.response_body ->> 'declineCode', '') AS answer,
                             coalesce(e.session_id, (SELECT r.session_id FROM exchanges r WHERE r.trace_id = e.trace_id
                                                     AND r.session_id IS NOT NULL ORDER BY r.ts LIMIT 1)) AS sid
                      FROM exchanges e WHERE e.route_id = ? AND e.status = ?) x
                JOIN analysis_session_flows sf ON sf.session_id = x.sid
                ORDER BY x.answer, sf.session_id LIMIT ?""")) {
            p.setLong(1, routeId);
            p.setInt(2, status);
            p.setInt(3, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(List.of((Long[]) rs.getArray(1).getArray()));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the answers of a route from the analysis store: " + e.getMessage(), e);
        }
        return out;
    }

    /** The exchanges {@code ids} and every exchange sharing a trace with one of them. */
    java.util.Set<Long> sameTrace(List<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>(ids);
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("""
                SELECT other.id FROM exchanges e JOIN exchanges other ON other.trace_id = e.trace_id
                WHERE e.id = ANY (?) AND e.trace_id IS NOT NULL""")) {
            p.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the traces of edge-case examples from the analysis store: " + e.getMessage(), e);
        }
        return out;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "the store holds JSON it cannot read back: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey().toLowerCase(Locale.ROOT),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        return out;
    }

    private static Map<String, List<String>> query(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                out.put(e.getKey(), values);
            });
        }
        return out;
    }
}

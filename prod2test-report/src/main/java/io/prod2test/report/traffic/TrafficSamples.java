package io.prod2test.report.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads exchanges of the store by id, as {@link Sample}s. */
public final class TrafficSamples {
    private final AnalysisStore store;

    public TrafficSamples(AnalysisStore store) {
        this.store = store;
    }

    /** The exchanges with these ids, in the order of {@code ids}; ids not in the store are left out. */
    public List<Sample> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Sample> found = new LinkedHashMap<>();
        // the query string is rebuilt from the stored map so that a tester can paste it as it was sent
        String sql = """
                SELECT e.id, e.ts, e.service, e.method, e.path,
                       (SELECT string_agg(q.key || '=' || v.value, '&' ORDER BY q.key)
                          FROM jsonb_each(CASE WHEN jsonb_typeof(e.query) = 'object' THEN e.query ELSE '{}'::jsonb END) q,
                               jsonb_array_elements_text(CASE WHEN jsonb_typeof(q.value) = 'array' THEN q.value
                                                              ELSE jsonb_build_array(q.value) END) v(value)),
                       e.request_body::text, e.status, e.response_body::text, e.session_key, e.duration_ms
                FROM exchanges e WHERE e.id = ANY(?)""";
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long duration = rs.getLong(11);
                    Long durationOrNull = rs.wasNull() ? null : duration;
                    found.put(rs.getLong(1), new Sample(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                            durationOrNull));
                }
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read example exchanges from the store: " + e.getMessage(), e);
        }
        List<Sample> ordered = new ArrayList<>();
        for (Long id : ids) {
            Sample s = found.get(id);
            if (s != null) {
                ordered.add(s);
            }
        }
        return ordered;
    }
}

package io.prod2test.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the store derives from the loaded exchanges once a load ends: route templates and
 * sessions. Both are recomputed from all exchanges, in one transaction, with ids assigned in a
 * fixed order, so the result depends only on the exchanges, never on how the load was split or
 * interrupted.
 */
public final class Derivations {
    /** What a derivation found. */
    public record Result(long routes, long sessions) {
    }

    private Derivations() {
    }

    public static Result derive(Connection c, Duration inactivity) throws SQLException {
        if (inactivity.isNegative() || inactivity.isZero()) {
            throw new IllegalArgumentException("the session inactivity timeout must be positive, was " + inactivity);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE exchanges IN SHARE ROW EXCLUSIVE MODE");
            long routes = deriveRoutes(c);
            long sessions = deriveSessions(c, inactivity);
            c.commit();
            return new Result(routes, sessions);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Marks a path shape that is an OpenAPI document's template ({@link Ingest} sets it): taken as
     * it is, with origin {@code openapi}, and kept out of the inference.
     */
    static final String OPENAPI = "openapi:";

    private static long deriveRoutes(Connection c) throws SQLException {
        /** One stored shape and the template it gets. */
        record Mapping(String service, String method, String shape, String template, boolean documented) {
        }
        List<RouteTemplates.Observed> observed = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT service, method, path_shape, count(*) FROM exchanges GROUP BY 1, 2, 3")) {
            while (rs.next()) {
                String shape = rs.getString(3);
                if (shape.startsWith(OPENAPI)) {
                    mappings.add(new Mapping(rs.getString(1), rs.getString(2), shape, shape.substring(OPENAPI.length()), true));
                } else {
                    observed.add(new RouteTemplates.Observed(rs.getString(1), rs.getString(2), shape, rs.getLong(4)));
                }
            }
        }
        RouteTemplates.infer(observed).forEach((o, template) ->
                mappings.add(new Mapping(o.service(), o.method(), o.shape(), template, false)));
        // Ids in a fixed order (service, method, template), so the same traffic always numbers its routes alike.
        java.util.TreeMap<String, Mapping> routes = new java.util.TreeMap<>();
        for (Mapping m : mappings) {
            String key = (m.service() == null ? "" : m.service()) + '\u0000' + m.method() + '\u0000' + m.template();
            routes.merge(key, m, (a, b) -> a.documented() ? a : b);
        }
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE exchanges SET route_id = NULL WHERE route_id IS NOT NULL");
            s.execute("DELETE FROM routes");
            s.execute("CREATE TEMP TABLE route_map (service text, method text, path_shape text, template text) ON COMMIT DROP");
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO routes (id, service, method, template, origin) VALUES (?, ?, ?, ?, ?)")) {
            long id = 0;
            for (Mapping route : routes.values()) {
                insert.setLong(1, ++id);
                insert.setString(2, route.service());
                insert.setString(3, route.method());
                insert.setString(4, route.template());
                insert.setString(5, route.documented() ? "openapi" : "inferred");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement map = c.prepareStatement("INSERT INTO route_map VALUES (?, ?, ?, ?)")) {
            for (Mapping m : mappings) {
                map.setString(1, m.service());
                map.setString(2, m.method());
                map.setString(3, m.shape());
                map.setString(4, m.template());
                map.addBatch();
            }
            map.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    UPDATE exchanges e SET route_id = r.id
                    FROM route_map m JOIN routes r ON r.service IS NOT DISTINCT FROM m.service AND r.method = m.method AND r.template = m.template
                    WHERE e.service IS NOT DISTINCT FROM m.service AND e.method = m.method AND e.path_shape = m.path_shape""");
        }
        return routes.size();
    }

    private static long deriveSessions(Connection c, Duration inactivity) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE exchanges SET session_id = NULL WHERE session_id IS NOT NULL");
            s.execute("DELETE FROM sessions");
        }
        // Strong keys first (session id, cookie, header, user, token subject).
        cut(c, "session_key IS NOT NULL AND session_key NOT LIKE '" + WEAK + "%'", inactivity);
        try (Statement s = c.createStatement()) {
            // Calls between services carry no session of their own: they join the session of the
            // exchange that started their trace, before any weaker key could claim them.
            s.execute("""
                    UPDATE exchanges e SET session_id = t.session_id
                    FROM (SELECT DISTINCT ON (trace_id) trace_id, session_id FROM exchanges
                          WHERE session_id IS NOT NULL AND trace_id IS NOT NULL ORDER BY trace_id, ts, id) t
                    WHERE e.session_id IS NULL AND e.trace_id = t.trace_id""");
        }
        // Then client + user agent, for what is left.
        cut(c, "session_id IS NULL AND session_key LIKE '" + WEAK + "%'", inactivity);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sessions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The prefix of the weakest session key ({@link SessionKeys.ClientAndAgent}). */
    private static final String WEAK = "client:";

    /** Cuts the matching exchanges into sessions (a gap over the timeout starts a new one), numbering after the existing ones. */
    private static void cut(Connection c, String where, Duration inactivity) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS session_cut");
        }
        try (PreparedStatement cut = c.prepareStatement("""
                CREATE TEMP TABLE session_cut ON COMMIT DROP AS
                WITH ordered AS (
                    SELECT id, session_key, ts, user_id,
                           CASE WHEN ts - lag(ts) OVER w > ? * interval '1 millisecond' THEN 1 ELSE 0 END AS starts
                    FROM exchanges WHERE %s
                    WINDOW w AS (PARTITION BY session_key ORDER BY ts, id)
                )
                SELECT id, session_key, ts, user_id, sum(starts) OVER (PARTITION BY session_key ORDER BY ts, id) AS n
                FROM ordered""".formatted(where))) {
            cut.setLong(1, inactivity.toMillis());
            cut.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE session_new ON COMMIT DROP AS
                    SELECT (SELECT coalesce(max(id), 0) FROM sessions)
                               + row_number() OVER (ORDER BY min(ts), session_key, n) AS id,
                           session_key, n, min(ts) AS started_at, max(ts) AS ended_at, count(*) AS exchanges, max(user_id) AS user_id
                    FROM session_cut GROUP BY session_key, n""");
            s.execute("""
                    INSERT INTO sessions (id, session_key, started_at, ended_at, exchanges, user_id)
                    SELECT id, session_key, started_at, ended_at, exchanges, user_id FROM session_new""");
            s.execute("""
                    UPDATE exchanges e SET session_id = s.id
                    FROM session_cut c JOIN session_new s ON s.session_key = c.session_key AND s.n = c.n
                    WHERE e.id = c.id""");
            s.execute("DROP TABLE session_new");
        }
    }
}

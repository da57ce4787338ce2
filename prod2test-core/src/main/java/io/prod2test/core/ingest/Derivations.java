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
 * sessions.
 *
 * <p>Both are computed from all exchanges, in one transaction, but written as a difference: an
 * exchange row is rewritten only when its route or session really changed, a route or session
 * keeps its id when later loads add traffic to it, and new ones are numbered after the existing
 * ones in a fixed order. So re-deriving an unchanged store writes nothing, a load that adds a day
 * of traffic rewrites about that day, and the result depends only on the exchanges and the store
 * before the run, never on how a load was split into batches or interrupted.
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
            // Rows just copied in are invisible to the planner until analysed; with stale counts it
            // plans the joins below as nested loops over "a few rows" and takes minutes instead of seconds.
            s.execute("ANALYZE exchanges");
            long routes = deriveRoutes(c);
            long sessions = deriveSessions(c, inactivity);
            // One pass over the exchanges for both, writing only the rows whose route or session changed.
            s.execute("""
                    WITH wanted AS (
                        SELECT x.id, m.route_id, n.id AS session_id
                        FROM exchanges x
                        JOIN route_map m ON coalesce(x.service, '') = m.service_key AND x.method = m.method
                                        AND x.path_shape = m.path_shape
                        LEFT JOIN session_of o ON o.id = x.id
                        LEFT JOIN session_new n ON n.session_key = o.session_key AND n.n = o.n)
                    UPDATE exchanges e SET route_id = w.route_id, session_id = w.session_id
                    FROM wanted w
                    WHERE e.id = w.id AND (e.route_id, e.session_id) IS DISTINCT FROM (w.route_id, w.session_id)""");
            s.execute("DELETE FROM routes r WHERE NOT EXISTS (SELECT 1 FROM route_map m WHERE m.route_id = r.id)");
            s.execute("DELETE FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM session_new n WHERE n.id = s.id)");
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
            String key() {
                return (service == null ? "" : service) + '\u0000' + method + '\u0000' + template;
            }
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
        java.util.TreeMap<String, Mapping> routes = new java.util.TreeMap<>();
        for (Mapping m : mappings) {
            routes.merge(m.key(), m, (a, b) -> a.documented() ? a : b);
        }
        // Routes already in the store keep their ids; new ones follow, in (service, method, template) order.
        Map<String, Long> ids = new java.util.HashMap<>();
        Map<String, String> origins = new java.util.HashMap<>();
        long next = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, service, method, template, origin FROM routes")) {
            while (rs.next()) {
                String key = new Mapping(rs.getString(2), rs.getString(3), null, rs.getString(4), false).key();
                ids.put(key, rs.getLong(1));
                origins.put(key, rs.getString(5));
                next = Math.max(next, rs.getLong(1));
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO routes (id, service, method, template, origin) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement origin = c.prepareStatement("UPDATE routes SET origin = ? WHERE id = ?")) {
            for (Mapping route : routes.values()) {
                String wanted = route.documented() ? "openapi" : "inferred";
                Long id = ids.get(route.key());
                if (id == null) {
                    ids.put(route.key(), ++next);
                    insert.setLong(1, next);
                    insert.setString(2, route.service());
                    insert.setString(3, route.method());
                    insert.setString(4, route.template());
                    insert.setString(5, wanted);
                    insert.addBatch();
                } else if (!wanted.equals(origins.get(route.key()))) {
                    origin.setString(1, wanted);
                    origin.setLong(2, id);
                    origin.addBatch();
                }
            }
            insert.executeBatch();
            origin.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            // service_key: a plain column to join on, so the planner can hash (IS NOT DISTINCT FROM cannot)
            s.execute("CREATE TEMP TABLE route_map (service_key text, method text, path_shape text, route_id bigint) ON COMMIT DROP");
        }
        try (PreparedStatement map = c.prepareStatement("INSERT INTO route_map VALUES (?, ?, ?, ?)")) {
            for (Mapping m : mappings) {
                map.setString(1, m.service() == null ? "" : m.service());
                map.setString(2, m.method());
                map.setString(3, m.shape());
                map.setLong(4, ids.get(m.key()));
                map.addBatch();
            }
            map.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE route_map");
        }
        return routes.size();
    }

    /** The prefix of the weakest session key ({@link SessionKeys.ClientAndAgent}). */
    private static final String WEAK = "client:";

    private static long deriveSessions(Connection c, Duration inactivity) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Which session each exchange belongs to, as (session key, n-th cut of that key).
            s.execute("CREATE TEMP TABLE session_of (id bigint PRIMARY KEY, session_key text, n bigint, strong boolean) ON COMMIT DROP");
        }
        // Strong keys first (session id, cookie, header, user, token subject).
        cut(c, "session_key IS NOT NULL AND session_key NOT LIKE '" + WEAK + "%'", true, inactivity);
        try (Statement s = c.createStatement()) {
            // Calls between services carry no session of their own: they join the session of the
            // exchange that started their trace, before any weaker key could claim them. They do
            // not count towards that session's exchanges nor move its start or end.
            s.execute("""
                    INSERT INTO session_of (id, session_key, n, strong)
                    SELECT e.id, t.session_key, t.n, NULL
                    FROM exchanges e
                    JOIN (SELECT DISTINCT ON (x.trace_id) x.trace_id, o.session_key, o.n
                          FROM exchanges x JOIN session_of o ON o.id = x.id
                          WHERE x.trace_id IS NOT NULL ORDER BY x.trace_id, x.ts, x.id) t ON t.trace_id = e.trace_id
                    WHERE e.trace_id IS NOT NULL AND (e.session_key IS NULL OR e.session_key LIKE '%s%%')""".formatted(WEAK));
        }
        // Then client + user agent, for what is left.
        cut(c, "session_key LIKE '" + WEAK + "%' AND NOT EXISTS (SELECT 1 FROM session_of o WHERE o.id = exchanges.id)",
                false, inactivity);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE session_new ON COMMIT DROP AS
                    SELECT o.session_key, o.n, bool_or(o.strong) AS strong, min(e.ts) AS started_at, max(e.ts) AS ended_at,
                           count(*)::int AS exchanges, max(e.user_id) AS user_id
                    FROM session_of o JOIN exchanges e ON e.id = o.id
                    WHERE o.strong IS NOT NULL
                    GROUP BY o.session_key, o.n""");
            // A session keeps its id while it starts where it started; new ones are numbered after
            // the existing ones, strong keys first, then by start.
            s.execute("ALTER TABLE session_new ADD COLUMN id bigint");
            s.execute("""
                    UPDATE session_new n SET id = old.id
                    FROM (SELECT DISTINCT ON (session_key, started_at) id, session_key, started_at FROM sessions
                          ORDER BY session_key, started_at, id) old
                    WHERE old.session_key = n.session_key AND old.started_at = n.started_at""");
            s.execute("""
                    UPDATE session_new n SET id = numbered.id
                    FROM (SELECT session_key, n, (SELECT coalesce(max(id), 0) FROM sessions)
                                 + row_number() OVER (ORDER BY NOT strong, started_at, session_key, n) AS id
                          FROM session_new WHERE id IS NULL) numbered
                    WHERE numbered.session_key = n.session_key AND numbered.n = n.n""");
            s.execute("CREATE UNIQUE INDEX ON session_new (session_key, n)");
            s.execute("ANALYZE session_new");
            s.execute("""
                    UPDATE sessions s SET ended_at = n.ended_at, exchanges = n.exchanges, user_id = n.user_id
                    FROM session_new n
                    WHERE n.id = s.id AND (s.ended_at, s.exchanges, s.user_id) IS DISTINCT FROM (n.ended_at, n.exchanges, n.user_id)""");
            s.execute("""
                    INSERT INTO sessions (id, session_key, started_at, ended_at, exchanges, user_id)
                    SELECT id, session_key, started_at, ended_at, exchanges, user_id FROM session_new n
                    WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = n.id)""");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM session_new")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Cuts the matching exchanges into sessions (a gap over the timeout starts a new one) and
     * analyses the table they went into: a temp table has no statistics until asked, and without
     * them the joins that read it go quadratic.
     */
    private static void cut(Connection c, String where, boolean strong, Duration inactivity) throws SQLException {
        try (PreparedStatement cut = c.prepareStatement("""
                INSERT INTO session_of (id, session_key, n, strong)
                SELECT id, session_key, sum(starts) OVER (PARTITION BY session_key ORDER BY ts, id), ?
                FROM (SELECT id, session_key, ts,
                             CASE WHEN ts - lag(ts) OVER (PARTITION BY session_key ORDER BY ts, id)
                                       > ? * interval '1 millisecond' THEN 1 ELSE 0 END AS starts
                      FROM exchanges WHERE %s) ordered""".formatted(where))) {
            cut.setBoolean(1, strong);
            cut.setLong(2, inactivity.toMillis());
            cut.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE session_of");
        }
    }
}

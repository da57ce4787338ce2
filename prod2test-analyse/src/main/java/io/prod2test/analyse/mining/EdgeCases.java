package io.prod2test.analyse.mining;

import io.prod2test.analyse.AnalysisOptions;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The edge-case queries. Each kind writes its hits (one row per call that shows it) into one
 * temporary table; a single aggregate then counts them per kind, route, status and detail and keeps
 * the first few sessions and exchanges as examples.
 */
final class EdgeCases {
    private EdgeCases() {
    }

    static void find(Statement s, AnalysisOptions o) throws SQLException {
        s.execute("""
                CREATE TEMP TABLE edge_hits (kind text, route_id bigint, status smallint, detail text, session_id bigint, exchange_id bigint)
                ON COMMIT DROP""");
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'error-status', route_id, status, 'HTTP ' || status, session_id, exchange_id
                FROM analysis_calls WHERE status >= 400""");
        // A shape is rare when few of the route's calls with a JSON object body have it.
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO edge_hits
                SELECT 'rare-shape', c.route_id, NULL,
                       coalesce('fields ' || (SELECT string_agg(k || ':' || jsonb_typeof(v), ',' ORDER BY k)
                                              FROM jsonb_each(e.request_body) AS f(k, v)), 'an empty object'),
                       c.session_id, c.exchange_id
                FROM analysis_calls c JOIN exchanges e ON e.id = c.exchange_id
                JOIN (SELECT route_id, shape, count(*) AS calls, sum(count(*)) OVER (PARTITION BY route_id) AS route_calls
                      FROM analysis_calls WHERE shape IS NOT NULL GROUP BY route_id, shape) sh
                  ON sh.route_id = c.route_id AND sh.shape = c.shape
                WHERE sh.route_calls >= %d AND sh.calls < %s * sh.route_calls""", o.minCalls(), Double.toString(o.rareShapeShare())));
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'odd-value', c.route_id, NULL, split_part(v, '|', 1) || ' at ' || split_part(v, '|', 2), c.session_id, c.exchange_id
                FROM analysis_calls c, unnest(c.odd) AS v
                WHERE c.odd IS NOT NULL""");
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'retry', route_id, NULL, 'the same Idempotency-Key again', session_id, exchange_id
                FROM (SELECT route_id, session_id, exchange_id,
                             row_number() OVER (PARTITION BY route_id, idem_key ORDER BY ts, exchange_id) AS nth
                      FROM analysis_calls WHERE idem_key IS NOT NULL) k
                WHERE nth > 1""");
        // A double click: the user's call right after the same call (path and body) within the window.
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO edge_hits
                SELECT 'duplicate', route_id, NULL, 'the same request again within %d s', session_id, exchange_id
                FROM (SELECT route_id, session_id, exchange_id, ts, method, path, body_hash, idem_key,
                             lag(ts) OVER w AS before_ts, lag(path) OVER w AS before_path, lag(body_hash) OVER w AS before_body
                      FROM analysis_calls WHERE root AND session_id IS NOT NULL
                      WINDOW w AS (PARTITION BY session_id ORDER BY ts, exchange_id)) d
                WHERE method <> 'GET' AND idem_key IS NULL AND body_hash IS NOT NULL
                  AND path = before_path AND body_hash = before_body AND ts - before_ts <= %d * interval '1 millisecond'""",
                o.duplicateWindow().toSeconds(), o.duplicateWindow().toMillis()));
        // B without its usual A: the usual predecessor brings at least the given share of B's arrivals.
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO edge_hits
                SELECT 'out-of-order', st.route_id, NULL, 'without ' || r.method || ' ' || r.template || ' before it', st.session_id, st.exchange_id
                FROM (SELECT DISTINCT ON (to_route) to_route, from_route, transitions,
                             sum(transitions) OVER (PARTITION BY to_route) AS arrivals
                      FROM analysis_transitions ORDER BY to_route, transitions DESC, from_route) u
                JOIN routes r ON r.id = u.from_route
                JOIN analysis_steps st ON st.route_id = u.to_route AND st.first_visit
                WHERE u.from_route IS NOT NULL AND u.transitions >= %s * u.arrivals
                  AND NOT EXISTS (SELECT 1 FROM analysis_steps p
                                  WHERE p.session_id = st.session_id AND p.seq < st.seq AND p.route_id = u.from_route)""",
                Double.toString(o.usualPredecessor())));
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO edge_hits
                SELECT 'slow', c.route_id, NULL, 'at or above p%s of ' || q.threshold || ' ms', c.session_id, c.exchange_id
                FROM analysis_calls c
                JOIN (SELECT route_id, percentile_disc(%s) WITHIN GROUP (ORDER BY duration_ms) AS threshold,
                             percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median
                      FROM analysis_calls WHERE duration_ms IS NOT NULL GROUP BY route_id HAVING count(*) >= %d) q
                  ON q.route_id = c.route_id
                -- a route whose calls all take about as long has no slow calls, however high its p99
                WHERE c.duration_ms >= q.threshold AND q.threshold > q.median""",
                quantileName(o.slowQuantile()), Double.toString(o.slowQuantile()), o.minCalls()));
        // Writes to one concrete resource (a path of a template with a parameter) that overlap in time.
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'concurrent', route_id, NULL, 'overlaps another ' || method || ' of the same resource', session_id, exchange_id
                FROM (SELECT c.route_id, c.method, c.session_id, c.exchange_id, c.ts,
                             max(c.ts + coalesce(c.duration_ms, 0) * interval '1 millisecond')
                                 OVER (PARTITION BY c.method, c.path ORDER BY c.ts, c.exchange_id
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS busy_until
                      FROM analysis_calls c JOIN routes r ON r.id = c.route_id
                      WHERE c.method <> 'GET' AND r.template LIKE '%{%') w
                WHERE ts < busy_until""");
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO analysis_edge_cases (id, kind, route_id, status, detail, occurrences, sessions, example_sessions, example_exchanges)
                SELECT row_number() OVER (ORDER BY kind, route_id, status, detail), kind, route_id, status, detail, count(*),
                       count(DISTINCT session_id),
                       coalesce((array_agg(DISTINCT session_id) FILTER (WHERE session_id IS NOT NULL))[1:%1$d], '{}'),
                       (array_agg(exchange_id ORDER BY exchange_id))[1:%1$d]
                FROM edge_hits GROUP BY kind, route_id, status, detail""", o.examples()));
    }

    /** 0.99 as {@code 99}, 0.995 as {@code 99.5}. */
    static String quantileName(double quantile) {
        String text = new java.math.BigDecimal(Double.toString(quantile * 100)).stripTrailingZeros().toPlainString();
        return text;
    }
}

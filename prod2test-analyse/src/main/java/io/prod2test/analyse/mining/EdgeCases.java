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
        // Per route, how many calls have each shape and each duration: two small hash tables filled in one
        // scan, where the percentiles sorted every call by route and the shapes took a scan of their own.
        s.execute("""
                CREATE TEMP TABLE route_counts ON COMMIT DROP AS
                SELECT route_id, shape, duration_ms, count(*) AS calls
                FROM analysis_calls WHERE shape IS NOT NULL OR duration_ms IS NOT NULL
                GROUP BY GROUPING SETS ((route_id, shape), (route_id, duration_ms))""");
        // A shape is rare when few of the route's calls with a JSON object body have it.
        s.execute(String.format(Locale.ROOT, """
                CREATE TEMP TABLE rare_shapes ON COMMIT DROP AS
                SELECT route_id, shape
                FROM (SELECT route_id, shape, calls, sum(calls) OVER (PARTITION BY route_id) AS route_calls
                      FROM route_counts WHERE shape IS NOT NULL) sh
                WHERE route_calls >= %d AND calls < %s * route_calls""", o.minCalls(), Double.toString(o.rareShapeShare())));
        // percentile_disc(p) is the value at position ceil(p * n) (at least 1) of the ordered
        // durations, computed in float8 as PostgreSQL does: the first duration whose running count reaches it.
        s.execute(String.format(Locale.ROOT, """
                CREATE TEMP TABLE slow_thresholds ON COMMIT DROP AS
                SELECT route_id,
                       min(duration_ms) FILTER (WHERE running >= greatest(1, ceil(%1$s::float8 * total::float8))) AS threshold,
                       min(duration_ms) FILTER (WHERE running >= greatest(1, ceil(0.5::float8 * total::float8))) AS median
                FROM (SELECT route_id, duration_ms,
                             sum(calls) OVER (PARTITION BY route_id ORDER BY duration_ms) AS running,
                             sum(calls) OVER (PARTITION BY route_id) AS total
                      FROM route_counts WHERE duration_ms IS NOT NULL) d
                GROUP BY route_id HAVING max(total) >= %2$d""", Double.toString(o.slowQuantile()), o.minCalls()));
        // without statistics the planner took these few rows for thousands and sorted every call to merge-join them
        s.execute("ANALYZE rare_shapes, slow_thresholds");
        // The kinds that look at one call and its route's figures share one scan of analysis_calls; the
        // few calls that show any of them are expanded into a hit per kind.
        s.execute(String.format(Locale.ROOT, """
                CREATE TEMP TABLE edge_hits ON COMMIT DROP AS
                SELECT h.kind, c.route_id, h.status, h.detail, c.session_id, c.exchange_id
                FROM analysis_calls c
                LEFT JOIN slow_thresholds q ON q.route_id = c.route_id
                LEFT JOIN rare_shapes sh ON sh.route_id = c.route_id AND sh.shape = c.shape,
                LATERAL (SELECT 'error-status'::text, c.status, 'HTTP ' || c.status WHERE c.status >= 400
                         UNION ALL
                         SELECT 'rare-shape', NULL::smallint,
                                coalesce('fields ' || (SELECT string_agg(k || ':' || jsonb_typeof(v), ',' ORDER BY k)
                                                       FROM exchanges e, jsonb_each(e.request_body) AS f(k, v)
                                                       WHERE e.id = c.exchange_id), 'an empty object')
                         WHERE sh.route_id IS NOT NULL
                         UNION ALL
                         SELECT 'odd-value', NULL::smallint, split_part(v, '|', 1) || ' at ' || split_part(v, '|', 2)
                         FROM unnest(c.odd) AS v
                         UNION ALL
                         -- a route whose calls all take about as long has no slow calls, however high its p99
                         SELECT 'slow', NULL::smallint, 'at or above p%s of ' || q.threshold || ' ms'
                         WHERE c.duration_ms >= q.threshold AND q.threshold > q.median) h(kind, status, detail)
                WHERE c.status >= 400 OR sh.route_id IS NOT NULL OR c.odd IS NOT NULL
                   OR (c.duration_ms >= q.threshold AND q.threshold > q.median)""", quantileName(o.slowQuantile())));
        // A partition of text keys is the same group whatever their order, so the rows are sorted by a hash
        // of the key first (cheap integer comparisons) and then byte-wise (COLLATE "C"), not by the collation.
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'retry', route_id, NULL, 'the same Idempotency-Key again', session_id, exchange_id
                FROM (SELECT route_id, session_id, exchange_id,
                             row_number() OVER (PARTITION BY route_id, hashtextextended(idem_key, 0), idem_key COLLATE "C"
                                                ORDER BY ts, exchange_id) AS nth
                      FROM analysis_calls WHERE idem_key IS NOT NULL) k
                WHERE nth > 1""");
        // A double click: the user's call right after the same call (path and body) within the window,
        // judged while the steps were found.
        s.execute(String.format(Locale.ROOT, """
                INSERT INTO edge_hits
                SELECT 'duplicate', route_id, NULL, 'the same request again within %d s', session_id, exchange_id
                FROM root_runs WHERE duplicate""", o.duplicateWindow().toSeconds()));
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
        // Writes to one concrete resource (a path of a template with a parameter) that overlap in time;
        // the resource is a partition, sorted by a hash first as above.
        s.execute("""
                INSERT INTO edge_hits
                SELECT 'concurrent', route_id, NULL, 'overlaps another ' || method || ' of the same resource', session_id, exchange_id
                FROM (SELECT c.route_id, c.method, c.session_id, c.exchange_id, c.ts,
                             max(c.ts + coalesce(c.duration_ms, 0) * interval '1 millisecond')
                                 OVER (PARTITION BY hashtextextended(c.path, 0), c.path COLLATE "C", c.method COLLATE "C" ORDER BY c.ts, c.exchange_id
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

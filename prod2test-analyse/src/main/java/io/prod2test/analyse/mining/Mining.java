package io.prod2test.analyse.mining;

import io.prod2test.analyse.AnalysisOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The analysis as SQL, run inside the store: every step reads and writes tables there, and nothing
 * row by row crosses into Java. The wide {@code exchanges} table is scanned once, into the narrow
 * {@code analysis_calls}; everything else works from that and from tables derived from it.
 *
 * <p>Method, in order:
 * <ol>
 *   <li>calls: one narrow row per exchange, with the request facts the ingest computed (or, for rows
 *       loaded before them, the same facts derived from the JSONB); a call whose trace began earlier
 *       at another exchange is a call between services (not a step of the user) and remembers that
 *       root;</li>
 *   <li>steps: per session, the user's calls in time order with consecutive repeats collapsed
 *       ({@code lag}); each step knows whether it is the session's first visit to its route;</li>
 *   <li>flows: per session the routes of its first visits in order ({@code array_agg ... ORDER BY});
 *       sessions grouped by that array are the flow variants, ranked by sessions;</li>
 *   <li>the directly-follows graph and sub-flows are counted on the distinct step sequences
 *       weighted by their sessions (millions of sessions share a few thousand sequences); sub-flows
 *       are contiguous n-grams (2 to the maximum length) with a minimum session support, kept when
 *       closed: no one-step longer n-gram has the same support;</li>
 *   <li>calls between services are attached to the transition into the step whose request caused
 *       them (its trace), together with the OpenTelemetry client spans of {@code downstream_calls};</li>
 *   <li>edge cases: every kind writes hits (route, detail, session, exchange) into one table, and one
 *       aggregate turns them into counts with examples.</li>
 * </ol>
 */
public final class Mining {
    private Mining() {
    }

    /**
     * Whether a JSON body has any value {@code analysis_odd_values} would report. A jsonpath test runs
     * in C in about a tenth of the time of calling the SQL function for every body, so only the few
     * bodies it lets through pay for the detailed look.
     */
    static final String ODD_VALUE_FILTER = "$.* ? (@.type() == \"number\" && (@ <= 0 || @ >= 1000000 || @ != @.floor())"
            + " || @.type() == \"string\" && (@ == \"\" || @ like_regex \"^.{201}\" || @ like_regex \"[\\u{10000}-\\u{10FFFF}]\"))";

    /*
     * The request facts of a row loaded before store V3, derived from its JSONB (alias e) as every
     * analysis once did; newer rows carry them in columns computed at ingest
     * (io.prod2test.core.ingest.RequestFacts), which RequestFactsIT checks against these.
     */
    static final String LEGACY_IDEMPOTENCY_KEY = "e.request_headers ->> 'idempotency-key'";
    static final String LEGACY_BODY_HASH = "hashtextextended(e.request_body::text, 0)";
    static final String LEGACY_SHAPE = """
            CASE WHEN jsonb_typeof(e.request_body) = 'object' THEN
                jsonb_path_query_array(e.request_body, '$.keyvalue().key')::text
                || jsonb_path_query_array(e.request_body, '$.*.type()')::text END""";
    static final String LEGACY_ODD_VALUES = """
            CASE WHEN jsonb_typeof(e.request_body) = 'object' AND e.request_body @? '%s'
                 THEN analysis_odd_values(e.request_body) END""".formatted(ODD_VALUE_FILTER);

    /** The named steps, for progress. */
    public static final List<String> STEPS = List.of("reading calls", "finding steps", "grouping flows",
            "counting transitions", "mining sub-flows", "finding edge cases");

    /**
     * Recomputes every analysis table from the exchanges, in the caller's transaction.
     *
     * @param onStep told the name of each step as it starts
     */
    public static void run(Connection c, AnalysisOptions options, Consumer<String> onStep) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL work_mem = '256MB'");
            s.execute("TRUNCATE analysis_steps, analysis_session_flows, analysis_flows, analysis_transitions,"
                    + " analysis_transition_calls, analysis_subflows, analysis_edge_cases");
            s.execute("DROP TABLE IF EXISTS analysis_calls");
            s.execute("DROP INDEX IF EXISTS analysis_steps_session_seq");
            s.execute("DROP INDEX IF EXISTS analysis_steps_route_session");

            onStep.accept(STEPS.get(0));
            // The root of a trace is its first routed call. One window over the exchanges finds it (a
            // DISTINCT ON of the traces joined back cost a second pass and a hash of every trace); the
            // trace ids are grouped byte by byte (COLLATE "C": the same groups, a far cheaper sort
            // than the database's collation).
            s.execute("""
                    CREATE UNLOGGED TABLE analysis_calls AS
                    SELECT e.id AS exchange_id, e.session_id, e.route_id, e.ts, e.status, e.duration_ms,
                           e.trace_id IS NULL OR first_value(e.id) OVER trace = e.id AS root,
                           CASE WHEN e.trace_id IS NULL THEN e.id ELSE first_value(e.id) OVER trace END AS root_id,
                           e.method, e.path,
                           CASE WHEN e.request_facts IS NULL THEN %s ELSE e.idempotency_key END AS idem_key,
                           CASE WHEN e.request_facts IS NULL THEN %s ELSE e.request_body_hash END AS body_hash,
                           CASE WHEN e.request_facts IS NULL THEN %s ELSE e.request_shape END AS shape,
                           CASE WHEN e.request_facts IS NULL THEN %s ELSE e.request_odd_values END AS odd
                    FROM exchanges e
                    WHERE e.route_id IS NOT NULL
                    WINDOW trace AS (PARTITION BY e.trace_id COLLATE "C" ORDER BY e.ts, e.id)""".formatted(LEGACY_IDEMPOTENCY_KEY, LEGACY_BODY_HASH, LEGACY_SHAPE, LEGACY_ODD_VALUES));
            s.execute("ANALYZE analysis_calls");

            onStep.accept(STEPS.get(1));
            // The edge cases' double clicks compare a user's call with the one before it in the same
            // window, so they are judged here ('duplicate') rather than by sorting every root call again.
            s.execute(String.format(Locale.ROOT, """
                    CREATE TEMP TABLE root_runs ON COMMIT DROP AS
                    SELECT session_id, exchange_id, route_id, status,
                           sum(CASE WHEN prev IS DISTINCT FROM route_id THEN 1 ELSE 0 END)
                               OVER (PARTITION BY session_id ORDER BY ts, exchange_id) AS seq,
                           prev IS DISTINCT FROM route_id AS starts,
                           could_repeat AND path = before_path AND body_hash = before_body
                               AND ts - before_ts <= %d * interval '1 millisecond' AS duplicate
                    -- judged before the sort, so the method and key need not be sorted along
                    FROM (SELECT session_id, exchange_id, route_id, status, ts, path, body_hash,
                                 method <> 'GET' AND idem_key IS NULL AND body_hash IS NOT NULL AS could_repeat,
                                 lag(route_id) OVER w AS prev,
                                 lag(ts) OVER w AS before_ts, lag(path) OVER w AS before_path, lag(body_hash) OVER w AS before_body
                          FROM analysis_calls WHERE root AND session_id IS NOT NULL
                          WINDOW w AS (PARTITION BY session_id ORDER BY ts, exchange_id)) o""", options.duplicateWindow().toMillis()));
            // a temporary table has no statistics until analysed, and the planner's guesses for the joins below were poor
            s.execute("ANALYZE root_runs");
            s.execute("""
                    INSERT INTO analysis_steps (session_id, seq, exchange_id, route_id, first_visit)
                    SELECT session_id, seq, exchange_id, route_id,
                           row_number() OVER (PARTITION BY session_id, route_id ORDER BY seq) = 1
                    FROM root_runs WHERE starts""");
            s.execute("CREATE INDEX analysis_steps_session_seq ON analysis_steps (session_id, seq)");
            s.execute("CREATE INDEX analysis_steps_route_session ON analysis_steps (route_id, session_id)");
            s.execute("ANALYZE analysis_steps");

            onStep.accept(STEPS.get(2));
            s.execute("""
                    CREATE TEMP TABLE session_paths ON COMMIT DROP AS
                    SELECT st.session_id, st.steps, st.flow, r.exchange_ids, r.has_error
                    FROM (SELECT session_id, array_agg(route_id ORDER BY seq) AS steps,
                                 array_agg(route_id ORDER BY seq) FILTER (WHERE first_visit) AS flow
                          FROM analysis_steps GROUP BY session_id) st
                    JOIN (SELECT session_id, array_agg(exchange_id ORDER BY seq, exchange_id) AS exchange_ids,
                                 bool_or(status >= 400) AS has_error
                          FROM root_runs GROUP BY session_id) r USING (session_id)""");
            s.execute("""
                    INSERT INTO analysis_flows (id, route_ids, sessions, share, error_sessions)
                    SELECT row_number() OVER (ORDER BY count(*) DESC, flow::text), flow, count(*),
                           count(*)::float8 / (SELECT count(*) FROM session_paths), count(*) FILTER (WHERE has_error)
                    FROM session_paths GROUP BY flow""");
            s.execute("""
                    INSERT INTO analysis_session_flows (session_id, flow_id, exchange_ids)
                    SELECT p.session_id, f.id, p.exchange_ids FROM session_paths p JOIN analysis_flows f ON f.route_ids = p.flow""");

            onStep.accept(STEPS.get(3));
            s.execute("""
                    CREATE TEMP TABLE sequences ON COMMIT DROP AS
                    SELECT steps, count(*) AS sessions FROM session_paths GROUP BY steps""");
            s.execute("""
                    INSERT INTO analysis_transitions (from_route, to_route, transitions, sessions)
                    SELECT from_route, to_route, sum(sessions * times), sum(sessions)
                    FROM (SELECT q.sessions, CASE WHEN i = 1 THEN NULL ELSE q.steps[i - 1] END AS from_route, q.steps[i] AS to_route,
                                 count(*) AS times
                          FROM sequences q, generate_subscripts(q.steps, 1) AS i
                          GROUP BY q.steps, q.sessions, 2, 3) t
                    GROUP BY from_route, to_route""");
            s.execute("""
                    INSERT INTO analysis_transition_calls (from_route, to_route, service, method, target, calls)
                    -- every call of a run has the run's route, so the step's route is the root call's own
                    SELECT prev.route_id, rr.route_id, d.service, d.method, d.target, count(*)
                    FROM (SELECT c.root_id, r.service, r.method, r.template AS target
                          FROM analysis_calls c JOIN routes r ON r.id = c.route_id WHERE NOT c.root
                          UNION ALL
                          SELECT dc.exchange_id, dc.peer_service, dc.method,
                                 regexp_replace(regexp_replace(dc.url, '^[a-z]+://[^/]+', ''), '[?#].*$', '')
                          FROM downstream_calls dc) d
                    JOIN root_runs rr ON rr.exchange_id = d.root_id
                    LEFT JOIN analysis_steps prev ON prev.session_id = rr.session_id AND prev.seq = rr.seq - 1
                    GROUP BY 1, 2, 3, 4, 5""");

            onStep.accept(STEPS.get(4));
            subFlows(s, options);

            onStep.accept(STEPS.get(5));
            EdgeCases.find(s, options);
        }
    }

    private static void subFlows(Statement s, AnalysisOptions options) throws SQLException {
        int max = options.maxSubFlowLength();
        s.execute(String.format(Locale.ROOT, """
                CREATE TEMP TABLE grams ON COMMIT DROP AS
                SELECT g.gram, cardinality(g.gram) AS length, sum(g.sessions) AS sessions
                FROM (SELECT DISTINCT q.steps, q.sessions, q.steps[i:i + n - 1] AS gram
                      FROM sequences q, generate_subscripts(q.steps, 1) AS i, generate_series(2, %d) AS n
                      WHERE i + n - 1 <= cardinality(q.steps)) g
                GROUP BY g.gram
                HAVING sum(g.sessions) >= greatest(2, ceil(%s * (SELECT count(*) FROM session_paths)))""",
                max, Double.toString(options.minSubFlowSupport())));
        s.execute("""
                INSERT INTO analysis_subflows (route_ids, length, sessions, support)
                SELECT g.gram, g.length, g.sessions, g.sessions::float8 / (SELECT count(*) FROM session_paths)
                FROM grams g
                WHERE NOT EXISTS (SELECT 1 FROM grams longer
                                  WHERE longer.length = g.length + 1 AND longer.sessions = g.sessions
                                    AND (longer.gram[1:g.length] = g.gram OR longer.gram[2:g.length + 1] = g.gram))""");
    }
}

package io.prod2test.mcp.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.InvalidParams;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import io.prod2test.mcp.Page;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code get_flow_sequences}: the ordered routes of real sessions, one session or all that follow a flow. */
public final class FlowSequencesTool implements McpTool {
    /** Routes shown for one session; longer sessions say how many there were. */
    static final int ROUTES_SHOWN = 60;
    /** Routes shown per session or variant in a list of them, which is paged besides. */
    static final int ROUTES_LISTED = 25;
    /** Steps shown for one session. */
    static final int STEPS_SHOWN = 200;

    /** One call of a session. */
    public record Step(String ts, String service, String method, String path, String route, int status, Long durationMs) {
    }

    /** A session's route sequence. */
    public record SessionSequence(long sessionId, String startedAt, String endedAt, int routeCount, List<String> routes) {
    }

    /** A distinct sequence among the matching sessions, with how many sessions followed it. */
    public record Variant(long sessions, int routeCount, List<String> routes) {
    }

    /** The answer for a route sequence. */
    public record Matches(List<String> routes, String match, List<Variant> variants, Page<SessionSequence> sessions) {
    }

    /** The answer for one session: its sequence and its calls. */
    public record OneSession(SessionSequence session, String userId, int stepCount, List<Step> steps) {
    }

    private final McpContext context;

    public FlowSequencesTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("get_flow_sequences", "Route sequences of real sessions",
                "Shows what users really did, step by step. Either give sessionId to get one session's calls in order (time, "
                + "service, method, masked path, route template, status, duration), or give routes (route names as "
                + "\"METHOD /template\", e.g. [\"POST /orders\", \"POST /payments\"]) to find the sessions whose ordered route "
                + "sequence contains that flow (match=contains, the default), starts with it (prefix) or is exactly it (exact). "
                + "The answer lists the distinct full sequences among the matches with their session counts (the flow's "
                + "variants, most common first) and a page of matching sessions (total, offset, nextOffset). Use it to study a "
                + "flow before writing a scenario or a charter; take route names from summarize_traffic.",
                InputSchema.builder()
                        .integer("sessionId", "One session's id (from a previous answer); give this or routes.", 1, Long.MAX_VALUE, null)
                        .strings("routes", "A flow as route names in order, each \"METHOD /template\"; give this or sessionId.", 50, 300,
                                "[A-Z]+ /.*")
                        .choice("match", "How routes must match a session's sequence.", List.of("contains", "prefix", "exact"), "contains")
                        .integer("limit", "Sessions on this page.", 1, 25, 10L)
                        .integer("offset", "Index of the first session on this page.", 0, 10_000_000, 0L)
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        boolean bySession = arguments.integer("sessionId").isPresent();
        boolean byRoutes = arguments.strings("routes").isPresent();
        if (bySession == byRoutes) {
            throw new InvalidParams("give exactly one of sessionId and routes");
        }
        try (Connection c = context.store().connect()) {
            c.setReadOnly(true);
            return bySession ? session(c, arguments.integer("sessionId").orElseThrow())
                    : matches(c, arguments.strings("routes").orElseThrow(), arguments.string("match").orElseThrow(),
                    arguments.intValue("limit"), arguments.intValue("offset"));
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read session sequences from the analysis store: " + e.getMessage(), e);
        }
    }

    private static OneSession session(Connection c, long id) throws SQLException {
        String started;
        String ended;
        String user;
        try (PreparedStatement s = c.prepareStatement("SELECT started_at, ended_at, user_id FROM sessions WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new Prod2TestException(ErrorCode.INVALID_INPUT, "there is no session " + id
                            + " in the analysis store; find session ids with routes=[...] or with query");
                }
                started = SummarizeTrafficTool.iso(rs.getTimestamp(1));
                ended = SummarizeTrafficTool.iso(rs.getTimestamp(2));
                user = rs.getString(3);
            }
        }
        List<Step> steps = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        int count = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT e.ts, e.service, e.method, e.path, r.method || ' ' || r.template,"
                + " e.status, e.duration_ms FROM exchanges e LEFT JOIN routes r ON r.id = e.route_id WHERE e.session_id = ?"
                + " ORDER BY e.ts, e.id")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count++;
                    String route = rs.getString(5);
                    if (routes.size() < ROUTES_SHOWN) {
                        routes.add(route);
                    }
                    if (steps.size() < STEPS_SHOWN) {
                        long duration = rs.getLong(7);
                        steps.add(new Step(SummarizeTrafficTool.iso(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), route, rs.getInt(6), rs.wasNull() ? null : duration));
                    }
                }
            }
        }
        return new OneSession(new SessionSequence(id, started, ended, count, routes), user, count, steps);
    }

    private static final String SEQUENCES = "WITH seq AS (SELECT e.session_id, array_agg(r.method || ' ' || r.template ORDER BY e.ts, e.id)"
            + " AS routes FROM exchanges e JOIN routes r ON r.id = e.route_id WHERE e.session_id IS NOT NULL GROUP BY e.session_id),"
            + " matched AS (SELECT session_id, routes FROM seq WHERE CASE CAST(? AS text)"
            + " WHEN 'exact' THEN routes = CAST(? AS text[])"
            + " WHEN 'prefix' THEN strpos(E'\\n' || array_to_string(routes, E'\\n') || E'\\n', ?) = 1"
            + " ELSE strpos(E'\\n' || array_to_string(routes, E'\\n') || E'\\n', ?) > 0 END) ";

    private static Matches matches(Connection c, List<String> routes, String match, int limit, int offset) throws SQLException {
        Array exact = c.createArrayOf("text", routes.toArray());
        String needle = "\n" + String.join("\n", routes) + "\n";
        List<Variant> variants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SEQUENCES + "SELECT routes, count(*) FROM matched GROUP BY routes"
                + " ORDER BY 2 DESC, cardinality(routes), routes::text LIMIT 5")) {
            bind(s, match, exact, needle);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> all = strings(rs.getArray(1));
                    variants.add(new Variant(rs.getLong(2), all.size(), all.subList(0, Math.min(all.size(), ROUTES_LISTED))));
                }
            }
        }
        List<SessionSequence> sessions = new ArrayList<>();
        long total = 0;
        try (PreparedStatement s = c.prepareStatement(SEQUENCES + "SELECT m.session_id, m.routes, ss.started_at, ss.ended_at,"
                + " count(*) OVER () FROM matched m JOIN sessions ss ON ss.id = m.session_id ORDER BY ss.started_at, m.session_id"
                + " LIMIT ? OFFSET ?")) {
            bind(s, match, exact, needle);
            s.setInt(5, limit);
            s.setInt(6, offset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> all = strings(rs.getArray(2));
                    sessions.add(new SessionSequence(rs.getLong(1), SummarizeTrafficTool.iso(rs.getTimestamp(3)),
                            SummarizeTrafficTool.iso(rs.getTimestamp(4)), all.size(), all.subList(0, Math.min(all.size(), ROUTES_LISTED))));
                    total = rs.getLong(5);
                }
            }
        }
        if (sessions.isEmpty() && offset > 0) {
            try (PreparedStatement s = c.prepareStatement(SEQUENCES + "SELECT count(*) FROM matched")) {
                bind(s, match, exact, needle);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        }
        return new Matches(routes, match, variants, Page.of(total, offset, limit, sessions));
    }

    private static void bind(PreparedStatement s, String match, Array exact, String needle) throws SQLException {
        s.setString(1, match);
        s.setArray(2, exact);
        s.setString(3, needle);
        s.setString(4, needle);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}

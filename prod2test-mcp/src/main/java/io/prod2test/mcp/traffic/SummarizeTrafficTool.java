package io.prod2test.mcp.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import io.prod2test.mcp.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summarize_traffic}: what the store holds, at a glance. */
public final class SummarizeTrafficTool implements McpTool {
    /** A service's share of the traffic. */
    public record ServiceCount(String service, long exchanges, long sessions) {
    }

    /** A route template with how often it was called, by how many sessions, and how often it failed. */
    public record RouteCount(String service, String route, String origin, long exchanges, long sessions, long clientErrors,
                             long serverErrors) {
    }

    /** A status code and how often it was answered. */
    public record StatusCount(int status, long exchanges) {
    }

    /** A reason records were quarantined for, and how many. */
    public record QuarantineReason(String reason, long records) {
    }

    /**
     * The answer.
     *
     * @param from        the first exchange's time (ISO-8601), or {@code null} for an empty store
     * @param to          the last exchange's time
     * @param exchanges   exchanges loaded
     * @param sessions    sessions those exchanges belong to
     * @param sources     log files ingested
     * @param services    exchanges and sessions by service
     * @param statusClasses exchanges by status class (2xx, 3xx, 4xx, 5xx)
     * @param topStatuses the most frequent status codes
     * @param routes      route templates by exchanges, paged
     * @param quarantined records that could not be read
     * @param quarantineReasons the most frequent reasons
     */
    public record Summary(String from, String to, long exchanges, long sessions, long sources, List<ServiceCount> services,
                          Map<String, Long> statusClasses, List<StatusCount> topStatuses, Page<RouteCount> routes, long quarantined,
                          List<QuarantineReason> quarantineReasons) {
    }

    private static final String FILTER = " WHERE (CAST(? AS text) IS NULL OR e.service = ?)";

    private final McpContext context;

    public SummarizeTrafficTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("summarize_traffic", "Summarise the collected traffic",
                "Start here. Summarises the masked production traffic in the analysis store: the period it covers, exchanges and "
                + "sessions in total and by service, the status mix (2xx/3xx/4xx/5xx and the most frequent codes), the route "
                + "templates ranked by how often they were called (with sessions and error counts, paged by routeOffset/routeLimit), "
                + "and how many log records were quarantined and why. Use it before asking about flows, to learn the route names "
                + "(\"METHOD /template\") that get_flow_sequences and query take. Pass service to look at one service only.",
                InputSchema.builder()
                        .string("service", "Only this service's traffic (a name from a previous summary's services); omit for all.", 200, null)
                        .integer("routeLimit", "How many routes to list on this page.", 1, 100, 20L)
                        .integer("routeOffset", "Index of the first route to list (0 for the busiest); use nextOffset of a previous answer.",
                                0, 1_000_000, 0L)
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        return summarize(context, arguments.string("service").orElse(null), arguments.intValue("routeLimit"),
                arguments.intValue("routeOffset"));
    }

    /** The summary, also served as the analysis resource. */
    public static Summary summarize(McpContext context, String service, int routeLimit, int routeOffset) {
        try (Connection c = context.store().connect()) {
            c.setReadOnly(true);
            String from = null;
            String to = null;
            long exchanges = 0;
            long sessions = 0;
            try (PreparedStatement s = filtered(c, "SELECT min(e.ts), max(e.ts), count(*), count(DISTINCT e.session_id) FROM exchanges e"
                    + FILTER, service); ResultSet rs = s.executeQuery()) {
                rs.next();
                from = iso(rs.getTimestamp(1));
                to = iso(rs.getTimestamp(2));
                exchanges = rs.getLong(3);
                sessions = rs.getLong(4);
            }
            List<ServiceCount> services = new ArrayList<>();
            try (PreparedStatement s = filtered(c, "SELECT coalesce(e.service, '(none)'), count(*), count(DISTINCT e.session_id)"
                    + " FROM exchanges e" + FILTER + " GROUP BY 1 ORDER BY 2 DESC, 1", service); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    services.add(new ServiceCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            Map<String, Long> classes = new LinkedHashMap<>();
            try (PreparedStatement s = filtered(c, "SELECT (e.status / 100) || 'xx', count(*) FROM exchanges e" + FILTER
                    + " GROUP BY 1 ORDER BY 1", service); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    classes.put(rs.getString(1), rs.getLong(2));
                }
            }
            List<StatusCount> statuses = new ArrayList<>();
            try (PreparedStatement s = filtered(c, "SELECT e.status, count(*) FROM exchanges e" + FILTER
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10", service); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.add(new StatusCount(rs.getInt(1), rs.getLong(2)));
                }
            }
            long routeTotal;
            try (PreparedStatement s = filtered(c, "SELECT count(DISTINCT e.route_id) FROM exchanges e" + FILTER, service);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                routeTotal = rs.getLong(1);
            }
            List<RouteCount> routes = new ArrayList<>();
            try (PreparedStatement s = filtered(c, "SELECT r.service, r.method || ' ' || r.template, r.origin, count(*),"
                    + " count(DISTINCT e.session_id), count(*) FILTER (WHERE e.status BETWEEN 400 AND 499),"
                    + " count(*) FILTER (WHERE e.status >= 500) FROM exchanges e JOIN routes r ON r.id = e.route_id" + FILTER
                    + " GROUP BY r.id, r.service, r.method, r.template, r.origin ORDER BY 4 DESC, 2 LIMIT ? OFFSET ?", service)) {
                s.setInt(3, routeLimit);
                s.setInt(4, routeOffset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        routes.add(new RouteCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7)));
                    }
                }
            }
            long quarantined;
            List<QuarantineReason> reasons = new ArrayList<>();
            String quarantineFilter = " FROM quarantine q JOIN sources src ON src.id = q.source_id"
                    + " WHERE (CAST(? AS text) IS NULL OR src.service = ?)";
            try (PreparedStatement s = filtered(c, "SELECT count(*)" + quarantineFilter, service); ResultSet rs = s.executeQuery()) {
                rs.next();
                quarantined = rs.getLong(1);
            }
            try (PreparedStatement s = filtered(c, "SELECT left(q.reason, 160), count(*)" + quarantineFilter
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5", service); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reasons.add(new QuarantineReason(rs.getString(1), rs.getLong(2)));
                }
            }
            long sources;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sources WHERE (CAST(? AS text) IS NULL OR service = ?)")) {
                s.setString(1, service);
                s.setString(2, service);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sources = rs.getLong(1);
                }
            }
            return new Summary(from, to, exchanges, sessions, sources, services, classes, statuses,
                    Page.of(routeTotal, routeOffset, routeLimit, routes), quarantined, reasons);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the traffic summary from the analysis store: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement filtered(Connection c, String sql, String service) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setString(1, service);
        s.setString(2, service);
        return s;
    }

    static String iso(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}

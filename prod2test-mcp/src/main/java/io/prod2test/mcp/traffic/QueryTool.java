package io.prod2test.mcp.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import java.util.List;

/**
 * {@code query}: read-only SQL over the masked traffic. A statement that does not read, or holds
 * more than one statement, or runs too long, is a tool failure ({@code isError}) whose message the
 * model can act on, not a protocol error: the arguments were well-formed, the request was refused.
 */
public final class QueryTool implements McpTool, AutoCloseable {
    /** The answer. */
    public record Answer(List<String> columns, List<List<Object>> rows, int rowCount, boolean truncated, long elapsedMs,
                         String note) {
    }

    private final McpContext context;
    private final ReadOnlyReader reader;

    public QueryTool(McpContext context) {
        this.context = context;
        this.reader = new ReadOnlyReader(context.store());
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("query", "Read-only SQL over the masked traffic",
                "Answers an ad-hoc question about the masked traffic with one read-only SQL statement (PostgreSQL) when no other "
                + "tool answers it. Tables: exchanges(id, source_id, ts, service, method, path, path_shape, query jsonb, "
                + "request_headers jsonb, request_body jsonb, status, response_headers jsonb, response_body jsonb, duration_ms, "
                + "session_key, session_id, user_id, trace_id, client_ip, route_id), routes(id, service, method, template, origin), "
                + "sessions(id, session_key, started_at, ended_at, exchanges, user_id), downstream_calls(exchange_id, ts, method, "
                + "url, status, duration_ms, peer_service), quarantine(source_id, ordinal, line, reason, record), "
                + "sources(id, path, format, service, loaded, quarantined). One SELECT/WITH/VALUES/TABLE/EXPLAIN statement only; "
                + "it runs in a read-only transaction with a time limit of " + context.queryTimeout().toMillis() + " ms and returns "
                + "at most maxRows rows (truncated says when there were more): aggregate with GROUP BY and use LIMIT.",
                InputSchema.builder()
                        .string("sql", "One read-only PostgreSQL statement.", 20_000, null)
                        .integer("maxRows", "The most rows to return.", 1, context.queryRows(), (long) Math.min(50, context.queryRows()))
                        .required("sql")
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        String statement;
        try {
            statement = SqlGuard.check(arguments.string("sql").orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new Prod2TestException(ErrorCode.USAGE, e.getMessage(), e);
        }
        ReadOnlyReader.Rows rows = reader.run(statement, arguments.intValue("maxRows"), context.queryTimeout());
        String note = rows.cutForSize() ? "cut at " + rows.rows().size() + " rows to keep the answer small: select fewer or"
                + " narrower columns (left(col, n)), aggregate, or page with LIMIT/OFFSET" : null;
        if (!reader.restricted()) {
            note = (note == null ? "" : note + "; ") + "ran as the store's owner in a read-only transaction (the reader role could not be made)";
        }
        return new Answer(rows.columns(), rows.rows(), rows.rows().size(), rows.truncated(), rows.elapsedMs(), note);
    }

    @Override
    public void close() {
        reader.close();
    }
}

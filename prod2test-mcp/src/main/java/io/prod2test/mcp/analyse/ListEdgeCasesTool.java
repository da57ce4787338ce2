package io.prod2test.mcp.analyse;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** {@code list_edge_cases}: the analysis's edge cases, filtered and paged, highest priority first. */
public final class ListEdgeCasesTool implements McpTool {
    /** Example session ids per edge case. */
    static final int EXAMPLES = 3;
    /** Characters of a detail shown; shapes of wide bodies can be long. */
    static final int DETAIL_SHOWN = 300;

    /**
     * One edge case.
     *
     * @param id               its id in the analysis
     * @param kind             error-status, rare-shape, odd-value, retry, duplicate, out-of-order, slow or concurrent
     * @param route            where it happened, "METHOD /template"
     * @param service          the service of that route
     * @param status           the HTTP status for error-status, else null
     * @param detail           what exactly
     * @param count            calls it happened in
     * @param sessions         sessions it happened in
     * @param coverage         what existing tests cover of it
     * @param priority         0 to 100
     * @param why              the priority in one line
     * @param exampleSessions  session ids for get_flow_sequences(sessionId)
     * @param exampleExchanges exchange ids of example calls, for query
     */
    public record EdgeCaseItem(long id, String kind, String route, String service, Integer status, String detail, long count,
                               long sessions, String coverage, double priority, String why, List<Long> exampleSessions,
                               List<Long> exampleExchanges) {
    }

    /**
     * The answer.
     *
     * @param analysedNow whether this call ran the analysis
     * @param byKind      how many edge cases of each kind match the filters other than kind
     * @param edgeCases   the page of matching edge cases
     */
    public record Answer(boolean analysedNow, Map<String, Long> byKind, Page<EdgeCaseItem> edgeCases) {
    }

    private final McpContext context;

    public ListEdgeCasesTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("list_edge_cases", "Edge cases seen in production",
                "Lists the edge cases the analysis found in the masked traffic, highest priority first: error statuses (4xx/5xx), "
                + "rare request shapes, odd values (zero, negative, huge, empty, very long), retries with the same Idempotency-Key, "
                + "duplicates, steps reached out of order, slow calls and concurrent writes; each with its route, how often and in "
                + "how many sessions, whether existing tests cover it, its priority and the reason, example session ids for "
                + "get_flow_sequences and example exchange ids for query. Use it to find what scenarios and exploratory charters "
                + "should try beyond the happy path; filter by service, route text, kind, status or coverage and page with "
                + "offset/nextOffset. byKind counts the matches per kind. Runs the analysis first when the store has none.",
                InputSchema.builder()
                        .string("service", "Only edge cases on this service's routes.", 200, null)
                        .string("route", "Only edge cases on a route whose name contains this text, e.g. \"POST /payments\" "
                                + "(case-insensitive).", 300, null)
                        .choice("kind", "Only edge cases of this kind.", Arrays.stream(EdgeKind.values()).map(EdgeKind::label).toList(), null)
                        .integer("status", "Only error-status edge cases with this HTTP status.", 400, 599, null)
                        .choice("coverage", "Only edge cases with this coverage by existing tests.", ListFlowsTool.coverages(), null)
                        .integer("limit", "Edge cases on this page.", 1, 50, 10L)
                        .integer("offset", "Index of the first edge case on this page (nextOffset of a previous answer).", 0, 10_000_000, 0L)
                        .bool("reanalyse", "Recompute the analysis from the store's traffic before answering (takes longer).", false)
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        AnalysisAccess.Read read = AnalysisAccess.read(context, arguments.flag("reanalyse"));
        Analysis analysis = read.analysis();
        Predicate<EdgeCase> filter = e -> true;
        String service = arguments.string("service").orElse(null);
        if (service != null) {
            filter = filter.and(e -> service.equals(e.route().service()));
        }
        String route = arguments.string("route").map(r -> r.toLowerCase(Locale.ROOT)).orElse(null);
        if (route != null) {
            filter = filter.and(e -> e.route().label().toLowerCase(Locale.ROOT).contains(route));
        }
        Long status = arguments.integer("status").orElse(null);
        if (status != null) {
            filter = filter.and(e -> e.status() != null && e.status() == status.intValue());
        }
        String coverage = arguments.string("coverage").orElse(null);
        if (coverage != null) {
            filter = filter.and(e -> e.coverage().label().equals(coverage));
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (EdgeCase e : analysis.edgeCases()) {
            if (filter.test(e)) {
                byKind.merge(e.kind().label(), 1L, Long::sum);
            }
        }
        String kind = arguments.string("kind").orElse(null);
        if (kind != null) {
            filter = filter.and(e -> e.kind().label().equals(kind));
        }
        // the reader orders by priority, then occurrences
        List<EdgeCase> matching = analysis.edgeCases().stream().filter(filter).toList();
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        List<EdgeCaseItem> page = matching.stream().skip(offset).limit(limit).map(this::item).toList();
        return new Answer(read.analysedNow(), byKind, Page.of(matching.size(), offset, limit, page));
    }

    private EdgeCaseItem item(EdgeCase e) {
        String detail = e.detail().length() > DETAIL_SHOWN ? e.detail().substring(0, DETAIL_SHOWN) + "…" : e.detail();
        return new EdgeCaseItem(e.id(), e.kind().label(), e.route().label(), e.route().service(), e.status(), detail, e.count(),
                e.sessions(), e.coverage().label(), Math.round(e.priority() * 10) / 10.0, e.why(),
                AnalysisAccess.edgeCaseSessions(context, e.id(), EXAMPLES),
                e.exampleExchanges().subList(0, Math.min(EXAMPLES, e.exampleExchanges().size())));
    }
}

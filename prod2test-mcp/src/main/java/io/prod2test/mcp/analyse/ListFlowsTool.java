package io.prod2test.mcp.analyse;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** {@code list_flows}: the analysis's flow variants, filtered and paged. */
public final class ListFlowsTool implements McpTool {
    /** Routes shown per flow; a longer flow says how many it has. */
    static final int ROUTES_SHOWN = 20;
    /** Example session ids per flow. */
    static final int EXAMPLES = 3;

    /**
     * One flow.
     *
     * @param id             the flow's id and rank (1 the most frequent)
     * @param routes         its routes in order (at most {@value #ROUTES_SHOWN})
     * @param routeCount     how many routes it has
     * @param sessions       sessions that follow exactly this flow
     * @param share          their share of all sessions
     * @param errorSessions  of those, sessions with a 4xx/5xx answer
     * @param coverage       what existing tests cover of it
     * @param priority       0 to 100
     * @param why            the priority in one line
     * @param exampleSessions session ids for get_flow_sequences(sessionId)
     */
    public record FlowItem(long id, List<String> routes, int routeCount, long sessions, double share, long errorSessions,
                           String coverage, double priority, String why, List<Long> exampleSessions) {
    }

    /**
     * The answer.
     *
     * @param analysedNow  whether this call ran the analysis (the store had none, or reanalyse was asked)
     * @param sessions     sessions analysed
     * @param testsScanned whether coverage was judged against tests
     * @param flows        the page of matching flows
     */
    public record Answer(boolean analysedNow, long sessions, boolean testsScanned, Page<FlowItem> flows) {
    }

    private final McpContext context;

    public ListFlowsTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("list_flows", "Frequent user flows",
                "Lists the user flows the analysis found in the masked traffic: each flow variant is the ordered routes a group of "
                + "sessions went through, with its session count and share of all sessions, how many of those sessions saw an "
                + "error, whether existing tests cover it (covered / partly covered / not covered; unknown when the server has no "
                + "tests to judge by), a priority 0-100 with the reason, and example session ids for get_flow_sequences. Use it "
                + "after summarize_traffic to pick what deserves a scenario; filter by service, by a route a flow must pass "
                + "through, or by coverage (e.g. coverage=\"not covered\" for the gaps), order by sessions or priority, and page "
                + "with offset/nextOffset. Runs the analysis first when the store has none; reanalyse=true recomputes it (after "
                + "new traffic was ingested).",
                InputSchema.builder()
                        .string("service", "Only flows that call this service (a name from summarize_traffic).", 200, null)
                        .string("route", "Only flows passing through a route whose name contains this text, e.g. \"POST /payments\" "
                                + "or \"refunds\" (case-insensitive).", 300, null)
                        .choice("coverage", "Only flows with this coverage by existing tests.", coverages(), null)
                        .choice("order", "sessions: most frequent first (the flow id is this rank); priority: highest priority first.",
                                List.of("sessions", "priority"), "sessions")
                        .integer("limit", "Flows on this page.", 1, 50, 10L)
                        .integer("offset", "Index of the first flow on this page (nextOffset of a previous answer).", 0, 10_000_000, 0L)
                        .bool("reanalyse", "Recompute the analysis from the store's traffic before answering (takes longer).", false)
                        .build(),
                true);
    }

    static List<String> coverages() {
        return Arrays.stream(Coverage.values()).map(Coverage::label).toList();
    }

    @Override
    public Object call(Arguments arguments) {
        AnalysisAccess.Read read = AnalysisAccess.read(context, arguments.flag("reanalyse"));
        Analysis analysis = read.analysis();
        Predicate<Flow> filter = f -> true;
        String service = arguments.string("service").orElse(null);
        if (service != null) {
            filter = filter.and(f -> f.routes().stream().anyMatch(r -> service.equals(r.service())));
        }
        String route = arguments.string("route").map(r -> r.toLowerCase(Locale.ROOT)).orElse(null);
        if (route != null) {
            filter = filter.and(f -> f.routes().stream().anyMatch(r -> r.label().toLowerCase(Locale.ROOT).contains(route)));
        }
        String coverage = arguments.string("coverage").orElse(null);
        if (coverage != null) {
            filter = filter.and(f -> f.coverage().label().equals(coverage));
        }
        Comparator<Flow> order = arguments.string("order").orElseThrow().equals("priority")
                ? Comparator.comparingDouble(Flow::priority).reversed().thenComparingLong(Flow::id)
                : Comparator.comparingLong(Flow::id);
        List<Flow> matching = analysis.flows().stream().filter(filter).sorted(order).toList();
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        List<FlowItem> page = matching.stream().skip(offset).limit(limit).map(this::item).toList();
        return new Answer(read.analysedNow(), analysis.sessions(), analysis.testsScanned(), Page.of(matching.size(), offset, limit, page));
    }

    private FlowItem item(Flow f) {
        List<String> labels = f.routes().stream().map(Route::label).toList();
        return new FlowItem(f.id(), labels.subList(0, Math.min(labels.size(), ROUTES_SHOWN)), labels.size(), f.sessions(),
                Math.round(f.share() * 10_000) / 10_000.0, f.errorSessions(), f.coverage().label(), Math.round(f.priority() * 10) / 10.0,
                f.why(), AnalysisAccess.flowSessions(context, f.id(), EXAMPLES));
    }
}

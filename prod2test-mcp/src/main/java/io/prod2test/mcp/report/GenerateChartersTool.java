package io.prod2test.mcp.report;

import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import io.prod2test.mcp.analyse.AnalysisAccess;
import io.prod2test.report.charter.Charter;
import io.prod2test.report.charter.CharterBuilder;
import io.prod2test.report.charter.Charters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code generate_charters}: exploratory charters from the analysis, into charters/. */
public final class GenerateChartersTool implements McpTool {
    /**
     * One charter written.
     *
     * @param file     where, relative to the repository
     * @param service  the service
     * @param feature  the route family it explores
     * @param mission  its mission
     * @param items    checklist items in it
     * @param sections its section titles, in working order
     * @param timeBoxMinutes the session's time box
     */
    public record Written(String file, String service, String feature, String mission, int items, List<String> sections,
                          int timeBoxMinutes) {
    }

    /**
     * The answer.
     *
     * @param analysedNow whether this call ran the analysis
     * @param charters    the charters written, paged (all matching ones are written, whatever the page)
     * @param next        what to do next
     */
    public record Answer(boolean analysedNow, Page<Written> charters, String next) {
    }

    private final McpContext context;

    public GenerateChartersTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("generate_charters", "Write exploratory charters",
                "Writes exploratory test charters from the analysis into the asset repository, one Markdown file per service and "
                + "route family (charters/<service>/<feature>.md): a mission, the routes with how often users call them, a time "
                + "box, and `- [ ]` checklists - the typical flows, features mixed in one session, the edge cases and the rare "
                + "paths, highest priority first, with concrete masked requests to send and what to observe. Use it when the QA "
                + "engineer wants to explore a feature by hand, after list_flows and list_edge_cases; give service and/or feature "
                + "(text in the route family, e.g. \"refunds\") to write only those. Overwrites the charters it writes; the "
                + "answer lists them (paged), read one as a resource (prod2test://assets/charters/...), publish with "
                + "open_pull_request (paths [\"charters/\"]). The exploratory_charter prompt carries the method to refine one.",
                InputSchema.builder()
                        .string("service", "Only charters of this service.", 200, null)
                        .string("feature", "Only charters whose route family contains this text, e.g. \"refunds\" (case-insensitive).",
                                200, null)
                        .integer("limit", "Charters listed on this page.", 1, 50, 20L)
                        .integer("offset", "Index of the first charter listed.", 0, 100_000, 0L)
                        .build(),
                false);
    }

    @Override
    public Object call(Arguments arguments) {
        AnalysisAccess.Read read = AnalysisAccess.read(context, false);
        String service = arguments.string("service").orElse(null);
        String feature = arguments.string("feature").map(f -> f.toLowerCase(Locale.ROOT)).orElse(null);
        List<Charter> chosen = CharterBuilder.build(read.analysis(), Charters.storeExamples(context.store())).stream()
                .filter(c -> service == null || service.equals(c.feature().service()))
                .filter(c -> feature == null || c.feature().family().toLowerCase(Locale.ROOT).contains(feature)
                        || c.feature().slug().contains(feature))
                .toList();
        List<Path> files = Charters.write(chosen, context.repository());
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Charter c = chosen.get(i);
            written.add(new Written(context.repository().relativize(files.get(i)).toString().replace('\\', '/'), c.feature().service(),
                    c.feature().family(), c.mission(), c.items(), c.sections().stream().map(Charter.Section::title).toList(),
                    c.timeBoxMinutes()));
        }
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        return new Answer(read.analysedNow(), Page.of(written.size(), offset, limit, written.stream().skip(offset).limit(limit).toList()),
                written.isEmpty() ? "no charter matches; list_flows shows the services and routes there are"
                        : "review the charters, then open_pull_request with paths [\"charters/\"]");
    }
}

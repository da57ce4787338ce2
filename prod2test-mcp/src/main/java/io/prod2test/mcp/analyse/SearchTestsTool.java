package io.prod2test.mcp.analyse;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.analyse.coverage.CoverageJudge;
import io.prod2test.analyse.coverage.TestCall;
import io.prod2test.analyse.coverage.TestFile;
import io.prod2test.analyse.coverage.TestScanner;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.InvalidParams;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code search_tests}: the route calls existing tests make, and what of the analysed flows they
 * cover. Reads only the asset repository and the folders the server was started with ({@code --tests}).
 */
public final class SearchTestsTool implements McpTool {
    /** Calls and routes listed per file. */
    static final int LISTED = 15;
    /** Uncovered flows listed. */
    static final int GAPS = 10;

    /**
     * One test file.
     *
     * @param file      where it is: relative to the repository, or under a --tests folder given in full
     * @param scenario  whether it is a scenario.yaml
     * @param callCount route calls found in it
     * @param calls     the first of them, "METHOD /path (line N)"
     * @param routes    the analysed routes those calls reach
     * @param statuses  the 4xx/5xx statuses it mentions (expected errors)
     */
    public record FileItem(String file, boolean scenario, int callCount, List<String> calls, List<String> routes, List<Integer> statuses) {
    }

    /** An analysed flow no scanned test covers in full. */
    public record Gap(long flowId, List<String> routes, long sessions, double share, String coverage) {
    }

    /**
     * What the scanned tests cover of the analysis.
     *
     * @param flows             flows analysed
     * @param covered           flows one test file calls every route of
     * @param partlyCovered     flows tests call some routes of
     * @param notCovered        flows no test touches
     * @param sessionShareCovered the share of sessions whose flow is covered
     * @param edgeCasesCovered  edge cases a test calling their route also shows (status, key, fields ...)
     * @param edgeCases         edge cases analysed
     * @param routesNeverCalled analysed routes no test calls (the first of them)
     * @param gaps              the most frequent flows not covered in full
     */
    public record CoverageSummary(int flows, int covered, int partlyCovered, int notCovered, double sessionShareCovered,
                                  int edgeCasesCovered, int edgeCases, List<String> routesNeverCalled, List<Gap> gaps) {
    }

    /**
     * The answer.
     *
     * @param folders  the folders scanned
     * @param coverage what they cover of the analysis
     * @param files    the test files found, paged
     */
    public record Answer(List<String> folders, CoverageSummary coverage, Page<FileItem> files) {
    }

    private final McpContext context;

    public SearchTestsTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("search_tests", "What existing tests cover",
                "Scans existing tests - scenario.yaml files and test code (Java, Kotlin, Groovy, Python, JavaScript/TypeScript, Go, "
                + ".http; REST-Assured, MockMvc, WebTestClient, HttpClient, fetch, requests, supertest) - for the HTTP routes they "
                + "call, and compares them with the analysed traffic: how many flows are covered, partly covered or not, the share "
                + "of sessions covered, the edge cases covered, the routes no test calls and the most frequent flows still not "
                + "covered. Use it before generating scenarios, to avoid duplicating tests and to find the gaps. folders: paths "
                + "relative to the asset repository, or the service source folders the server was started with (--tests); "
                + "default the repository's folders (but .git, target, build, node_modules) and all --tests folders. route narrows the file list to tests calling a route containing that text.",
                InputSchema.builder()
                        .strings("folders", "Folders to scan: relative to the asset repository (e.g. \"scenarios/payments\"), or a "
                                + "--tests folder of the server or one under it; no '..'.", 20, 500)
                        .string("route", "Only list test files calling a route whose name contains this text, e.g. \"POST /refunds\".",
                                300, null)
                        .integer("limit", "Test files on this page.", 1, 50, 10L)
                        .integer("offset", "Index of the first test file on this page.", 0, 1_000_000, 0L)
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        List<Path> roots = roots();
        List<Path> folders = arguments.strings("folders").map(given -> given.stream().map(g -> resolve(g, roots)).toList())
                .orElseGet(() -> Stream.concat(AnalysisAccess.repositoryFolders(roots.getFirst()).stream(), roots.stream().skip(1)).toList());
        List<TestFile> files = TestScanner.scan(folders.stream().filter(Files::isDirectory).toList());
        Analysis analysis = AnalysisAccess.read(context, false).analysis();
        List<Route> routes = analysis.flows().stream().flatMap(f -> f.routes().stream()).distinct().toList();
        CoverageJudge all = new CoverageJudge(routes, files);
        String route = arguments.string("route").map(r -> r.toLowerCase(Locale.ROOT)).orElse(null);
        List<FileItem> items = new ArrayList<>();
        for (TestFile file : files) {
            CoverageJudge one = new CoverageJudge(routes, List.of(file));
            List<String> reached = routes.stream().filter(r -> one.called(r.id())).map(Route::label).toList();
            List<String> calls = file.calls().stream().map(SearchTestsTool::call).toList();
            if (route != null && Stream.concat(reached.stream(), calls.stream()).noneMatch(c -> c.toLowerCase(Locale.ROOT).contains(route))) {
                continue;
            }
            items.add(new FileItem(display(file.file(), roots), file.scenario(), calls.size(), calls.subList(0, Math.min(LISTED, calls.size())),
                    reached.subList(0, Math.min(LISTED, reached.size())), file.statuses().stream().sorted().toList()));
        }
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        return new Answer(folders.stream().map(f -> display(f, roots)).toList(), coverage(analysis, routes, files, all),
                Page.of(items.size(), offset, limit, items.stream().skip(offset).limit(limit).toList()));
    }

    private static CoverageSummary coverage(Analysis analysis, List<Route> routes, List<TestFile> files, CoverageJudge judge) {
        int covered = 0;
        int partly = 0;
        double share = 0;
        List<Gap> gaps = new ArrayList<>();
        for (Flow flow : analysis.flows()) {
            Coverage c = judge.flow(flow.routes().stream().map(Route::id).toList());
            if (c == Coverage.COVERED) {
                covered++;
                share += flow.share();
            } else {
                if (c == Coverage.PARTLY_COVERED) {
                    partly++;
                }
                if (gaps.size() < GAPS) {
                    gaps.add(new Gap(flow.id(), flow.labels().subList(0, Math.min(flow.routes().size(), LISTED)), flow.sessions(),
                            Math.round(flow.share() * 10_000) / 10_000.0, c.label()));
                }
            }
        }
        int edgeCovered = 0;
        for (EdgeCase e : analysis.edgeCases()) {
            if (judge.edgeCase(e.kind(), e.route().id(), e.status(), e.detail()) == Coverage.COVERED) {
                edgeCovered++;
            }
        }
        List<String> never = routes.stream().filter(r -> !judge.called(r.id())).map(Route::label).limit(20).toList();
        int flows = analysis.flows().size();
        return new CoverageSummary(flows, covered, partly, flows - covered - partly, Math.round(share * 10_000) / 10_000.0,
                edgeCovered, analysis.edgeCases().size(), never, gaps);
    }

    private static String call(TestCall call) {
        return (call.method() == null ? "?" : call.method()) + " " + call.path() + (call.line() > 0 ? " (line " + call.line() + ")" : "");
    }

    /** The repository and the --tests folders, as real paths (links resolved), so no link leads out of them. */
    private List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        for (Path p : Stream.concat(Stream.of(context.repository()), context.tests().stream()).toList()) {
            try {
                roots.add(p.toRealPath());
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.CONFIGURATION, "the test folder " + p + " the server was started with is gone: "
                        + e.getMessage(), e);
            }
        }
        return roots;
    }

    /** A folder the caller named, if it lies in the repository or a --tests folder. */
    static Path resolve(String given, List<Path> roots) {
        for (String segment : given.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new InvalidParams("folder '" + given + "' must not contain '..'");
            }
        }
        Path path = Path.of(given);
        Path candidate = path.isAbsolute() ? path.normalize() : roots.getFirst().resolve(path).normalize();
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new InvalidParams("folder '" + given + "' does not exist in the asset repository or a --tests folder");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new InvalidParams("folder '" + given + "' is outside the asset repository and the server's --tests folders;"
                    + " the operator adds folders with --tests");
        }
        if (!Files.isDirectory(real)) {
            throw new InvalidParams("'" + given + "' is not a folder");
        }
        return real;
    }

    /** Relative to the repository when inside it, else the path as the operator gave it. */
    private static String display(Path path, List<Path> roots) {
        Path repo = roots.getFirst();
        if (path.startsWith(repo)) {
            String relative = repo.relativize(path).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return path.toString();
    }
}

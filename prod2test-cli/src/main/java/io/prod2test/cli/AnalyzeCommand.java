package io.prod2test.cli;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisJson;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.SubFlow;
import io.prod2test.core.store.AnalysisStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test analyze}: flows, edge cases and coverage. */
@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Find frequent flows, edge cases, and what existing tests already cover.",
        description = {
            "",
            "Works on the ingested traffic in the analysis store: the route sequences users really take, ranked by sessions; error statuses, rare request shapes, odd values, retries and slow calls; and, with --tests, which of them existing scenario files and test code already exercise.",
            "",
            "A flow is the routes a session reached, in the order it first reached them: going back to a route already visited adds nothing (loops collapsed). Calls one service makes to another are not steps of their own; they are attached to the step that caused them. Everything is computed inside PostgreSQL and kept in the store for generate, report and mcp.",
            "",
            "Coverage: 'covered' when one test file or scenario calls every route of the flow (or shows the edge case: its status, idempotency key, concurrency ...), 'partly covered' when tests call some of it, 'not covered' otherwise. The priority (0-100) weighs frequency, errors, money-moving routes and missing coverage; 'why' says which counted.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test analyze --top 20",
            "  prod2test analyze --tests ../payments-service/src/test --tests ../test-assets --json"})
final class AnalyzeCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "How many flows and edge cases to show (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--tests", paramLabel = "DIR",
            description = "A folder of existing tests or scenarios to check coverage against (repeatable).")
    List<Path> tests;

    @Option(names = "--json", description = "Print the analysis as one JSON object on the last line of stdout.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new io.prod2test.api.Prod2TestException(io.prod2test.api.ErrorCode.USAGE, "--top must be 1 or more, was " + top);
        }
        AnalysisOptions options = AnalysisOptions.defaults().withTests(tests == null ? List.of() : tests);
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        long started = System.nanoTime();
        Analysis analysis;
        try (AnalysisStore analysisStore = AnalysisStore.open(store.location(root.environment()))) {
            analysis = Analyser.analyse(analysisStore, options, step -> progress.step("analysing: " + step + " ..."));
        }
        progress.clear();
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(AnalysisJson.toJson(analysis, top));
        } else {
            print(out, analysis, seconds);
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, Analysis a, double seconds) {
        out.printf(Locale.ROOT, "%,d exchanges in %,d sessions over %d routes: %,d flow variants, %,d edge cases, %,d frequent sub-flows (%.1f s)%n",
                a.exchanges(), a.sessions(), a.routes(), a.flows().size(), a.edgeCases().size(), a.subFlows().size(), seconds);
        if (!a.testsScanned()) {
            out.println("coverage: unknown (pass --tests DIR with your scenarios and test code to judge it)");
        }
        out.println();
        out.println("Flows, most sessions first");
        out.printf(Locale.ROOT, "%4s %9s %7s %-15s %5s  %s%n", "#", "sessions", "share", "coverage", "prio", "routes");
        for (Flow f : a.flows().stream().limit(top).toList()) {
            out.printf(Locale.ROOT, "%4d %,9d %6.1f%% %-15s %5.1f  %s%n", f.id(), f.sessions(), f.share() * 100,
                    coverage(f.coverage()), f.priority(), String.join(" > ", f.labels()));
            out.printf(Locale.ROOT, "%44s  why: %s%n", "", f.why());
        }
        out.println();
        out.println("Edge cases, highest priority first");
        out.printf(Locale.ROOT, "%-13s %-40s %6s %8s %-15s %5s  %s%n", "kind", "route", "status", "count", "coverage", "prio", "detail / example sessions");
        for (EdgeCase e : a.edgeCases().stream().limit(top).toList()) {
            out.printf(Locale.ROOT, "%-13s %-40s %6s %,8d %-15s %5.1f  %s%n", e.kind().label(), abbreviate(routeOf(e), 40),
                    e.status() == null ? "" : e.status().toString(), e.count(), coverage(e.coverage()), e.priority(), e.detail());
            out.printf(Locale.ROOT, "%98s  examples: %s%n", "", String.join(", ", e.examples()));
        }
        if (!a.subFlows().isEmpty()) {
            out.println();
            out.println("Frequent sub-flows (contiguous, closed, support >= 1% of sessions)");
            for (SubFlow s : a.subFlows().stream().limit(top).toList()) {
                out.printf(Locale.ROOT, "%,9d %6.1f%%  %s%n", s.sessions(), s.support() * 100,
                        s.routes().stream().map(r -> r.label()).collect(Collectors.joining(" > ")));
            }
        }
    }

    private static String routeOf(EdgeCase e) {
        return (e.route().service() == null ? "" : e.route().service() + " ") + e.route().label();
    }

    private static String coverage(Coverage c) {
        return c == Coverage.UNKNOWN ? "-" : c.label();
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}

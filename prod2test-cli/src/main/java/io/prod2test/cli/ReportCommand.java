package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.report.html.HtmlReport;
import io.prod2test.report.html.ReportInputs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test report}: the analysis as one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the analysis as one self-contained HTML page that works offline.",
        description = {
            "",
            "Reads the last analysis of the store ('prod2test analyze' first) and writes one HTML file with everything inline — styles, script, charts — and nothing fetched from anywhere, so it can be mailed, attached to a ticket and opened offline:",
            "  - the traffic over the period, by time and by service and status class;",
            "  - the flow graph: which route users called straight after which, with counts;",
            "  - the top flows with their share, coverage by existing tests and priority;",
            "  - the edge cases, with masked example calls;",
            "  - with --repo, the generated scenarios and a personal-data scan of the repository; with --junit-xml, their last run.",
            "",
            "Every value in the page comes from the masked store and is escaped. What masking replaced, rule by rule, is known only to the run that ingested (the demo can show it): the store keeps no per-rule counts.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test report --out report.html",
            "  prod2test report --out target/report.html --repo ../test-assets --junit-xml target/scenarios.xml"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML file to write.")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The test-asset repository: its scenarios are listed and it is scanned for personal data.")
    Path repo;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "The JUnit XML of the last 'prod2test run --junit-xml'.")
    Path junitXml;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        if (repo != null && !Files.isDirectory(repo)) {
            throw new Prod2TestException(ErrorCode.USAGE, "--repo " + repo + " is not a folder");
        }
        if (junitXml != null && !Files.isRegularFile(junitXml)) {
            throw new Prod2TestException(ErrorCode.USAGE, "--junit-xml " + junitXml + " is not a file");
        }
        long started = System.nanoTime();
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        progress.step("reading the analysis ...");
        ReportInputs inputs;
        try (AnalysisStore analysisStore = AnalysisStore.open(store.location(root.environment()))) {
            inputs = ReportInputs.from(analysisStore);
        }
        ScanResult scan = null;
        if (repo != null) {
            progress.step("scanning " + repo + " for personal data ...");
            scan = Scanner.standard().scan(repo);
            inputs = inputs.withScenarios(repo).withScan(scan);
        }
        if (junitXml != null) {
            inputs = inputs.withJUnitXml(junitXml);
        }
        HtmlReport.write(inputs, out);
        progress.clear();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "report: %s (%,d bytes; %,d flows, %,d edge cases%s) in %.1f s%n", out, size(out),
                inputs.analysis().flows().size(), inputs.analysis().edgeCases().size(),
                scan == null ? "" : "; scan of " + repo + ": " + (scan.clean() ? "clean" : "NOT clean, " + scan.totalFindings() + " findings"),
                (System.nanoTime() - started) / 1e9);
        o.flush();
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}

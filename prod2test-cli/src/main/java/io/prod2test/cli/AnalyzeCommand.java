package io.prod2test.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prod2test analyze}: flows, edge cases and coverage. */
@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Find frequent flows, edge cases, and what existing tests already cover. [not available yet]",
        description = {
            "",
            "Works on the ingested traffic in the analysis store: the route sequences users really take, ranked by sessions; error statuses, rare request shapes, odd values, retries and slow calls; and, with --tests, which of them existing scenario files and test code already exercise.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test analyze --top 20",
            "  prod2test analyze --tests ../payments-service/src/test --tests ../test-assets --json"})
final class AnalyzeCommand implements Callable<Integer> {
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
        throw Stage.ANALYSE.notAvailable("analyze");
    }
}

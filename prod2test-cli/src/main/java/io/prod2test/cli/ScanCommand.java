package io.prod2test.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prod2test scan}: look for personal data that escaped masking. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Look for personal data in files or folders; exit 1 if any is found. [not available yet]",
        description = {
            "",
            "Runs the masking detectors (e-mails, card numbers, phones, My Numbers, names, addresses, tokens ...) over generated assets, reports and logs. Use it as a gate before anything leaves the secure zone.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  prod2test scan assets/ report.html && git push")
final class ScanCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the findings as one JSON object on the last line of stdout.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan.")
    List<Path> paths;

    @Override
    public Integer call() {
        throw Stage.MASK.notAvailable("scan");
    }
}

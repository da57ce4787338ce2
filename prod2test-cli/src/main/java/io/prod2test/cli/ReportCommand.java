package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prod2test report}: the analysis as one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the analysis as one self-contained HTML page that works offline. [not available yet]",
        footerHeading = "%nExample:%n",
        footer = "  prod2test report --out report.html")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML file to write.")
    Path out;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        throw Stage.REPORT.notAvailable("report");
    }
}

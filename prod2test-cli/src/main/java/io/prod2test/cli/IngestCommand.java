package io.prod2test.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prod2test ingest}: logs into the analysis store, masked on the way in. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Read traffic logs, mask them, and load them into the analysis store. [not available yet]",
        description = {
            "",
            "Reads files, folders and .gz files in any of the supported formats, masks every personal value with your masking key before anything is written, and loads the exchanges into PostgreSQL. Re-ingesting a file loads nothing twice; malformed records are quarantined with file and line.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  export PROD2TEST_MASKING_KEY=...   # the same key every time",
            "  prod2test ingest --service payments logs/payments/2026-11-*.jsonl.gz",
            "  prod2test ingest --format har --service shop captures/",
            "  prod2test ingest --json --db jdbc:postgresql://localhost/prod2test?user=qa logs/"})
final class IngestCommand implements Callable<Integer> {
    enum Format { auto, jsonl, har, combined, alb, otlp }

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "Log format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, sniffed per file).")
    Format format;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service the logs belong to, for formats that do not say it.")
    String service;

    @Option(names = "--openapi", paramLabel = "FILE",
            description = "An OpenAPI 3 document whose paths give the route templates.")
    Path openapi;

    @Option(names = "--json", description = "Print the summary as one JSON object on the last line of stdout.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files, folders or .gz files.")
    List<Path> paths;

    @Override
    public Integer call() {
        throw Stage.INGEST.notAvailable("ingest");
    }
}

package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prod2test mask}: a log file to a masked log file, no database. */
@Command(name = "mask", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Mask a log file into another file, without a database. [not available yet]",
        description = {
            "",
            "For pipelines that must mask before logs leave the secure zone. Keyed and deterministic: the same value and key always give the same surrogate, the same one 'ingest' and datasets use.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  PROD2TEST_MASKING_KEY=... prod2test mask --format jsonl raw/payments.jsonl masked/payments.jsonl")
final class MaskCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "Log format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    IngestCommand.Format format;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Parameters(index = "0", paramLabel = "IN", description = "The log file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The masked file to write.")
    Path out;

    @Override
    public Integer call() {
        throw Stage.MASK.notAvailable("mask");
    }
}

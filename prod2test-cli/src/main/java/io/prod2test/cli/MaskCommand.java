package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.LogFileMasker;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.MaskingReport;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test mask}: a log file to a masked log file, no database. */
@Command(name = "mask", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Mask a log file into another file, without a database.",
        description = {
            "",
            "For pipelines that must mask before logs leave the secure zone. Keyed and deterministic: the same value and key always give the same surrogate, the same one 'ingest' and the datasets use. Lines that are not valid exchanges are masked too and written, with their line number and the reason, to OUT.quarantine.jsonl; the output itself holds only masked exchanges.",
            "",
            "This version reads the canonical JSON lines format (SPEC §3), plain or .gz; the other formats come with the ingest stage.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  PROD2TEST_MASKING_KEY=... prod2test mask raw/payments.jsonl.gz masked/payments.jsonl.gz",
            "  prod2test mask --masking-key-file ~/.prod2test-key --policy prod2test.yaml in.jsonl out.jsonl"})
final class MaskCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "Log format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    IngestCommand.Format format;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A masking policy, or a prod2test.yaml with a masking: section (default: the built-in policy).")
    Path policy;

    @Option(names = "--json", description = "Print the summary as one JSON object on the last line of stdout.")
    boolean json;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Parameters(index = "0", paramLabel = "IN", description = "The log file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The masked file to write (.gz to compress).")
    Path out;

    @Override
    public Integer call() {
        if (format != IngestCommand.Format.auto && format != IngestCommand.Format.jsonl) {
            throw new Prod2TestException(ErrorCode.NOT_AVAILABLE, "--format " + format + ": this version masks canonical JSON lines only;"
                    + " reading " + format + " logs comes with the ingest stage");
        }
        if (!Files.isRegularFile(in)) {
            throw new Prod2TestException(ErrorCode.USAGE, "IN " + in + " is not a file");
        }
        MaskingKey key = MaskingKey.resolve(maskingKey.keyFile, root.environment());
        MaskingPolicy rules = policy == null ? MaskingPolicy.defaults() : MaskingPolicy.read(policy);
        Masker masker = Masker.create(rules, key);
        long size = size(in);
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        LogFileMasker.Result result = new LogFileMasker(masker).mask(in, out,
                bytes -> progress.count("masking " + in.getFileName(), bytes, size));
        progress.clear();
        print(result, masker.report());
        return 0;
    }

    private void print(LogFileMasker.Result result, MaskingReport report) {
        PrintWriter stdout = spec.commandLine().getOut();
        double seconds = result.elapsed().toNanos() / 1e9;
        double mbPerSecond = seconds == 0 ? 0 : result.bytes() / 1e6 / seconds;
        if (json) {
            ObjectNode node = ExchangeJson.mapper().createObjectNode();
            node.put("read", result.lines() - result.blank());
            node.put("masked", result.exchanges());
            node.put("quarantined", result.quarantined());
            node.put("blank", result.blank());
            node.put("values", report.total());
            node.put("seconds", Math.round(seconds * 1000) / 1000.0);
            node.put("out", out.toString());
            if (result.quarantine() != null) {
                node.put("quarantine", result.quarantine().toString());
            }
            var byRule = node.putArray("report");
            report.entries().forEach(e -> byRule.addObject().put("source", e.source())
                    .put("kind", e.kind() == null ? "redacted" : e.kind().name()).put("count", e.count()));
            stdout.println(node);
        } else {
            stdout.printf(Locale.ROOT, "masked %,d exchanges into %s (%,d values replaced) in %.1f s, %.1f MB/s%n",
                    result.exchanges(), out, report.total(), seconds, mbPerSecond);
            if (result.quarantined() > 0) {
                stdout.printf(Locale.ROOT, "quarantined %,d lines that are not valid exchanges (masked) into %s%n",
                        result.quarantined(), result.quarantine());
            }
            report.entries().stream().limit(12).forEach(e -> stdout.printf(Locale.ROOT, "  %,10d  %-16s by %s%n",
                    e.count(), e.kind() == null ? "redacted" : e.kind().name().toLowerCase(Locale.ROOT), e.source()));
        }
        stdout.flush();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}

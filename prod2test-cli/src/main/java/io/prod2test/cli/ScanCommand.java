package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.scan.Finding;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prod2test scan}: look for personal data that escaped masking. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Look for personal data in files or folders; exit 1 if any is found.",
        description = {
            "",
            "Runs the masking detectors (e-mails, card numbers, phones, My Numbers, names, addresses, tokens ...) over logs, SQL, YAML, JSON, CSV, HTML and Markdown, with field names as context where the format has them. Values that prod2test masked carry a mark and are recognised without the key, so a properly masked file scans clean. Use it as a gate before anything leaves the secure zone.",
            "",
            "Each finding prints as file:line:KIND with the value itself never shown, only its kind and length.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test scan assets/ report.html && git push",
            "  prod2test scan --json production/logs/shop.jsonl",
            "  prod2test scan --policy prod2test.yaml assets/     # the policy's publicValues are no findings"})
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the findings as one JSON object on the last line of stdout.")
    boolean json;

    @Option(names = "--max-findings", defaultValue = "1000", paramLabel = "N",
            description = "How many findings to list; all are counted (default: ${DEFAULT-VALUE}).")
    int maxFindings;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The masking policy the files were masked with (or a prod2test.yaml with a masking: section): "
                    + "values it declares public, such as published test card numbers, are kept by masking on purpose and are not findings.")
    Path policy;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan.")
    List<Path> paths;

    @Override
    public Integer call() {
        Scanner.Builder scanner = Scanner.builder().maxFindings(maxFindings);
        if (policy != null) {
            scanner.policy(MaskingPolicy.read(policy));
        }
        ScanResult result = scanner.build().scan(paths);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = ExchangeJson.mapper().createObjectNode();
            node.put("clean", result.clean());
            node.put("findings", result.totalFindings());
            node.put("files", result.files());
            node.put("lines", result.lines());
            node.put("maskedValuesRecognised", result.surrogates());
            node.put("publicValues", result.publicValues());
            var byKind = node.putObject("byKind");
            result.findingsByKind().forEach((kind, count) -> byKind.put(kind.name(), count));
            var list = node.putArray("list");
            for (Finding f : result.findings()) {
                list.addObject().put("file", f.file().toString()).put("line", f.line()).put("kind", f.kind().name())
                        .put("detector", f.detector()).put("value", f.redacted());
            }
            var errors = node.putArray("errors");
            result.errors().forEach(errors::add);
            out.println(node);
        } else {
            result.findings().forEach(out::println);
            if (result.truncated()) {
                out.println("... and " + (result.totalFindings() - result.findings().size()) + " more (raise --max-findings to list them)");
            }
            result.errors().forEach(e -> out.println("unreadable: " + e));
            out.println(result.summary());
        }
        out.flush();
        return result.clean() ? 0 : ErrorCode.PERSONAL_DATA_FOUND.exitCode();
    }
}

package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.OpenApiRoutes;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test ingest}: logs into the analysis store, masked on the way in. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Read traffic logs, mask them, and load them into the analysis store.",
        description = {
            "",
            "Reads files, folders and .gz files in any of the supported formats, masks every personal value with your masking key before anything is written, and loads the exchanges into PostgreSQL. Then derives route templates and sessions.",
            "",
            "Nothing is lost and nothing loads twice: every record ends loaded, quarantined (with its file, line and reason, the record masked) or skipped because an earlier run loaded it. An interrupted ingest resumes where it stopped when run again.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  export PROD2TEST_MASKING_KEY=...   # the same key every time",
            "  prod2test ingest --service payments logs/payments/2026-11-*.jsonl.gz",
            "  prod2test ingest --format har --service shop captures/",
            "  prod2test ingest --openapi shop=api/shop.yaml --openapi payments=api/payments.yaml logs/",
            "  prod2test ingest --json --db jdbc:postgresql://localhost/prod2test?user=qa logs/"})
final class IngestCommand implements Callable<Integer> {
    enum Format { auto, jsonl, har, combined, alb, otlp, nginx_json }

    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "Log format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, sniffed per file; nginx_json is nginx's JSON log_format).")
    Format format;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service the logs belong to, for formats that do not say it.")
    String service;

    @Option(names = "--openapi", paramLabel = "[SERVICE=]FILE",
            description = "An OpenAPI 3.0/3.1 document whose paths give the route templates, for one service (shop=shop.yaml)"
                    + " or for all; repeatable. Paths no document knows get inferred templates.")
    List<String> openapi;

    @Option(names = "--session-timeout", defaultValue = "30m", paramLabel = "DURATION",
            description = "The inactivity that ends a session, e.g. 30m, 2h, 90s (default: ${DEFAULT-VALUE}).")
    String sessionTimeout;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A masking policy, or a prod2test.yaml with a masking: section (default: the built-in policy).")
    Path policy;

    @Option(names = "--strict", description = "Exit 1 when any record is quarantined.")
    boolean strict;

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
        Map<String, OpenApiRoutes> documents = new LinkedHashMap<>();
        for (String spec : openapi == null ? List.<String>of() : openapi) {
            int eq = spec.indexOf('=');
            String serviceName = eq > 0 ? spec.substring(0, eq) : "";
            Path file = Path.of(eq > 0 ? spec.substring(eq + 1) : spec);
            if (documents.put(serviceName, OpenApiRoutes.read(file)) != null) {
                throw new Prod2TestException(ErrorCode.USAGE, "--openapi: two documents for " + (serviceName.isEmpty() ? "all services" : "service " + serviceName));
            }
        }
        Duration inactivity = parseDuration(sessionTimeout);
        MaskingKey key = MaskingKey.resolve(maskingKey.keyFile, root.environment());
        MaskingPolicy rules = policy == null ? MaskingPolicy.defaults() : MaskingPolicy.read(policy);
        Ingest.Options options = Ingest.Options.defaults().withService(service).withInactivity(inactivity)
                .withFormat(format == Format.auto ? null : format.name().replace('_', '-')).withOpenApi(documents);
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        long started = System.nanoTime();
        Ingest.Summary summary;
        try (AnalysisStore analysisStore = AnalysisStore.open(store.location(root.environment()))) {
            Ingest ingest = new Ingest(analysisStore, new MaskingHook(Masker.create(rules, key)), LogFormats.standard(), options);
            summary = ingest.run(paths, (bytes, total, records) -> {
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                long eta = bytes == 0 ? 0 : Math.round((total - bytes) * seconds / bytes);
                progress.count(String.format(Locale.ROOT, "ingesting %,d records, %.0f/s, ETA %ds", records, records / seconds, eta),
                        bytes, total);
            });
        }
        progress.clear();
        print(summary);
        return strict && summary.quarantined() > 0 ? ErrorCode.INVALID_INPUT.exitCode() : 0;
    }

    private void print(Ingest.Summary summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = ExchangeJson.mapper().createObjectNode();
            node.put("read", summary.read());
            node.put("loaded", summary.loaded());
            node.put("quarantined", summary.quarantined());
            node.put("skipped", summary.skipped());
            node.put("sessions", summary.sessions());
            node.put("routes", summary.routes());
            node.put("seconds", Math.round(summary.seconds() * 1000) / 1000.0);
            var files = node.putArray("files");
            summary.files().forEach(f -> files.addObject().put("file", f.file().toString()).put("format", f.format())
                    .put("read", f.read()).put("loaded", f.loaded()).put("quarantined", f.quarantined()).put("skipped", f.skipped()));
            out.println(node);
        } else {
            double mb = summary.bytes() / 1e6;
            out.printf(Locale.ROOT, "read %,d records from %d files: %,d loaded, %,d quarantined, %,d skipped (already loaded);"
                            + " %,d sessions, %,d routes; %.1f s, %.1f MB/s%n",
                    summary.read(), summary.files().size(), summary.loaded(), summary.quarantined(), summary.skipped(),
                    summary.sessions(), summary.routes(), summary.seconds(), summary.seconds() == 0 ? 0 : mb / summary.seconds());
            if (summary.quarantined() > 0) {
                out.println("quarantined records (masked) are in the store's quarantine table with their file, line and reason");
            }
        }
        out.flush();
    }

    /** {@code 30m}, {@code 2h}, {@code 90s}, or an ISO-8601 duration such as {@code PT30M}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return positive(switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            }, text);
        } catch (RuntimeException e) {
            throw new Prod2TestException(ErrorCode.USAGE, "--session-timeout: '" + text + "' is not a duration; use e.g. 30m, 2h, 90s or PT30M");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(text);
        }
        return d;
    }
}

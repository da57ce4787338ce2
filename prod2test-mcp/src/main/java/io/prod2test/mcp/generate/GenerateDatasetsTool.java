package io.prod2test.mcp.generate;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code generate_datasets}: masked, referentially intact dataset layers of a configured source, into datasets/. */
public final class GenerateDatasetsTool implements McpTool {
    private static final Pattern MASKING_SECTION = Pattern.compile("(?m)^masking\\s*:");
    private static final Pattern DATASETS_SECTION = Pattern.compile("(?m)^datasets\\s*:");
    /** Tables listed per file; the file holds all of them. */
    static final int TABLES_LISTED = 30;

    /** One file written. */
    public record FileWritten(String layer, String file, int rows, Map<String, Integer> rowsByTable, Map<String, Integer> rootsByReason) {
    }

    /**
     * The answer.
     *
     * @param service         the service
     * @param configuration   where the layers came from: prod2test.yaml's datasets: section or the defaults
     * @param referenceTables tables copied whole into 00_base
     * @param files           the files written, base first
     * @param next            what to do next
     */
    public record Answer(String service, String configuration, List<String> referenceTables, List<FileWritten> files, String next) {
    }

    private final McpContext context;

    public GenerateDatasetsTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("generate_datasets", "Generate masked datasets",
                "Writes test datasets for a service from its production (or replica) database as the operator configured it: "
                + "datasets/<service>/00_base/V1__reference_data.sql (reference tables whole) and one folder per layer "
                + "(datasets/<service>/10_<layer>/V1__<layer>.sql ...) holding a referentially intact subset - the layer's roots "
                + "(one per class of values, expiring cards, rare statuses ...) with every row they reference - every value masked "
                + "with the same key as the logs and every key renumbered into the layer's ID range. Layers, ID ranges and virtual "
                + "foreign keys come from the datasets: section of prod2test.yaml in the repository (defaults without it). Reads "
                + "one consistent snapshot; overwrites the files it writes. Use it after check_schema_drift shows schemas/ is "
                + "current; publish with open_pull_request (paths [\"datasets/\"]).",
                ConfiguredSources.service(InputSchema.builder(), context, "The service whose database to take the datasets from.")
                        .required("service")
                        .build(),
                false);
    }

    @Override
    public Object call(Arguments arguments) {
        String service = arguments.string("service").orElseThrow();
        SourceDatabase source = ConfiguredSources.source(context, service);
        if (context.maskingKey() == null) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "this server has no masking key, and datasets are never written unmasked:"
                    + " the operator sets PROD2TEST_MASKING_KEY (the key the logs were masked with) or --masking-key-file");
        }
        Path yaml = context.repository().resolve("prod2test.yaml");
        DatasetConfig config = DatasetConfig.read(yaml);
        Masker masker = Masker.create(policy(yaml), context.maskingKey());
        Datasets.Result result = Datasets.generate(source, context.repository(), service, config, masker, LocalDate.now(ZoneOffset.UTC));
        List<FileWritten> files = result.files().stream().map(w -> new FileWritten(w.layer(), ConfiguredSources.relative(context, w.file()),
                w.rows(), first(w.rowsByTable()), w.rootsByReason())).toList();
        boolean configured = Files.exists(yaml) && DATASETS_SECTION.matcher(read(yaml)).find();
        return new Answer(service, configured ? "prod2test.yaml datasets:" : "defaults (no datasets: section in prod2test.yaml)",
                List.copyOf(result.referenceTables()), files,
                "review the files, then open_pull_request with paths [\"datasets/" + service + "/\"]");
    }

    private static Map<String, Integer> first(Map<String, Integer> rows) {
        Map<String, Integer> sorted = new TreeMap<>();
        new TreeMap<>(rows).entrySet().stream().limit(TABLES_LISTED).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** prod2test.yaml's masking: section when it has one (the policy the logs were masked with), else the defaults. */
    static MaskingPolicy policy(Path yaml) {
        return Files.exists(yaml) && MASKING_SECTION.matcher(read(yaml)).find() ? MaskingPolicy.read(yaml) : MaskingPolicy.defaults();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.scenario.GeneratedScenarios;
import io.prod2test.generate.scenario.ScenarioGenerator;
import io.prod2test.generate.scenario.ScenarioOptions;
import io.prod2test.generate.scenario.SetupRows;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.report.charter.Charters;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test generate}: scenarios, datasets and charters into the asset repository. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write scenarios, datasets, exploratory charters and JUnit test classes into the asset repository.",
        description = {
            "",
            "Reads the last analysis of the store (analysing first when the store has none) and writes into the asset repository:",
            "  scenarios/<service>/<id>/          a scenario per top flow and per important edge case: steps from the most typical masked",
            "                                   session, values one response gives and a later request uses as captures, the stable",
            "                                   response fields as expectations (fields that vary by run checked by format, each with why),",
            "                                   expected.sql checks with --source; plus pom.xml, a JUnit class per service and",
            "                                   .github/workflows/scenarios.yml, so that 'mvn test' there runs them;",
            "  charters/<service>/<feature>.md   exploratory charters per route family, as - [ ] checklists with concrete masked values;",
            "  datasets/<service>/00_base/ and datasets/<service>/NN_<layer>/   with --source: reference tables, then characteristic",
            "                                   and edge rows chosen by profiling production, each layer in its own ID range",
            "                                   (prod2test.yaml, datasets:), every row masked with the same key as the logs.",
            "",
            "The scenario format is documented in prod2test-runner/README.md; 'prod2test run' plays the scenarios against a system.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test generate --repo ../test-assets --top 15",
            "  PROD2TEST_MASKING_KEY=... prod2test generate --repo ../test-assets --source payments=jdbc:postgresql://replica/payments?user=ro",
            "  prod2test generate --repo ../test-assets --only charters --json"})
final class GenerateCommand implements Callable<Integer> {
    /** What the command can write. */
    enum Part { SCENARIOS, CHARTERS, DATASETS }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Prod2TestCommand root;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository to write into.")
    Path repo;

    @Option(names = "--source", paramLabel = "[SERVICE=]JDBC_URL",
            description = "A production database (a read-only replica) to take datasets from and to check scenarios' rows against; "
                    + "repeatable, one per service. Without SERVICE= the service is the database's name.")
    List<String> sources;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "Scenarios for at most this many flows, the most frequent first (default: ${DEFAULT-VALUE}), plus the top edge cases.")
    int top;

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Write only these parts: ${COMPLETION-CANDIDATES} (default: all that the options allow).")
    Set<Part> only;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The masking policy for dataset rows, or a prod2test.yaml with a masking: section "
                    + "(default: the repository's prod2test.yaml when it has one, else the built-in policy). Use the one the logs were masked with.")
    Path policy;

    @Option(names = "--json", description = "Print what was written as one JSON object on the last line of stdout.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    MaskingKeyOptions maskingKey;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new Prod2TestException(ErrorCode.USAGE, "--top must be 0 or more, was " + top);
        }
        Set<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
        if (parts.contains(Part.DATASETS) && (sources == null || sources.isEmpty())) {
            if (only != null && only.contains(Part.DATASETS)) {
                throw new Prod2TestException(ErrorCode.USAGE, "--only datasets needs at least one --source [SERVICE=]JDBC_URL to take the rows from");
            }
            parts.remove(Part.DATASETS);
        }
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode result = ExchangeJson.mapper().createObjectNode();
        result.put("repo", repo.toString());
        try {
            Files.createDirectories(repo);
        } catch (java.io.IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot create the asset repository " + repo + ": " + e.getMessage(), e);
        }
        if (parts.contains(Part.SCENARIOS) || parts.contains(Part.CHARTERS)) {
            try (AnalysisStore analysisStore = AnalysisStore.open(store.location(root.environment()))) {
                Analysis analysis = analysis(analysisStore, progress);
                if (parts.contains(Part.SCENARIOS)) {
                    progress.step("generating scenarios from the top flows and edge cases ...");
                    GeneratedScenarios scenarios = ScenarioGenerator.generate(analysisStore, analysis, sourceDatabases(), setupRows(), repo,
                            ScenarioOptions.defaults().withTopFlows(top));
                    progress.clear();
                    report(out, result, scenarios);
                }
                if (parts.contains(Part.CHARTERS)) {
                    progress.step("writing exploratory charters ...");
                    List<Path> charters = Charters.write(analysis, analysisStore, repo);
                    progress.clear();
                    ArrayNode files = result.putArray("charters");
                    charters.forEach(file -> files.add(repo.relativize(file).toString()));
                    if (!json) {
                        out.printf(Locale.ROOT, "charters   %d file%s in %s%n", charters.size(), charters.size() == 1 ? "" : "s",
                                repo.resolve("charters"));
                    }
                }
            }
        }
        if (parts.contains(Part.DATASETS)) {
            Masker masker = Masker.create(policy(), MaskingKey.resolve(maskingKey.keyFile, root.environment()));
            DatasetConfig config = Files.isRegularFile(repo.resolve("prod2test.yaml"))
                    ? DatasetConfig.read(repo.resolve("prod2test.yaml")) : DatasetConfig.defaults();
            ArrayNode datasets = result.putArray("datasets");
            for (Map.Entry<String, SourceDatabase> entry : sourceDatabases().entrySet()) {
                String service = entry.getKey();
                SourceDatabase source = entry.getValue();
                progress.step("profiling and subsetting " + service + " ...");
                Datasets.Result written = Datasets.generate(source, repo, service, config, masker, LocalDate.now(ZoneOffset.UTC));
                progress.clear();
                ObjectNode node = datasets.addObject().put("service", service);
                ArrayNode files = node.putArray("files");
                int rows = 0;
                for (Datasets.Written file : written.files()) {
                    files.addObject().put("layer", file.layer()).put("file", repo.relativize(file.file()).toString()).put("rows", file.rows());
                    rows += file.rows();
                }
                node.put("rows", rows);
                if (!json) {
                    out.printf(Locale.ROOT, "datasets   %s: %,d rows in %d file%s (reference tables: %s)%n", service, rows,
                            written.files().size(), written.files().size() == 1 ? "" : "s",
                            written.referenceTables().isEmpty() ? "none" : String.join(", ", written.referenceTables()));
                }
            }
        }
        if (json) {
            out.println(result);
        }
        out.flush();
        return 0;
    }

    /** The --source options by service. */
    private Map<String, SourceDatabase> sourceDatabases() {
        Map<String, SourceDatabase> byService = new LinkedHashMap<>();
        for (String option : sources == null ? List.<String>of() : sources) {
            int eq = option.indexOf('=');
            boolean named = eq > 0 && !option.substring(0, eq).contains(":");
            SourceDatabase source = SourceDatabase.of(named ? option.substring(eq + 1) : option);
            String service = named ? option.substring(0, eq) : Schemas.service(source, null);
            if (byService.put(service, source) != null) {
                throw new Prod2TestException(ErrorCode.USAGE, "--source names the service " + service + " twice");
            }
        }
        return byService;
    }

    private void report(PrintWriter out, ObjectNode result, GeneratedScenarios scenarios) {
        ArrayNode written = result.putArray("scenarios");
        for (GeneratedScenarios.Written scenario : scenarios.written()) {
            written.addObject().put("service", scenario.service()).put("id", scenario.id()).put("title", scenario.title())
                    .put("origin", scenario.origin()).put("dir", repo.relativize(scenario.dir()).toString());
        }
        ArrayNode skipped = result.putArray("skipped");
        scenarios.skipped().forEach(s -> skipped.addObject().put("origin", s.origin()).put("reason", s.reason()));
        if (json) {
            return;
        }
        Map<String, Long> byService = new java.util.TreeMap<>();
        scenarios.written().forEach(s -> byService.merge(s.service(), 1L, Long::sum));
        out.printf(Locale.ROOT, "scenarios  %d written (%s) in %s, with pom.xml, the JUnit classes and the CI workflow%n",
                scenarios.written().size(), byService.isEmpty() ? "none" : byService.toString().replaceAll("[{}]", ""), repo.resolve("scenarios"));
        for (GeneratedScenarios.Skipped s : scenarios.skipped()) {
            out.printf(Locale.ROOT, "           skipped %s: %s%n", s.origin(), s.reason());
        }
    }

    /**
     * How setup.sql rows are taken: only with a production database, and then with the masking key
     * (rows leave production masked or not at all). Without a key, sessions that need such rows are
     * left out, and the list of skipped scenarios says why.
     */
    private SetupRows setupRows() {
        if (sources == null || sources.isEmpty() || (maskingKey.keyFile == null
                && root.environment().getOrDefault(MaskingKey.ENV, "").isBlank())) {
            return null;
        }
        Masker masker = Masker.create(policy(), MaskingKey.resolve(maskingKey.keyFile, root.environment()));
        DatasetConfig config = Files.isRegularFile(repo.resolve("prod2test.yaml"))
                ? DatasetConfig.read(repo.resolve("prod2test.yaml")) : DatasetConfig.defaults();
        Map<String, DatasetConfig> configs = new java.util.HashMap<>();
        sourceDatabases().keySet().forEach(service -> configs.put(service, config));
        return new SetupRows(masker, configs);
    }

    private MaskingPolicy policy() {
        if (policy != null) {
            return MaskingPolicy.read(policy);
        }
        Path config = repo.resolve("prod2test.yaml");
        if (Files.isRegularFile(config) && hasMaskingSection(config)) {
            return MaskingPolicy.read(config);
        }
        return MaskingPolicy.defaults();
    }

    private static boolean hasMaskingSection(Path config) {
        try {
            return Files.readAllLines(config).stream().anyMatch(line -> line.startsWith("masking:"));
        } catch (java.io.IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    /** The store's last analysis, or a fresh one when it has none. */
    private static Analysis analysis(AnalysisStore store, Progress progress) {
        try {
            return new AnalysisReader(store).read();
        } catch (Prod2TestException e) {
            if (e.code() != ErrorCode.NOT_AVAILABLE) {
                throw e;
            }
            return Analyser.analyse(store, AnalysisOptions.defaults(), step -> progress.step("analysing: " + step + " ..."));
        }
    }
}

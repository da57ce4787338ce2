package io.prod2test.mcp.generate;

import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.scenario.GeneratedScenarios;
import io.prod2test.generate.scenario.ScenarioGenerator;
import io.prod2test.generate.scenario.ScenarioOptions;
import io.prod2test.generate.scenario.SetupRows;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import io.prod2test.mcp.analyse.AnalysisAccess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code generate_scenarios}: scenarios from the top flows and edge cases of the analysis, into scenarios/. */
public final class GenerateScenariosTool implements McpTool {
    /** Skipped items listed; the answer counts them all. */
    static final int SKIPPED_LISTED = 20;

    /** One scenario written. */
    public record Written(String service, String id, String title, String origin, String folder, List<String> restoredCards) {
    }

    /** A flow or edge case that got no scenario, and why. */
    public record Skipped(String origin, String reason) {
    }

    /**
     * The answer.
     *
     * @param analysedNow   whether this call ran the analysis
     * @param scenarios     the scenarios written, paged (all are written, whatever the page)
     * @param skippedCount  flows and edge cases without a scenario
     * @param skipped       the first of them, with why
     * @param projectFiles  the repository's pom.xml, JUnit classes and workflow, written beside them
     * @param sourceDatabases the services whose configured database the generator may read to write expected.sql
     * @param next          what to do next
     */
    public record Answer(boolean analysedNow, Page<Written> scenarios, int skippedCount, List<Skipped> skipped, List<String> projectFiles,
                         List<String> sourceDatabases, String next) {
    }

    private final McpContext context;

    public GenerateScenariosTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("generate_scenarios", "Generate test scenarios",
                "Writes end-to-end test scenarios into the asset repository from the analysis: for the most frequent flows "
                + "(topFlows) and the highest-priority edge cases (topEdgeCases), the most typical real masked session becomes "
                + "scenarios/<service>/<id>/scenario.yaml with its steps, values captured from responses and used by later steps, "
                + "expectations (status, fields that must match, fields that vary by run checked by format) and, where the "
                + "operator configured the service's source database, expected.sql with the rows the flow creates and, when the "
                + "server also has the masking key, setup.sql with the rows the session used but did not create (a returning "
                + "customer), masked and renumbered into the scenario's own ID range; scenarios with "
                + "the same flow and expectation shape are written once. Also writes the repository's pom.xml, a JUnit class per "
                + "service and the CI workflow. Use it after list_flows, list_edge_cases and search_tests, when the QA engineer "
                + "has chosen how many; then review the files (resources prod2test://assets/scenarios/...) and publish with "
                + "open_pull_request. The answer lists the scenarios (paged) and what was skipped and why; scenarios/README.md "
                + "lists them all for the reviewer.",
                InputSchema.builder()
                        .integer("topFlows", "Scenarios for at most this many flows, the most frequent first.", 0, 50, 10L)
                        .integer("topEdgeCases", "And for at most this many edge cases, the highest priority first.", 0, 100, 25L)
                        .integer("limit", "Scenarios listed on this page.", 1, 50, 20L)
                        .integer("offset", "Index of the first scenario listed.", 0, 100_000, 0L)
                        .build(),
                false);
    }

    @Override
    public Object call(Arguments arguments) {
        AnalysisAccess.Read read = AnalysisAccess.read(context, false);
        Map<String, SourceDatabase> sources = new LinkedHashMap<>();
        context.sources().forEach((service, url) -> sources.put(service, SourceDatabase.of(url)));
        ScenarioOptions options = new ScenarioOptions(arguments.intValue("topFlows"), arguments.intValue("topEdgeCases"),
                ScenarioOptions.defaults().sessionsCompared());
        // Rows from before a session (a returning customer) leave production only masked: with the server's key, or not at all.
        SetupRows setupRows = null;
        if (context.maskingKey() != null && !sources.isEmpty()) {
            Path yaml = context.repository().resolve("prod2test.yaml");
            DatasetConfig config = DatasetConfig.read(yaml);
            Map<String, DatasetConfig> configs = new LinkedHashMap<>();
            sources.keySet().forEach(service -> configs.put(service, config));
            setupRows = new SetupRows(Masker.create(GenerateDatasetsTool.policy(yaml), context.maskingKey()), configs);
        }
        GeneratedScenarios generated = ScenarioGenerator.generate(context.store(), read.analysis(), sources, setupRows, context.repository(), options);
        List<Written> written = generated.written().stream().map(w -> new Written(w.service(), w.id(), w.title(), w.origin(),
                ConfiguredSources.relative(context, w.dir()), w.restoredCards())).toList();
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        return new Answer(read.analysedNow(), Page.of(written.size(), offset, limit, written.stream().skip(offset).limit(limit).toList()),
                generated.skipped().size(), generated.skipped().stream().limit(SKIPPED_LISTED).map(s -> new Skipped(s.origin(), s.reason())).toList(),
                generated.projectFiles().stream().map(f -> ConfiguredSources.relative(context, f)).toList(), List.copyOf(sources.keySet()),
                written.isEmpty() ? "nothing written; list_flows shows whether the store holds flows"
                        : "review the scenarios, then open_pull_request (paths [\"scenarios/\"] and the project files listed)");
    }
}

package io.prod2test.generate.scenario;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.runner.junit.AssetProject;
import io.prod2test.runner.scenario.DatabaseCheck;
import io.prod2test.runner.scenario.Priority;
import io.prod2test.runner.scenario.Scenario;
import io.prod2test.runner.scenario.ScenarioWriter;
import io.prod2test.runner.scenario.Source;
import io.prod2test.runner.scenario.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scenario half of {@code prod2test generate}: for the top flows and the most important edge
 * cases of the last analysis, a scenario per distinct flow and expectation shape, written through
 * the runner's format into {@code scenarios/<service>/<id>/}, with the asset repository's JUnit
 * classes, {@code pom.xml} and workflow.
 */
public final class ScenarioGenerator {
    /** Example sessions tried per edge case. */
    static final int EXAMPLES_PER_EDGE_CASE = 5;

    private ScenarioGenerator() {
    }

    /**
     * Generates the scenarios.
     *
     * @param store           the analysis store holding the masked traffic
     * @param analysis        its last analysis ({@link AnalysisReader#read()})
     * @param sourceDatabases each service's production database (masked or not: values are only
     *                        read to check the rows a flow wrote), by service name; may be empty
     * @param repoDir         the asset repository
     * @param options         how many flows and edge cases
     */
    public static GeneratedScenarios generate(AnalysisStore store, Analysis analysis, Map<String, SourceDatabase> sourceDatabases,
                                              Path repoDir, ScenarioOptions options) {
        return generate(store, analysis, sourceDatabases, null, repoDir, options);
    }

    /**
     * Generates the scenarios; a session that uses rows from before it (a returning customer) gets
     * them in its {@code setup.sql}, taken from its service's production database with {@code
     * setupRows}, in the scenario's own ID range.
     *
     * @param setupRows how rows are taken for {@code setup.sql}, or null to leave such sessions out (with why)
     */
    public static GeneratedScenarios generate(AnalysisStore store, Analysis analysis, Map<String, SourceDatabase> sourceDatabases,
                                              SetupRows setupRows, Path repoDir, ScenarioOptions options) {
        AnalysisReader reader = new AnalysisReader(store);
        ExchangeLoader loader = new ExchangeLoader(store);
        List<GeneratedScenarios.Written> written = new ArrayList<>();
        List<GeneratedScenarios.Skipped> skipped = new ArrayList<>();
        Set<String> shapes = new HashSet<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Flow> flows = analysis.flows().stream().limit(options.topFlows()).toList();
        for (Flow flow : flows) {
            String origin = "flow " + flow.id();
            List<List<SessionExchange>> sessions = loader.load(reader.flowExamples(flow.id(), options.sessionsCompared())).stream()
                    .filter(s -> !s.isEmpty()).toList();
            if (sessions.isEmpty()) {
                skipped.add(new GeneratedScenarios.Skipped(origin, "no example session in the store"));
                continue;
            }
            List<SessionExchange> typical = typical(sessions);
            String title = "Flow " + flow.id() + ": " + summary(flow.labels()) + " (" + flow.sessions() + " sessions)";
            var flowRecord = new io.prod2test.runner.scenario.Flow(flow.labels(), flow.sessions(), flow.share());
            Source source = new Source(sessionKey(store, typical), "the most typical session of the flow: "
                    + count(sessions, typical) + " of " + sessions.size() + " sessions read had its steps and statuses");
            add(store, typical, sessions, title, "flow", flowRecord, priority(flow.priority()), List.of("flow"), source, origin,
                    sourceDatabases, setupRows, repoDir, shapes, numbers, written, skipped);
        }
        List<EdgeCase> edges = analysis.edgeCases().stream().limit(options.topEdgeCases()).toList();
        for (EdgeCase edge : edges) {
            String origin = "edge case " + edge.id() + " (" + edge.kind().label() + " " + edge.route().label()
                    + (edge.status() == null ? "" : " " + edge.status()) + ")";
            List<List<Long>> exampleIds = new ArrayList<>(reader.edgeCaseExamples(edge.id()));
            int kept = Math.min(EXAMPLES_PER_EDGE_CASE, exampleIds.size());
            if (edge.status() != null) {
                // An error status is one edge case whatever the error code; each code the traffic shows is tried.
                List<List<Long>> perAnswer = loader.sessionsPerAnswer(edge.route().id(), edge.status(), EXAMPLES_PER_EDGE_CASE);
                perAnswer.removeAll(exampleIds.subList(0, kept));
                exampleIds.addAll(kept, perAnswer);
                kept += perAnswer.size();
            }
            List<List<Long>> tried = List.copyOf(exampleIds.subList(0, kept));
            List<List<SessionExchange>> sessions = loader.load(exampleIds).stream().filter(s -> !s.isEmpty()).toList();
            // An example on a call between services (payments behind the shop) is found through its trace:
            // the session holds the user's call that caused it.
            Set<Long> examples = loader.sameTrace(edge.exampleExchanges());
            List<List<SessionExchange>> withExample = loader.load(tried).stream().filter(s -> !s.isEmpty())
                    .filter(s -> edge.status() != null || s.stream().anyMatch(e -> examples.contains(e.id()))).toList();
            if (withExample.isEmpty()) {
                skipped.add(new GeneratedScenarios.Skipped(origin, "its example calls are not user-facing steps of a session"
                        + " (a call between services whose session holds no example)"));
                continue;
            }
            // Each example session is tried: they may show different answers (one decline code, then
            // another); those with the same expectation shape are left out as duplicates.
            for (List<SessionExchange> session : withExample) {
                List<String> labels = collapsed(session);
                Flow flow = analysis.flows().stream().filter(f -> f.labels().equals(labels)).findFirst().orElse(null);
                var flowRecord = new io.prod2test.runner.scenario.Flow(labels, flow == null ? edge.sessions() : flow.sessions(),
                        flow == null ? Math.min(1, edge.sessions() / (double) Math.max(1, analysis.sessions())) : flow.share());
                String title = "Edge case: " + edge.kind().label().replace('-', ' ') + " on " + edge.route().label()
                        + (edge.status() == null ? "" : " (" + edge.status() + ")") + ", " + edge.detail() + ", in " + summary(labels);
                List<String> tags = new ArrayList<>(List.of("edge-case", edge.kind().label()));
                if (edge.status() != null) {
                    tags.add("status-" + edge.status());
                }
                Source source = new Source(sessionKey(store, session), "an example session of the edge case");
                List<List<SessionExchange>> others = new ArrayList<>(sessions);
                if (flow != null) {
                    others.addAll(loader.load(reader.flowExamples(flow.id(), options.sessionsCompared())));
                }
                add(store, session, others, title, edge.kind().label(), flowRecord, priority(edge.priority()), tags, source, origin,
                        sourceDatabases, setupRows, repoDir, shapes, numbers, written, skipped);
            }
        }
        List<String> services = written.stream().map(GeneratedScenarios.Written::service).distinct().sorted().toList();
        List<Path> project = new ArrayList<>(services.isEmpty() ? List.of() : AssetProject.write(repoDir, services));
        int flowsLeft = analysis.flows().size() - flows.size();
        int edgesLeft = analysis.edgeCases().size() - edges.size();
        String notTried = flowsLeft + edgesLeft == 0 ? "" : "Not tried: " + flowsLeft + " less frequent flow" + (flowsLeft == 1 ? "" : "s") + " and "
                + edgesLeft + " lower-priority edge case" + (edgesLeft == 1 ? "" : "s") + " (the options asked for the top " + options.topFlows()
                + " flows and " + options.topEdgeCases() + " edge cases).";
        project.add(ScenarioIndex.write(repoDir, written, skipped, notTried));
        return new GeneratedScenarios(written, skipped, project);
    }

    private static void add(AnalysisStore store, List<SessionExchange> session, List<List<SessionExchange>> others, String title, String slug,
                            io.prod2test.runner.scenario.Flow flow, Priority priority, List<String> tags, Source source, String origin,
                            Map<String, SourceDatabase> sourceDatabases, SetupRows setupRows, Path repoDir, Set<String> shapes,
                            Map<String, Integer> numbers, List<GeneratedScenarios.Written> written, List<GeneratedScenarios.Skipped> skipped) {
        StepsBuilder.Built built = StepsBuilder.build(session, others);
        String service = serviceOf(session);
        int number = numbers.getOrDefault(service, 0) + 1;
        String id = slug(service + "-" + String.format(Locale.ROOT, "%04d", number) + "-" + slug + "-" + lastRoute(flow.routes()));
        SourceDatabase database = sourceDatabases.get(service);
        String setup = "-- The flow creates every row it uses: its steps start from the base datasets alone.\n";
        if (!built.uncreated().isEmpty()) {
            if (database == null || setupRows == null) {
                skipped.add(new GeneratedScenarios.Skipped(origin, built.notReplayable() + "; "
                        + (database == null ? "no production database of " + service + " was given (--source " + service + "=JDBC_URL)"
                        : "no masking key was given to mask them") + " to take them from"));
                return;
            }
            DatasetConfig.IdRange range = SetupRows.range(number);
            Datasets.ScenarioRows rows = Datasets.scenarioRows(database, service, setupRows.config(service), setupRows.masker(),
                    built.uncreated(), range, id);
            if (!rows.missing().isEmpty()) {
                skipped.add(new GeneratedScenarios.Skipped(origin, built.notReplayable() + "; but " + String.join(", ", rows.missing())
                        + " is in no table of the " + service + " production database"));
                return;
            }
            session = session.stream().map(e -> e.renamed(rows.keys())).toList();
            built = StepsBuilder.build(session, others, Set.copyOf(rows.keys().values()));
            setup = rows.sql();
        }
        if (built.notReplayable() != null) {
            skipped.add(new GeneratedScenarios.Skipped(origin, built.notReplayable()));
            return;
        }
        List<DatabaseCheck> checks = database == null ? List.of() : RowChecks.after(database, session);
        Scenario scenario = new Scenario(id, title, flow, priority, tags, source, built.steps(), setup, checks);
        String shape = ScenarioShape.of(scenario);
        if (!shapes.add(shape)) {
            skipped.add(new GeneratedScenarios.Skipped(origin, "a scenario with the same flow and the same expectation shape is already written"));
            return;
        }
        numbers.put(service, number);
        Path dir = ScenarioWriter.write(repoDir, service, scenario);
        written.add(new GeneratedScenarios.Written(service, id, title, origin, dir, built.restored()));
    }

    /**
     * The session whose steps and statuses most sessions of the flow share; among those the first
     * (the store orders examples by session id, so the choice is stable).
     */
    static List<SessionExchange> typical(List<List<SessionExchange>> sessions) {
        Map<String, Long> counts = sessions.stream().collect(Collectors.groupingBy(ScenarioGenerator::signature, LinkedHashMap::new, Collectors.counting()));
        String best = counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry<String, Long>::getValue)).orElseThrow().getKey();
        return sessions.stream().filter(s -> signature(s).equals(best)).findFirst().orElseThrow();
    }

    private static long count(List<List<SessionExchange>> sessions, List<SessionExchange> typical) {
        String signature = signature(typical);
        return sessions.stream().filter(s -> signature(s).equals(signature)).count();
    }

    static String signature(List<SessionExchange> session) {
        return session.stream().map(SessionExchange::signature).collect(Collectors.joining(" > "));
    }

    /** The routes in the order first reached, as a flow lists them. */
    static List<String> collapsed(List<SessionExchange> session) {
        return List.copyOf(new LinkedHashSet<>(session.stream().map(SessionExchange::route).toList()));
    }

    private static String serviceOf(List<SessionExchange> session) {
        Map<String, Long> counts = session.stream().collect(Collectors.groupingBy(e -> e.service() == null ? "default" : e.service(),
                java.util.TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static String sessionKey(AnalysisStore store, List<SessionExchange> session) {
        return SessionKeys.of(store, session.getFirst().id());
    }

    private static Priority priority(double score) {
        return score >= 66 ? Priority.HIGH : score >= 33 ? Priority.MEDIUM : Priority.LOW;
    }

    private static String summary(List<String> labels) {
        if (labels.size() <= 4) {
            return String.join(", ", labels);
        }
        return labels.getFirst() + ", " + labels.get(1) + " ... " + labels.get(labels.size() - 2) + ", " + labels.getLast()
                + " (" + labels.size() + " routes)";
    }

    private static String lastRoute(List<String> routes) {
        String last = routes.getLast();
        return last.replaceAll("\\{[^}]*}", "").replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("-$", "");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}

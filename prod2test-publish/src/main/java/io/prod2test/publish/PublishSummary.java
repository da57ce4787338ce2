package io.prod2test.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a publication adds, counted from the files themselves, for the pull request's title and body.
 *
 * @param files      the committed files (changed, added or deleted), sorted
 * @param deleted    how many of them are deletions
 * @param services   the services the files are for (second path segment of an asset folder)
 * @param scenarios  scenario folders ({@code scenarios/<service>/<id>/}) among the files
 * @param flows      distinct flows (route sequences) of those scenarios that name one
 * @param edgeCases  scenarios tagged {@code edge-case}
 * @param tags       how many scenarios carry each tag
 * @param priorities how many scenarios have each priority ({@code high}, {@code medium}, {@code low})
 * @param flowShare  the share of all sessions (0..1) that followed one of those flows, summed over
 *                   distinct flows from each scenario's {@code flow.share}
 * @param datasets   dataset migrations ({@code datasets/**}{@code /*.sql})
 * @param schemas    schema migrations ({@code schemas/**}{@code /*.sql})
 * @param charters   charters ({@code charters/**}{@code /*.md})
 * @param testFiles  test classes, pom and workflow
 * @param analysis   figures from the analysis that the files cannot tell, or {@code null}
 */
public record PublishSummary(List<String> files, int deleted, Set<String> services, int scenarios, int flows, int edgeCases,
                             Map<String, Integer> tags, Map<String, Integer> priorities, double flowShare, int datasets,
                             int schemas, int charters, int testFiles, AnalysisFigures analysis) {
    /** The tag that marks a scenario as an edge case (SPEC §4). */
    public static final String EDGE_CASE_TAG = "edge-case";

    public PublishSummary {
        files = List.copyOf(files);
        services = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(services)); // sorted: the text names them in order
        tags = Map.copyOf(tags);
        priorities = Map.copyOf(priorities);
        if (flowShare < 0 || flowShare > 1.000001) {
            throw new IllegalArgumentException("the flows' share of sessions is between 0 and 1, was " + flowShare);
        }
        for (int n : new int[] {deleted, scenarios, flows, edgeCases, datasets, schemas, charters, testFiles}) {
            if (n < 0) {
                throw new IllegalArgumentException("summary counts must not be negative");
            }
        }
        if (edgeCases > scenarios || flows > scenarios) {
            throw new IllegalArgumentException("edge cases (" + edgeCases + ") and flows (" + flows
                    + ") are counted among scenarios (" + scenarios + ") and cannot exceed them");
        }
    }

    /**
     * Figures the analysis knows and the files do not.
     *
     * @param flowsAnalysed   frequent flows found in the traffic, or {@code null}
     * @param coveragePercent share of traffic (sessions) whose flow an existing or generated test covers, 0..100, or {@code null}
     */
    public record AnalysisFigures(Integer flowsAnalysed, Double coveragePercent) {
        public AnalysisFigures {
            if (coveragePercent != null && (coveragePercent < 0 || coveragePercent > 100)) {
                throw new IllegalArgumentException("coverage is a percentage between 0 and 100, was " + coveragePercent);
            }
            if (flowsAnalysed != null && flowsAnalysed < 0) {
                throw new IllegalArgumentException("flows analysed must not be negative, was " + flowsAnalysed);
            }
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Counts what the given repository-relative files of {@code repository} add. Scenario metadata
     * (tags, the flow's routes) is read from each scenario folder's {@code scenario.yaml}.
     */
    public static PublishSummary of(Path repository, Collection<String> files, Set<String> deleted, AnalysisFigures analysis) {
        TreeSet<String> sorted = new TreeSet<>(files);
        Set<String> services = new TreeSet<>();
        Set<String> scenarioFolders = new TreeSet<>();
        int datasets = 0;
        int schemas = 0;
        int charters = 0;
        int tests = 0;
        for (String file : sorted) {
            String[] parts = file.split("/");
            AssetArea area = AssetArea.of(file).orElse(null);
            boolean present = !deleted.contains(file);
            if (area == AssetArea.TESTS) {
                tests++;
                continue;
            }
            if (area == null || area == AssetArea.CONFIG || parts.length < 3) {
                continue;
            }
            services.add(parts[1]);
            switch (area) {
                case SCENARIOS -> {
                    if (parts.length >= 4) {
                        scenarioFolders.add(parts[0] + "/" + parts[1] + "/" + parts[2]);
                    }
                }
                case DATASETS -> datasets += present && file.endsWith(".sql") ? 1 : 0;
                case SCHEMAS -> schemas += present && file.endsWith(".sql") ? 1 : 0;
                case CHARTERS -> charters += present && file.endsWith(".md") ? 1 : 0;
                default -> { }
            }
        }
        Map<String, Double> flows = new java.util.LinkedHashMap<>();
        Map<String, Integer> tags = new TreeMap<>();
        Map<String, Integer> priorities = new TreeMap<>();
        int scenarios = 0;
        for (String folder : scenarioFolders) {
            Path yaml = repository.resolve(folder).resolve("scenario.yaml");
            if (!Files.isRegularFile(yaml)) {
                continue; // a deleted scenario, or files beside one: nothing added to count
            }
            scenarios++;
            JsonNode scenario = readYaml(yaml, folder + "/scenario.yaml");
            for (JsonNode tag : scenario.path("tags")) {
                tags.merge(tag.asText(), 1, Integer::sum);
            }
            if (scenario.path("priority").isTextual()) {
                priorities.merge(scenario.path("priority").asText(), 1, Integer::sum);
            }
            List<String> routes = routes(scenario.path("flow"));
            if (!routes.isEmpty()) {
                double share = scenario.path("flow").path("share").asDouble(0);
                flows.merge(String.join(" > ", routes), Math.max(0, Math.min(1, share)), Math::max);
            }
        }
        double share = Math.min(1, flows.values().stream().mapToDouble(Double::doubleValue).sum());
        return new PublishSummary(List.copyOf(sorted), (int) sorted.stream().filter(deleted::contains).count(), services,
                scenarios, flows.size(), tags.getOrDefault(EDGE_CASE_TAG, 0), tags, priorities, share, datasets, schemas, charters,
                tests, analysis);
    }

    /** A scenario's flow as routes: a list of routes, or an object with a {@code routes} list. */
    private static List<String> routes(JsonNode flow) {
        JsonNode list = flow.isArray() ? flow : flow.path("routes");
        List<String> routes = new ArrayList<>();
        for (JsonNode route : list) {
            routes.add(route.asText());
        }
        return routes;
    }

    private static JsonNode readYaml(Path file, String name) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, name + ": not readable YAML: " + e.getMessage(), e);
        }
    }
}

package io.prod2test.runner.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes scenarios as files a reviewer can read in a pull request: keys always in the same order,
 * block style, quotes only where YAML needs them, a scalar expectation written as the bare value, and
 * nothing that changes from one generation to the next unless the scenario did. What it writes
 * reads back into an equal {@link Scenario} with {@link ScenarioReader}.
 */
public final class ScenarioWriter {
    private static final String HEADER = "# A prod2test scenario. Format: scenario.schema.json / prod2test-runner/README.md\n";
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private ScenarioWriter() {
    }

    /**
     * Writes {@code scenario} to {@code repo/scenarios/<service>/<id>/}: scenario.yaml, setup.sql,
     * and expected.sql when it has database checks (a stale expected.sql is removed).
     *
     * @return the scenario folder
     */
    public static Path write(Path repo, String service, Scenario scenario) {
        if (service == null || !service.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("a service name must be lower-case letters, digits, _ and -, was '" + service + "'");
        }
        Path dir = repo.resolve("scenarios").resolve(service).resolve(scenario.id());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ScenarioReader.SCENARIO_FILE), toYaml(scenario), StandardCharsets.UTF_8);
            String setup = scenario.setupSql().isBlank()
                    ? "-- This scenario needs no rows beyond the base datasets.\n"
                    : scenario.setupSql().endsWith("\n") ? scenario.setupSql() : scenario.setupSql() + "\n";
            Files.writeString(dir.resolve(ScenarioReader.SETUP_FILE), setup, StandardCharsets.UTF_8);
            Path expected = dir.resolve(ScenarioReader.EXPECTED_FILE);
            if (scenario.databaseChecks().isEmpty()) {
                Files.deleteIfExists(expected);
            } else {
                Files.writeString(expected, expectedSql(scenario.databaseChecks()), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write scenario " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The text of {@code expected.sql}: each check's name as a comment, then its query. */
    public static String expectedSql(List<DatabaseCheck> checks) {
        StringBuilder out = new StringBuilder();
        out.append("-- Each query must return one row with one boolean column that is true.\n\n");
        for (DatabaseCheck check : checks) {
            out.append("-- ").append(check.name().replace("\n", " ")).append('\n');
            out.append(check.sql().strip()).append(";\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The text of {@code scenario.yaml}. */
    public static String toYaml(Scenario scenario) {
        ObjectNode root = JSON.objectNode();
        root.put("id", scenario.id());
        root.put("title", scenario.title());
        ObjectNode flow = root.putObject("flow");
        ArrayNode routes = flow.putArray("routes");
        scenario.flow().routes().forEach(routes::add);
        flow.put("sessions", scenario.flow().sessions());
        flow.put("share", BigDecimal.valueOf(scenario.flow().share()));
        root.put("priority", scenario.priority().yamlName());
        if (!scenario.tags().isEmpty()) {
            ArrayNode tags = root.putArray("tags");
            scenario.tags().forEach(tags::add);
        }
        ObjectNode source = root.putObject("source");
        source.put("session", scenario.source().session());
        if (scenario.source().why() != null) {
            source.put("why", scenario.source().why());
        }
        ArrayNode steps = root.putArray("steps");
        scenario.steps().forEach(step -> steps.add(step(step)));
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "cannot write scenario " + scenario.id() + " as YAML: " + e.getMessage(), e);
        }
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = JSON.objectNode();
        if (step.name() != null) {
            node.put("name", step.name());
        }
        Request r = step.request();
        ObjectNode request = node.putObject("request");
        request.put("method", r.method());
        request.put("path", r.path());
        if (!r.query().isEmpty()) {
            ObjectNode query = request.putObject("query");
            for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
                if (e.getValue().size() == 1) {
                    query.put(e.getKey(), e.getValue().getFirst());
                } else {
                    ArrayNode values = query.putArray(e.getKey());
                    e.getValue().forEach(values::add);
                }
            }
        }
        if (!r.headers().isEmpty()) {
            ObjectNode headers = request.putObject("headers");
            r.headers().forEach(headers::put);
        }
        if (r.body() != null) {
            request.set("body", r.body());
        }
        if (r.bodyText() != null) {
            request.put("bodyText", r.bodyText());
        }
        if (!step.captures().isEmpty()) {
            ArrayNode captures = node.putArray("captures");
            for (Capture c : step.captures()) {
                ObjectNode capture = captures.addObject();
                capture.put("name", c.name());
                capture.put(c.from() == Capture.From.BODY ? "body" : "header", c.locator());
                if (c.pattern() != null) {
                    capture.put("pattern", c.pattern());
                }
            }
        }
        ObjectNode expect = node.putObject("expect");
        expect.put("status", step.expect().status());
        if (!step.expect().headers().isEmpty()) {
            ObjectNode headers = expect.putObject("headers");
            step.expect().headers().forEach(check -> headers.set(check.locator(), rule(check.rule())));
        }
        if (!step.expect().body().isEmpty()) {
            ObjectNode body = expect.putObject("body");
            step.expect().body().forEach(check -> body.set(check.locator(), rule(check.rule())));
        }
        return node;
    }

    private static JsonNode rule(Rule rule) {
        ObjectNode node = JSON.objectNode();
        switch (rule) {
            case Rule.Equals eq -> {
                if (eq.why() == null && eq.value().isValueNode()) {
                    return eq.value();
                }
                node.set("equals", eq.value());
            }
            case Rule.Matches m -> {
                node.put("type", m.type().yamlName());
                if (m.format() != null) {
                    node.put("format", m.format().yamlName());
                }
                if (m.pattern() != null) {
                    node.put("pattern", m.pattern());
                }
            }
            case Rule.ArrayOf a -> {
                node.put("array", a.mode().yamlName());
                if (a.mode() == Rule.ArrayMode.SIZE) {
                    node.put("size", a.size());
                } else {
                    node.set("items", a.items());
                }
                if (!a.ignore().isEmpty()) {
                    ArrayNode ignore = node.putArray("ignore");
                    a.ignore().forEach(ignore::add);
                }
            }
            case Rule.Absent ignored -> node.put("absent", true);
        }
        if (rule.why() != null) {
            node.put("why", rule.why());
        }
        return node;
    }
}

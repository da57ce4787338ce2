package io.prod2test.runner.scenario;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.scenario.YamlTree.ListNode;
import io.prod2test.runner.scenario.YamlTree.MapNode;
import io.prod2test.runner.scenario.YamlTree.Node;
import io.prod2test.runner.scenario.YamlTree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a scenario folder and validates it against the format ({@code scenario.schema.json}). Every
 * error is a {@link Prod2TestException} of {@link ErrorCode#INVALID_INPUT} naming the file, the
 * line and the field, e.g. {@code scenarios/payments/p-1/scenario.yaml:14: field
 * 'steps[0].request.method': ...}. Unknown keys are errors too, so a typo never silently drops an
 * expectation.
 */
public final class ScenarioReader {
    /** The file names of a scenario folder. */
    public static final String SCENARIO_FILE = "scenario.yaml";
    public static final String SETUP_FILE = "setup.sql";
    public static final String EXPECTED_FILE = "expected.sql";

    private static final java.util.regex.Pattern STEP_ERROR = java.util.regex.Pattern.compile("step (\\d+) ");

    private ScenarioReader() {
    }

    /** Reads {@code dir}/scenario.yaml, setup.sql (may be missing: no rows) and expected.sql (optional). */
    public static Scenario read(Path dir) {
        Path yaml = dir.resolve(SCENARIO_FILE);
        if (!Files.isRegularFile(yaml)) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, dir + ": a scenario folder needs a " + SCENARIO_FILE);
        }
        Path setup = dir.resolve(SETUP_FILE);
        Path expected = dir.resolve(EXPECTED_FILE);
        return parse(yaml.toString(), text(yaml), text(setup), expected.toString(), text(expected));
    }

    /**
     * Parses a scenario from its texts; {@code yamlName} and {@code expectedName} are used in messages.
     * {@code setupSql} and {@code expectedSql} may be null.
     */
    public static Scenario parse(String yamlName, String yaml, String setupSql, String expectedName, String expectedSql) {
        Node root = YamlTree.parse(yamlName, yaml);
        if (!(root instanceof MapNode map)) {
            throw Prod2TestException.invalidInput(yamlName, root == null ? 0 : root.line(), null,
                    "a scenario file must be a mapping with id, title, flow, priority, source and steps");
        }
        Fields f = new Fields(yamlName, map, "id", "title", "flow", "priority", "tags", "source", "steps");
        List<DatabaseCheck> checks = expectedSql == null ? List.of() : databaseChecks(expectedName, expectedSql);
        String id = f.text("id", true);
        String title = f.text("title", true);
        Flow flow = flow(yamlName, f.map("flow", true));
        Priority priority = priority(yamlName, f.scalar("priority", true));
        List<String> tags = f.textList("tags");
        Source source = source(yamlName, f.map("source", true));
        ListNode stepNodes = f.list("steps", true);
        List<Step> steps = steps(yamlName, stepNodes);
        try {
            return new Scenario(id, title, flow, priority, tags, source, steps, setupSql, checks);
        } catch (IllegalArgumentException e) {
            // A wrong reference names its step: point at that step's line.
            java.util.regex.Matcher step = STEP_ERROR.matcher(String.valueOf(e.getMessage()));
            if (step.lookingAt() && Integer.parseInt(step.group(1)) <= stepNodes.items().size()) {
                int index = Integer.parseInt(step.group(1)) - 1;
                throw Prod2TestException.invalidInput(yamlName, stepNodes.items().get(index).line(), "steps[" + index + "]", e.getMessage());
            }
            throw Prod2TestException.invalidInput(yamlName, map.line(), null, e.getMessage());
        }
    }

    /** The checks of an {@code expected.sql}: one query a check, named by the comment above it. */
    public static List<DatabaseCheck> databaseChecks(String fileName, String sql) {
        List<DatabaseCheck> checks = new ArrayList<>();
        for (SqlScript.Statement s : SqlScript.split(sql)) {
            String first = s.sql().stripLeading().toLowerCase(Locale.ROOT);
            if (!(first.startsWith("select") || first.startsWith("with") || first.startsWith("values"))) {
                throw Prod2TestException.invalidInput(fileName, s.line(), null,
                        "each statement of expected.sql must be a query (SELECT, WITH or VALUES) returning one boolean that is true");
            }
            checks.add(new DatabaseCheck(s.comment(), s.sql(), s.line()));
        }
        return checks;
    }

    private static Flow flow(String file, MapNode node) {
        Fields f = new Fields(file, node, "routes", "sessions", "share");
        return build(file, node, () -> new Flow(f.textList("routes"), f.integer("sessions", true), f.decimal("share", true)));
    }

    private static Priority priority(String file, ScalarNode node) {
        return build(file, node, () -> {
            try {
                return Priority.valueOf(node.json().asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("priority must be high, medium or low, was '" + node.json().asText() + "'");
            }
        });
    }

    private static Source source(String file, MapNode node) {
        Fields f = new Fields(file, node, "session", "why");
        return build(file, node, () -> new Source(f.text("session", true), f.text("why", false)));
    }

    private static List<Step> steps(String file, ListNode node) {
        List<Step> steps = new ArrayList<>();
        for (Node item : node.items()) {
            MapNode map = asMap(file, item, "a step is a mapping with request, captures and expect");
            Fields f = new Fields(file, map, "name", "request", "captures", "expect");
            List<Capture> captures = new ArrayList<>();
            ListNode captureList = f.list("captures", false);
            if (captureList != null) {
                captureList.items().forEach(c -> captures.add(capture(file, c)));
            }
            steps.add(build(file, map, () -> new Step(f.text("name", false), request(file, f.map("request", true)),
                    captures, expectation(file, f.map("expect", true)))));
        }
        return steps;
    }

    private static Request request(String file, MapNode node) {
        Fields f = new Fields(file, node, "method", "path", "query", "headers", "body", "bodyText");
        Map<String, List<String>> query = new LinkedHashMap<>();
        MapNode q = f.map("query", false);
        if (q != null) {
            q.entries().forEach((name, value) -> {
                List<String> values = new ArrayList<>();
                if (value instanceof ListNode list) {
                    list.items().forEach(v -> values.add(scalarText(file, v)));
                } else {
                    values.add(scalarText(file, value));
                }
                query.put(name, values);
            });
        }
        Map<String, String> headers = new LinkedHashMap<>();
        MapNode h = f.map("headers", false);
        if (h != null) {
            h.entries().forEach((name, value) -> headers.put(name, scalarText(file, value)));
        }
        Node body = node.entries().get("body");
        return build(file, node, () -> new Request(f.text("method", true), f.text("path", true), query, headers,
                body == null ? null : body.json(), f.text("bodyText", false)));
    }

    private static Capture capture(String file, Node item) {
        MapNode map = asMap(file, item, "a capture is a mapping: {name: paymentId, body: /id} or {name: location, header: Location}");
        Fields f = new Fields(file, map, "name", "body", "header", "pattern");
        String body = f.text("body", false);
        String header = f.text("header", false);
        if ((body == null) == (header == null)) {
            throw Prod2TestException.invalidInput(file, map.line(), map.path(),
                    "a capture reads either body (a JSON pointer) or header (a header name), exactly one of them");
        }
        return build(file, map, () -> body != null
                ? new Capture(f.text("name", true), Capture.From.BODY, body, f.text("pattern", false))
                : new Capture(f.text("name", true), Capture.From.HEADER, header, f.text("pattern", false)));
    }

    private static Expectation expectation(String file, MapNode node) {
        Fields f = new Fields(file, node, "status", "headers", "body");
        List<FieldCheck> headers = new ArrayList<>();
        MapNode h = f.map("headers", false);
        if (h != null) {
            h.entries().forEach((name, value) -> headers.add(build(file, value, () -> FieldCheck.header(name, rule(file, value)))));
        }
        List<FieldCheck> body = new ArrayList<>();
        MapNode b = f.map("body", false);
        if (b != null) {
            b.entries().forEach((pointer, value) -> body.add(build(file, value, () -> FieldCheck.body(pointer, rule(file, value)))));
        }
        return build(file, node, () -> new Expectation((int) f.integer("status", true), headers, body));
    }

    private static Rule rule(String file, Node node) {
        if (node instanceof ScalarNode scalar) {
            return new Rule.Equals(scalar.json(), null);
        }
        if (node instanceof ListNode) {
            throw Prod2TestException.invalidInput(file, node.line(), node.path(),
                    "a list is compared with {array: ordered|unordered, items: [...], why: ...} or {equals: [...]}");
        }
        MapNode map = (MapNode) node;
        Set<String> keys = map.entries().keySet();
        if (keys.contains("equals")) {
            Fields f = new Fields(file, map, "equals", "why");
            return new Rule.Equals(map.entries().get("equals").json(), f.text("why", false));
        }
        if (keys.contains("array")) {
            Fields f = new Fields(file, map, "array", "items", "size", "ignore", "why");
            Node items = map.entries().get("items");
            return build(file, map, () -> new Rule.ArrayOf(enumValue(file, f.scalar("array", true), Rule.ArrayMode.class),
                    items == null ? null : items.json(), (int) (map.entries().containsKey("size") ? f.integer("size", true) : -1),
                    f.textList("ignore"), f.text("why", false)));
        }
        if (keys.contains("absent")) {
            Fields f = new Fields(file, map, "absent", "why");
            ScalarNode absent = f.scalar("absent", true);
            if (!absent.json().isBoolean() || !absent.json().booleanValue()) {
                throw Prod2TestException.invalidInput(file, absent.line(), absent.path(), "absent takes only the value true");
            }
            return new Rule.Absent(f.text("why", false));
        }
        if (keys.contains("type") || keys.contains("format")) {
            Fields f = new Fields(file, map, "type", "format", "pattern", "why");
            ScalarNode type = f.scalar("type", false);
            ScalarNode format = f.scalar("format", false);
            return build(file, map, () -> new Rule.Matches(
                    type == null ? Rule.ValueType.STRING : enumValue(file, type, Rule.ValueType.class),
                    format == null ? null : enumValue(file, format, Rule.ValueFormat.class),
                    f.text("pattern", false), f.text("why", false)));
        }
        throw Prod2TestException.invalidInput(file, map.line(), map.path(),
                "a check is a value, or a mapping with one of equals, type/format, array or absent (found " + keys + ")");
    }

    private static <E extends Enum<E>> E enumValue(String file, ScalarNode node, Class<E> type) {
        String text = node.json().asText();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw Prod2TestException.invalidInput(file, node.line(), node.path(), "must be one of " + allowed + ", was '" + text + "'");
    }

    private static String scalarText(String file, Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.json().isNull()) {
            throw Prod2TestException.invalidInput(file, node.line(), node.path(), "must be a single value, was " + node.kind());
        }
        return scalar.json().asText();
    }

    private static MapNode asMap(String file, Node node, String expected) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw Prod2TestException.invalidInput(file, node.line(), node.path(), expected + ", was " + node.kind());
    }

    /** Runs a record constructor; its rule violation becomes an error at the node's line and field. */
    private static <T> T build(String file, Node node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw Prod2TestException.invalidInput(file, node.line(), node.path().isEmpty() ? null : node.path(), e.getMessage());
        }
    }

    private static String text(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fields of one mapping: unknown keys are rejected, missing required ones named. */
    private static final class Fields {
        private final String file;
        private final MapNode node;

        Fields(String file, MapNode node, String... allowed) {
            this.file = file;
            this.node = node;
            List<String> known = List.of(allowed);
            for (Map.Entry<String, Node> e : node.entries().entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw Prod2TestException.invalidInput(file, e.getValue().line(), e.getValue().path(),
                            "unknown key; allowed here: " + String.join(", ", known));
                }
            }
        }

        private Node get(String key, boolean required) {
            Node value = node.entries().get(key);
            if (value == null && required) {
                throw Prod2TestException.invalidInput(file, node.line(), child(key), "is required");
            }
            return value;
        }

        private String child(String key) {
            return node.path().isEmpty() ? key : node.path() + "." + key;
        }

        ScalarNode scalar(String key, boolean required) {
            Node value = get(key, required);
            if (value == null) {
                return null;
            }
            if (value instanceof ScalarNode s && !s.json().isNull()) {
                return s;
            }
            throw Prod2TestException.invalidInput(file, value.line(), value.path(), "must be a single value, was " + value.kind());
        }

        String text(String key, boolean required) {
            ScalarNode s = scalar(key, required);
            return s == null ? null : s.json().asText();
        }

        long integer(String key, boolean required) {
            ScalarNode s = scalar(key, required);
            if (s == null) {
                return 0;
            }
            if (!s.json().isIntegralNumber() || !s.json().canConvertToLong()) {
                throw Prod2TestException.invalidInput(file, s.line(), s.path(), "must be a whole number, was " + s.json());
            }
            return s.json().longValue();
        }

        double decimal(String key, boolean required) {
            ScalarNode s = scalar(key, required);
            if (s == null) {
                return 0;
            }
            if (!s.json().isNumber()) {
                throw Prod2TestException.invalidInput(file, s.line(), s.path(), "must be a number, was " + s.json());
            }
            return s.json().doubleValue();
        }

        MapNode map(String key, boolean required) {
            Node value = get(key, required);
            if (value == null || value instanceof MapNode) {
                return (MapNode) value;
            }
            throw Prod2TestException.invalidInput(file, value.line(), value.path(), "must be a mapping, was " + value.kind());
        }

        ListNode list(String key, boolean required) {
            Node value = get(key, required);
            if (value == null || value instanceof ListNode) {
                return (ListNode) value;
            }
            throw Prod2TestException.invalidInput(file, value.line(), value.path(), "must be a list, was " + value.kind());
        }

        List<String> textList(String key) {
            ListNode list = list(key, false);
            if (list == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            list.items().forEach(item -> out.add(scalarText(file, item)));
            return out;
        }
    }

}

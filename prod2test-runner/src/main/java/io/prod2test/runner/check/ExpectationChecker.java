package io.prod2test.runner.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.runner.play.Bindings;
import io.prod2test.runner.play.Response;
import io.prod2test.runner.scenario.Expectation;
import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import java.util.ArrayList;
import java.util.List;

/** Compares one response with its step's expectation. */
public final class ExpectationChecker {
    private ExpectationChecker() {
    }

    /**
     * Every difference between {@code response} and {@code expect}; empty when it matches.
     *
     * @param step     the 1-based step number, for the differences
     * @param label    the step's label
     * @param bindings captured values that expected strings may refer to
     */
    public static List<Difference> check(int step, String label, Expectation expect, Response response, Bindings bindings) {
        List<Difference> out = new ArrayList<>();
        if (response.status() != expect.status()) {
            String error = response.json() != null && response.json().hasNonNull("error")
                    ? " (" + JsonValues.show(response.json()) + ")" : "";
            out.add(new Difference(step, label, "status", String.valueOf(expect.status()), response.status() + error));
        }
        for (FieldCheck check : expect.headers()) {
            String value = response.header(check.locator());
            JsonNode actual = value == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
            String problem = problem(check.rule(), actual, bindings);
            if (problem != null) {
                out.add(new Difference(step, label, "header " + check.locator(), expected(check.rule(), bindings), problem));
            }
        }
        for (FieldCheck check : expect.body()) {
            String field = "body " + (check.locator().isEmpty() ? "(whole)" : check.locator());
            if (response.json() == null) {
                out.add(new Difference(step, label, field, expected(check.rule(), bindings),
                        "(the body is not JSON: " + cut(response.text()) + ")"));
                continue;
            }
            JsonNode actual = response.json().at(check.locator());
            String problem = problem(check.rule(), actual.isMissingNode() ? null : actual, bindings);
            if (problem != null) {
                out.add(new Difference(step, label, field, expected(check.rule(), bindings), problem));
            }
        }
        return out;
    }

    /** What the rule wants, in words. */
    static String expected(Rule rule, Bindings bindings) {
        return switch (rule) {
            case Rule.Equals eq -> JsonValues.show(resolve(eq.value(), bindings));
            case Rule.Matches m -> m.type().yamlName() + (m.format() == null ? "" : " in format " + m.format().yamlName()
                    + (m.pattern() == null ? "" : " /" + m.pattern() + "/"));
            case Rule.ArrayOf a -> switch (a.mode()) {
                case SIZE -> "an array of " + a.size();
                case ORDERED -> "in this order " + JsonValues.show(resolve(a.items(), bindings));
                case UNORDERED -> "in any order " + JsonValues.show(resolve(a.items(), bindings));
            };
            case Rule.Absent ignored -> "(absent)";
        };
    }

    /** Null when {@code actual} (null when absent) satisfies the rule, else how it looks instead. */
    static String problem(Rule rule, JsonNode actual, Bindings bindings) {
        if (rule instanceof Rule.Absent) {
            return actual == null ? null : JsonValues.show(actual);
        }
        if (actual == null) {
            return "(absent)";
        }
        switch (rule) {
            case Rule.Equals eq -> {
                JsonNode expected = resolve(eq.value(), bindings);
                return JsonValues.same(expected, actual) ? null : JsonValues.show(actual);
            }
            case Rule.Matches m -> {
                if (!m.type().accepts(actual)) {
                    return JsonValues.typeOf(actual) + " " + JsonValues.show(actual);
                }
                if (m.format() != null && !m.format().accepts(actual.asText(), m.pattern())) {
                    return JsonValues.show(actual);
                }
                return null;
            }
            case Rule.ArrayOf a -> {
                if (!actual.isArray()) {
                    return JsonValues.typeOf(actual) + " " + JsonValues.show(actual);
                }
                if (a.mode() == Rule.ArrayMode.SIZE) {
                    return actual.size() == a.size() ? null : "an array of " + actual.size();
                }
                List<JsonNode> expected = new ArrayList<>();
                JsonValues.elements(resolve(a.items(), bindings)).forEach(e -> expected.add(JsonValues.without(e, a.ignore())));
                List<JsonNode> got = new ArrayList<>();
                JsonValues.elements(actual).forEach(e -> got.add(JsonValues.without(e, a.ignore())));
                boolean same = a.mode() == Rule.ArrayMode.ORDERED
                        ? JsonValues.same(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(expected),
                                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(got))
                        : JsonValues.sameUnordered(expected, got);
                return same ? null : JsonValues.show(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(got));
            }
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
    }

    private static JsonNode resolve(JsonNode value, Bindings bindings) {
        return bindings.resolve(value);
    }

    private static String cut(String text) {
        if (text == null || text.isEmpty()) {
            return "empty";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}

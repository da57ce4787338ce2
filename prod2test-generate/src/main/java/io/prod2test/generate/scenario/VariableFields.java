package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, field by field, how a step's response is checked: by value when it is stable, by type
 * and format when it varies by run (generated ids, timestamps, tokens), by reference when an earlier
 * step returned it, and arrays element by element with their varying fields left out. Variation is
 * found by comparing the same step in many sessions of the flow and by the value's format; each
 * check says why.
 */
final class VariableFields {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PREFIXED_ID = Pattern.compile("([A-Za-z]{1,12}[_-])([0-9a-f]{6,64}|[0-9A-Za-z]{10,64})");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_.:-]{8,}");

    /**
     * What is known when a step's response is checked.
     *
     * @param before      values earlier steps captured: value text -> capture name
     * @param own         values this step's response produces for later steps: value text -> capture name
     * @param requestValues every value this step's request sent (echoes are compared)
     * @param others      the same step's response bodies in other sessions of the flow
     * @param maskedCard  whether the request carries a masked card number the service derives fields from
     */
    record Context(Map<String, String> before, Map<String, String> own, Set<String> requestValues, List<JsonNode> others,
                   boolean maskedCard) {
    }

    private VariableFields() {
    }

    /** The body checks for {@code body} (a response), in document order. */
    static List<FieldCheck> checks(JsonNode body, Context context) {
        List<FieldCheck> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        visit(body, "", context, out);
        return out;
    }

    private static void visit(JsonNode node, String pointer, Context context, List<FieldCheck> out) {
        if (node.isObject()) {
            node.properties().forEach(p -> visit(p.getValue(), pointer + "/" + p.getKey().replace("~", "~0").replace("/", "~1"), context, out));
        } else if (node.isArray()) {
            out.add(FieldCheck.body(pointer, array(node, pointer, context)));
        } else {
            out.add(FieldCheck.body(pointer, leaf(node, pointer, values(context.others(), pointer), context)));
        }
    }

    /** The rule for one scalar, {@code others} being its values at the same place in other sessions. */
    static Rule leaf(JsonNode value, String pointer, List<JsonNode> others, Context context) {
        String sessions = " (" + (others.size() + 1) + " sessions compared)";
        if (value.isTextual()) {
            String text = value.asText();
            String produced = context.own().get(text);
            if (produced != null) {
                return format(text, "a new value on every run, captured as ${" + produced + "} for the steps after");
            }
            String earlier = context.before().get(text);
            if (earlier != null) {
                return new Rule.Equals(JsonNodeFactory.instance.textNode("${" + earlier + "}"), "the value an earlier step returned, ${" + earlier + "}");
            }
            if (pointer.matches(".*/(message|detail|description|error_description)$") && text.contains(" ")) {
                return new Rule.Matches(Rule.ValueType.STRING, null, null,
                        "a message for people, which masking may have rewritten where it quotes a value; the code beside it is compared");
            }
            boolean echoed = context.requestValues().contains(text);
            boolean varies = others.stream().anyMatch(o -> !o.equals(value));
            if (!echoed && generated(text)) {
                return format(text, "a generated " + describe(text) + ", new on every run" + (varies ? sessions : ""));
            }
            if (!echoed && varies && OPAQUE.matcher(text).matches() && hasLetterAndDigit(text)) {
                return format(text, "an opaque value that differs in every session" + sessions);
            }
            if (context.maskedCard() && pointer.endsWith("/last4")) {
                return new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.REGEX, "^[0-9]{4}$",
                        "the last four digits of a masked card number: masking changed the number this scenario sends");
            }
        }
        boolean varies = others.stream().anyMatch(o -> !sameValue(o, value));
        String why = others.isEmpty() ? "as production answered; no other session to compare"
                : varies ? "differs between sessions with their input; this session's request gives this value"
                : "the same in every session" + sessions;
        return new Rule.Equals(value.isTextual() ? JsonNodeFactory.instance.textNode(Captures.escape(value.asText())) : value, why);
    }

    /**
     * Arrays are compared element by element in the order production returned them, leaving out
     * fields inside the elements that vary by run; an empty array by its size.
     */
    static Rule array(JsonNode array, String pointer, Context context) {
        if (array.isEmpty()) {
            return new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, 0, List.of(), "empty in the production session");
        }
        Set<String> ignore = new LinkedHashSet<>();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementPointer = pointer + "/" + i;
            items.add(element(element, "", elementPointer, context, ignore));
        }
        List<JsonNode> others = values(context.others(), pointer);
        boolean sameOrderEverywhere = others.stream().allMatch(o -> !o.isArray() || o.size() != array.size() || sameElements(o, array) == sameOrder(o, array));
        String why = "compared element by element in production's order"
                + (others.isEmpty() ? "" : sameOrderEverywhere ? "; no session compared saw these elements in another order" : "")
                + (ignore.isEmpty() ? "" : "; " + String.join(", ", ignore) + " of each element vary by run");
        return new Rule.ArrayOf(Rule.ArrayMode.ORDERED, items, -1, List.copyOf(ignore), why);
    }

    private static JsonNode element(JsonNode node, String relative, String absolute, Context context, Set<String> ignore) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(p -> {
                String token = "/" + p.getKey().replace("~", "~0").replace("/", "~1");
                out.set(p.getKey(), element(p.getValue(), relative + token, absolute + token, context, ignore));
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(element(node.get(i), relative + "/" + i, absolute + "/" + i, context, ignore));
            }
            return out;
        }
        Rule rule = leaf(node, absolute, values(context.others(), absolute), context);
        if (rule instanceof Rule.Equals eq) {
            return eq.value();
        }
        ignore.add(relative.isEmpty() ? "" : relative);
        return node.isTextual() ? JsonNodeFactory.instance.textNode(Captures.escape(node.asText())) : node;
    }

    /** A string check by the value's format: timestamp, UUID, or the value's shape as a pattern. */
    static Rule format(String text, String why) {
        if (TIMESTAMP.matcher(text).matches()) {
            return new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.TIMESTAMP, null, why);
        }
        if (UUID.matcher(text).matches()) {
            return new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.UUID, null, why);
        }
        return new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.REGEX, shape(text), why);
    }

    /** A pattern of the value's shape: {@code pay_1384077190d43156} -> {@code ^pay_[0-9a-f]{16}$}. */
    static String shape(String text) {
        var m = PREFIXED_ID.matcher(text);
        if (m.matches()) {
            String body = m.group(2);
            String chars = body.matches("[0-9a-f]+") ? "[0-9a-f]" : "[0-9A-Za-z]";
            return "^" + Pattern.quote(m.group(1)).replace("\\Q", "").replace("\\E", "") + chars + "{" + body.length() + "}$";
        }
        StringBuilder out = new StringBuilder("^");
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            String cls = Character.isDigit(c) ? "[0-9]" : Character.isLetter(c) && c < 128 ? "[A-Za-z]" : null;
            if (cls == null) {
                out.append(Pattern.quote(String.valueOf(c)));
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && (cls.equals("[0-9]") ? Character.isDigit(text.charAt(j))
                    : Character.isLetter(text.charAt(j)) && text.charAt(j) < 128)) {
                j++;
            }
            out.append(cls).append('{').append(j - i).append('}');
            i = j;
        }
        // Opaque tokens mix letters and digits freely: only the alphabet and length are stable.
        if (text.length() >= 12 && OPAQUE.matcher(text).matches() && hasLetterAndDigit(text)) {
            return "^[A-Za-z0-9+/=_.:-]{" + text.length() + "}$";
        }
        return out.append('$').toString();
    }

    /** Whether the value looks generated by the system: a timestamp, a UUID, a prefixed id. */
    static boolean generated(String text) {
        return TIMESTAMP.matcher(text).matches() || UUID.matcher(text).matches()
                || (PREFIXED_ID.matcher(text).matches() && text.chars().anyMatch(Character::isDigit));
    }

    private static String describe(String text) {
        return TIMESTAMP.matcher(text).matches() ? "timestamp" : UUID.matcher(text).matches() ? "UUID" : "id";
    }

    private static boolean hasLetterAndDigit(String text) {
        return text.chars().anyMatch(Character::isDigit) && text.chars().anyMatch(Character::isLetter);
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean sameElements(JsonNode a, JsonNode b) {
        List<JsonNode> left = new ArrayList<>();
        a.forEach(left::add);
        List<JsonNode> right = new ArrayList<>();
        b.forEach(right::add);
        return new HashSet<>(left).equals(new HashSet<>(right));
    }

    private static boolean sameOrder(JsonNode a, JsonNode b) {
        return a.equals(b);
    }

    private static List<JsonNode> values(List<JsonNode> bodies, String pointer) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode body : bodies) {
            if (body == null) {
                continue;
            }
            JsonNode v = pointer.isEmpty() ? body : body.at(pointer);
            if (!v.isMissingNode()) {
                out.add(v);
            }
        }
        return out;
    }
}

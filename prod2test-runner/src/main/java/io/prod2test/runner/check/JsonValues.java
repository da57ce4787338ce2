package io.prod2test.runner.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON comparison as a scenario means it: numbers by value, objects by their fields. */
public final class JsonValues {
    private static final int SHOWN = 200;

    private JsonValues() {
    }

    /** Whether the two are equal; {@code 49.8} equals {@code 49.80}, key order does not matter. */
    public static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                JsonNode other = actual.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** A copy of {@code node} with the fields at {@code pointers} removed (for array elements that vary by run). */
    public static JsonNode without(JsonNode node, List<String> pointers) {
        if (pointers.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        for (String pointer : pointers) {
            int slash = pointer.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            JsonNode parent = copy.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            if (parent instanceof ObjectNode o) {
                o.remove(last);
            } else if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
                a.remove(Integer.parseInt(last));
            }
        }
        return copy;
    }

    /** Whether every element of {@code expected} pairs with a distinct equal element of {@code actual}. */
    public static boolean sameUnordered(List<JsonNode> expected, List<JsonNode> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        boolean[] used = new boolean[actual.size()];
        outer:
        for (JsonNode e : expected) {
            for (int i = 0; i < actual.size(); i++) {
                if (!used[i] && same(e, actual.get(i))) {
                    used[i] = true;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** The value as a reviewer reads it: compact JSON, cut at 200 characters. */
    public static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(absent)";
        }
        String text = node.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    static String typeOf(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        return "null";
    }

    static List<JsonNode> elements(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}

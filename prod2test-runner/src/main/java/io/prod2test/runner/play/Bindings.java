package io.prod2test.runner.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.runner.scenario.References;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values captured so far in one run of a scenario, and their substitution into later requests
 * and expectations. A string that is exactly one reference ({@code "${amount}"}) takes the captured
 * value with its JSON type; a reference inside a longer string is replaced by the value's text.
 */
public final class Bindings {
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    /** Records a captured value. */
    public void put(String name, JsonNode value) {
        values.put(name, value);
    }

    /** The captured values, in capture order. */
    public Map<String, JsonNode> values() {
        return Map.copyOf(values);
    }

    /** {@code text} with its references replaced. */
    public String resolve(String text) {
        return text == null ? null : References.substitute(text, this::text);
    }

    /** A copy of {@code node} with references in its strings and keys replaced. */
    public JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String whole = References.whole(node.asText());
            if (whole != null) {
                return value(whole).deepCopy();
            }
            return JsonNodeFactory.instance.textNode(resolve(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set(resolve(e.getKey()), resolve(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(resolve(child)));
            return out;
        }
        return node;
    }

    private JsonNode value(String name) {
        JsonNode value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("${" + name + "} was not captured: its step did not return it");
        }
        return value;
    }

    private String text(String name) {
        JsonNode value = value(name);
        return value.isValueNode() ? value.asText() : value.toString();
    }
}

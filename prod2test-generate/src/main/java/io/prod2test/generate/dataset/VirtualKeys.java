package io.prod2test.generate.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Reads and rewrites the key a virtual foreign key names: a column's value, or a value inside its JSON. */
final class VirtualKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VirtualKeys() {
    }

    /** The referenced key in a row, or null when there is none (no value, no such JSON field, JSON that does not parse). */
    static Object value(DatasetConfig.VirtualForeignKey vfk, Map<String, Object> row) {
        Object value = row.get(vfk.column());
        if (value == null || vfk.path() == null) {
            return value;
        }
        JsonNode node = at(parse(value), vfk.pathFields());
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.isIntegralNumber() ? (Object) node.asLong() : node.asText();
    }

    /** The row's column with the key replaced by {@code replacement}: the whole value, or the field inside its JSON. */
    static Object replaced(DatasetConfig.VirtualForeignKey vfk, Object columnValue, Object replacement) {
        if (vfk.path() == null) {
            return replacement;
        }
        JsonNode root = parse(columnValue);
        List<String> fields = vfk.pathFields();
        JsonNode parent = at(root, fields.subList(0, fields.size() - 1));
        if (!(parent instanceof ObjectNode object)) {
            return columnValue;
        }
        String field = fields.getLast();
        if (replacement instanceof Number n) {
            object.put(field, n.longValue());
        } else {
            object.put(field, String.valueOf(replacement));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that was just read cannot be written", e);
        }
    }

    private static JsonNode parse(Object value) {
        try {
            return JSON.readTree(String.valueOf(value));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode at(JsonNode root, List<String> fields) {
        JsonNode node = root;
        for (String field : fields) {
            if (node == null) {
                return null;
            }
            node = node.get(field);
        }
        return node;
    }
}

package io.prod2test.runner.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line and its field path, so that a
 * validation error can name both. Jackson's own tree forgets where a value was; this one is built
 * from the streaming parser, which still knows.
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    /** A node of the tree: {@code path} is the field path such as {@code steps[1].request.method}. */
    sealed interface Node permits MapNode, ListNode, ScalarNode {
        String path();

        int line();

        /** The node as plain JSON (request bodies and expected values are JSON). */
        JsonNode json();

        /** What kind of node this is, for messages. */
        String kind();
    }

    record MapNode(String path, int line, Map<String, Node> entries) implements Node {
        @Override
        public JsonNode json() {
            ObjectNode o = JSON.objectNode();
            entries.forEach((k, v) -> o.set(k, v.json()));
            return o;
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(String path, int line, List<Node> items) implements Node {
        @Override
        public JsonNode json() {
            ArrayNode a = JSON.arrayNode();
            items.forEach(i -> a.add(i.json()));
            return a;
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    record ScalarNode(String path, int line, JsonNode json) implements Node {
        @Override
        public String kind() {
            return json.isTextual() ? "a string" : json.isNumber() ? "a number" : json.isBoolean() ? "a boolean" : "null";
        }
    }

    private YamlTree() {
    }

    /** Parses {@code text}; a syntax error names {@code file} and its line. An empty document is null. */
    static Node parse(String file, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            return read(p, file, "", 0);
        } catch (Prod2TestException e) {
            throw e;
        } catch (IOException e) {
            long line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw Prod2TestException.invalidInput(file, line, null, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Reads the value at the current token; {@code keyLine} (when above 0) is the line of its key. */
    private static Node read(JsonParser p, String file, String path, int keyLine) throws IOException {
        int line = keyLine > 0 ? keyLine : p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                boolean first = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int fieldLine = p.currentTokenLocation().getLineNr();
                    if (first && keyLine <= 0) {
                        // A block mapping starts where its first key is, e.g. the "- request:" of a list item.
                        line = fieldLine;
                    }
                    first = false;
                    p.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw Prod2TestException.invalidInput(file, fieldLine, childPath, "the key is given twice");
                    }
                    entries.put(key, read(p, file, childPath, fieldLine));
                }
                return new MapNode(path, line, Collections.unmodifiableMap(entries));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, path + "[" + items.size() + "]", 0));
                }
                return new ListNode(path, line, List.copyOf(items));
            }
            case VALUE_STRING -> {
                return new ScalarNode(path, line, JSON.textNode(p.getText()));
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(path, line, switch (p.getNumberType()) {
                    case INT -> JSON.numberNode(p.getIntValue());
                    case LONG -> JSON.numberNode(p.getLongValue());
                    default -> JSON.numberNode(p.getBigIntegerValue());
                });
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(path, line, JSON.numberNode(p.getDecimalValue()));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(path, line, JSON.booleanNode(token == JsonToken.VALUE_TRUE));
            }
            case VALUE_NULL -> {
                return new ScalarNode(path, line, JSON.nullNode());
            }
            default -> throw Prod2TestException.invalidInput(file, line, path, "unexpected YAML token " + token);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

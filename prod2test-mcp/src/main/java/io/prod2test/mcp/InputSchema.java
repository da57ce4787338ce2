package io.prod2test.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's input: a JSON Schema (draft 2020-12 subset: an object of typed properties, bounds,
 * patterns, enums, no extra properties) that is both advertised to the client and enforced on
 * every call, so what the LLM is told and what the server accepts cannot drift apart.
 */
public final class InputSchema {
    private final Map<String, Param> params;
    private final List<String> required;

    private InputSchema(Map<String, Param> params, List<String> required) {
        this.params = Map.copyOf(params);
        this.required = List.copyOf(required);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The schema as a JSON object, for {@code tools/list}. */
    public Map<String, Object> json() {
        Map<String, Object> properties = new LinkedHashMap<>();
        params.values().stream().sorted(java.util.Comparator.comparingInt(Param::order)).forEach(p -> properties.put(p.name(), p.json()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * Checks a call's arguments against the schema.
     *
     * @throws InvalidParams naming the first argument that breaks a rule, and the rule
     */
    public Arguments validate(Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        for (String name : given.keySet()) {
            if (!params.containsKey(name)) {
                throw new InvalidParams("unknown argument '" + name + "'; this tool takes " + params.keySet().stream().sorted().toList());
            }
        }
        for (String name : required) {
            if (given.get(name) == null) {
                throw new InvalidParams("argument '" + name + "' is required");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params.values()) {
            Object value = given.get(p.name());
            if (value == null) {
                if (p.defaultValue() != null) {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            values.put(p.name(), p.check(value));
        }
        return new Arguments(values);
    }

    /** One property. */
    record Param(int order, String name, String type, String description, Number minimum, Number maximum, Integer maxLength,
                 String pattern, List<String> enumeration, Object defaultValue, Integer maxItems) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            if (type.equals("string[]")) {
                json.put("type", "array");
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("type", "string");
                if (maxLength != null) {
                    items.put("maxLength", maxLength);
                }
                if (pattern != null) {
                    items.put("pattern", pattern);
                }
                json.put("items", items);
                json.put("minItems", 1);
                if (maxItems != null) {
                    json.put("maxItems", maxItems);
                }
            } else {
                json.put("type", type);
            }
            json.put("description", description);
            if (minimum != null) {
                json.put("minimum", minimum);
            }
            if (maximum != null) {
                json.put("maximum", maximum);
            }
            if (maxLength != null && !type.equals("string[]")) {
                json.put("maxLength", maxLength);
            }
            if (pattern != null && !type.equals("string[]")) {
                json.put("pattern", pattern);
            }
            if (enumeration != null) {
                json.put("enum", enumeration);
            }
            if (defaultValue != null) {
                json.put("default", defaultValue);
            }
            return json;
        }

        Object check(Object value) {
            return switch (type) {
                case "string" -> checkString(value);
                case "integer" -> checkInteger(value);
                case "boolean" -> {
                    if (!(value instanceof Boolean)) {
                        throw wrongType(value, "a boolean");
                    }
                    yield value;
                }
                case "string[]" -> {
                    if (!(value instanceof List<?> list) || list.isEmpty()) {
                        throw wrongType(value, "a non-empty array of strings");
                    }
                    if (maxItems != null && list.size() > maxItems) {
                        throw new InvalidParams("argument '" + name + "' holds " + list.size() + " items, at most " + maxItems + " allowed");
                    }
                    List<String> strings = new ArrayList<>();
                    for (Object item : list) {
                        strings.add(checkString(item));
                    }
                    yield List.copyOf(strings);
                }
                default -> throw new IllegalStateException("unknown parameter type " + type);
            };
        }

        private String checkString(Object value) {
            if (!(value instanceof String s)) {
                throw wrongType(value, "a string");
            }
            if (maxLength != null && s.length() > maxLength) {
                throw new InvalidParams("argument '" + name + "' is " + s.length() + " characters long, at most " + maxLength + " allowed");
            }
            if (pattern != null && !s.matches(pattern)) {
                throw new InvalidParams("argument '" + name + "' must match " + pattern + ", was '" + s + "'");
            }
            if (enumeration != null && !enumeration.contains(s)) {
                throw new InvalidParams("argument '" + name + "' must be one of " + enumeration + ", was '" + s + "'");
            }
            return s;
        }

        private Long checkInteger(Object value) {
            long n;
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                n = ((Number) value).longValue();
            } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && !Double.isInfinite(number.doubleValue())) {
                n = number.longValue();
            } else {
                throw wrongType(value, "an integer");
            }
            if (minimum != null && n < minimum.longValue() || maximum != null && n > maximum.longValue()) {
                throw new InvalidParams("argument '" + name + "' must be between " + minimum + " and " + maximum + ", was " + n);
            }
            return n;
        }

        private InvalidParams wrongType(Object value, String expected) {
            String got = value instanceof String ? "the string \"" + value + "\"" : value instanceof List ? "an array"
                    : value instanceof Map ? "an object" : String.valueOf(value);
            return new InvalidParams("argument '" + name + "' must be " + expected + ", was " + got);
        }
    }

    /** Builds a schema parameter by parameter; each needs a description an LLM can act on. */
    public static final class Builder {
        private final Map<String, Param> params = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();

        public Builder string(String name, String description, Integer maxLength, String pattern) {
            return add(name, "string", description, null, null, maxLength, pattern, null, null, null);
        }

        public Builder choice(String name, String description, List<String> values, String defaultValue) {
            return add(name, "string", description, null, null, null, null, values, defaultValue, null);
        }

        public Builder integer(String name, String description, long minimum, long maximum, Long defaultValue) {
            return add(name, "integer", description, minimum, maximum, null, null, null, defaultValue, null);
        }

        public Builder bool(String name, String description, boolean defaultValue) {
            return add(name, "boolean", description, null, null, null, null, null, defaultValue, null);
        }

        public Builder strings(String name, String description, int maxItems, int maxLength) {
            return strings(name, description, maxItems, maxLength, null);
        }

        /** An array of strings, each matching {@code pattern}. */
        public Builder strings(String name, String description, int maxItems, int maxLength, String pattern) {
            return add(name, "string[]", description, null, null, maxLength, pattern, null, null, maxItems);
        }

        public Builder required(String... names) {
            for (String name : names) {
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("required parameter '" + name + "' is not declared");
                }
                required.add(name);
            }
            return this;
        }

        public InputSchema build() {
            return new InputSchema(params, required);
        }

        private Builder add(String name, String type, String description, Number min, Number max, Integer maxLength, String pattern,
                            List<String> values, Object defaultValue, Integer maxItems) {
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "' needs a description");
            }
            if (params.put(name, new Param(params.size(), name, type, description, min, max, maxLength, pattern,
                    values == null ? null : List.copyOf(values), defaultValue, maxItems)) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' declared twice");
            }
            return this;
        }
    }
}

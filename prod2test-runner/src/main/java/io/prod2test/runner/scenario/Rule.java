package io.prod2test.runner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a response field must be. Fields that are stable across runs are compared with {@link
 * Equals}; fields that vary by run (generated ids, timestamps, tokens) with {@link Matches}, which
 * checks only type and format and must say {@code why}; arrays by their semantics with {@link
 * ArrayOf}; {@link Absent} for a field that must not be there.
 */
public sealed interface Rule permits Rule.Equals, Rule.Matches, Rule.ArrayOf, Rule.Absent {

    /** Why the field is compared this way, for a reviewer; may be null for {@link Equals}. */
    String why();

    /**
     * The field equals {@code value}. Numbers compare by value ({@code 49.8} equals {@code 49.80});
     * strings may hold {@code ${name}} references.
     */
    record Equals(JsonNode value, String why) implements Rule {
        public Equals {
            if (value == null) {
                throw new IllegalArgumentException("an equals rule needs a value (use JSON null for null)");
            }
            value = value.deepCopy();
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }
    }

    /** The field has this JSON type and, when given, this format; used for values that vary by run. */
    record Matches(ValueType type, ValueFormat format, String pattern, String why) implements Rule {
        public Matches {
            if (type == null) {
                throw new IllegalArgumentException("a type check needs a type: string, number, integer, boolean, object, array or null");
            }
            if (format != null && type != ValueType.STRING) {
                throw new IllegalArgumentException("a format applies to strings only, the type was " + type.yamlName());
            }
            if ((format == ValueFormat.REGEX) != (pattern != null)) {
                throw new IllegalArgumentException("a pattern goes with format regex, and format regex needs a pattern");
            }
            if (pattern != null) {
                Checks.compile(pattern);
            }
            Checks.requireText(why, "the why of a type or format check (why the value is not compared)");
        }
    }

    /**
     * An array compared by its semantics: {@code ORDERED} element by element, {@code UNORDERED} as
     * a multiset, {@code SIZE} by its length only. {@code ignore} lists pointers inside each element
     * that are left out of the comparison (ids that vary by run).
     */
    record ArrayOf(ArrayMode mode, JsonNode items, int size, List<String> ignore, String why) implements Rule {
        public ArrayOf {
            if (mode == null) {
                throw new IllegalArgumentException("an array check needs a mode: ordered, unordered or size");
            }
            if (mode == ArrayMode.SIZE) {
                if (size < 0) {
                    throw new IllegalArgumentException("an array size check needs a size of 0 or more, was " + size);
                }
                if (items != null) {
                    throw new IllegalArgumentException("an array size check takes a size, not items");
                }
            } else if (items == null || !items.isArray()) {
                throw new IllegalArgumentException("an " + mode.yamlName() + " array check needs its items as a list");
            }
            items = items == null ? null : items.deepCopy();
            ignore = List.copyOf(ignore == null ? List.of() : ignore).stream().map(JsonPointers::normalise).toList();
            Checks.requireText(why, "the why of an array check (what the array's order means)");
        }

        @Override
        public JsonNode items() {
            return items == null ? null : items.deepCopy();
        }
    }

    /** The field must not be present. */
    record Absent(String why) implements Rule {
    }

    /** JSON types. */
    enum ValueType {
        STRING, NUMBER, INTEGER, BOOLEAN, OBJECT, ARRAY, NULL;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether {@code node} is of this type; an integer is also a number. */
        public boolean accepts(JsonNode node) {
            return switch (this) {
                case STRING -> node.isTextual();
                case NUMBER -> node.isNumber();
                case INTEGER -> node.isIntegralNumber()
                        || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
                case BOOLEAN -> node.isBoolean();
                case OBJECT -> node.isObject();
                case ARRAY -> node.isArray();
                case NULL -> node.isNull();
            };
        }
    }

    /** String formats a value that varies by run is checked against. */
    enum ValueFormat {
        /** An RFC 4122 UUID. */
        UUID("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
        /** An ISO-8601 date-time with offset or Z, e.g. {@code 2026-11-02T09:14:03.120Z}. */
        TIMESTAMP("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})"),
        /** An ISO-8601 date, {@code 2026-11-02}. */
        DATE("\\d{4}-\\d{2}-\\d{2}"),
        /** An e-mail address. */
        EMAIL("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        /** An absolute URI or an absolute path. */
        URI("([a-zA-Z][a-zA-Z0-9+.-]*:|/)\\S*"),
        /** Any string matching the rule's {@code pattern}. */
        REGEX(null);

        private final Pattern shape;

        ValueFormat(String regex) {
            this.shape = regex == null ? null : Pattern.compile(regex);
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether {@code text} has this format ({@code pattern} is used for REGEX). */
        public boolean accepts(String text, String pattern) {
            Pattern p = this == REGEX ? Pattern.compile(pattern) : shape;
            return p.matcher(text).matches();
        }
    }

    /** How an array is compared. */
    enum ArrayMode {
        ORDERED, UNORDERED, SIZE;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

package io.prod2test.mask;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which locations hold what, and what to do with them: rules by location, each with a
 * {@link Strategy}; everything no rule covers goes to the detectors when {@link #detect()} is on.
 * Read from YAML, its own file or the {@code masking:} section of {@code prod2test.yaml}.
 */
public final class MaskingPolicy {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The kinds of location a rule can name. */
    public enum Where {
        HEADER, QUERY, COOKIE, PATH_SEGMENT, BODY, COLUMN, FIELD;

        @JsonCreator
        static Where parse(String name) {
            String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values()).filter(w -> w.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("where must be one of "
                            + Arrays.stream(values()).map(w -> w.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", ")) + ", was '" + name + "'"));
        }
    }

    /**
     * One rule. Body rules name a JSON {@code path}; every other rule a {@code name}: a header,
     * query parameter or cookie name, the literal path segment before the value (for
     * {@code path-segment}), {@code table.column} or {@code *.column}, or an exchange field
     * ({@code sessionId}, {@code userId}, {@code clientIp}).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rule(Where where, String name, String path, Strategy strategy) {
        @JsonCreator
        public Rule(@JsonProperty("where") Where where, @JsonProperty("name") String name,
                    @JsonProperty("path") String path, @JsonProperty("strategy") Strategy strategy) {
            if (where == null) {
                throw new IllegalArgumentException("where is required: header, query, cookie, path-segment, body, column or field");
            }
            if (strategy == null) {
                throw new IllegalArgumentException("strategy is required, e.g. keep, detect, email, identifier");
            }
            if (where == Where.BODY) {
                if (path == null || name != null) {
                    throw new IllegalArgumentException("a body rule names a JSON path (path: $..email), not a name");
                }
                JsonPathPattern.parse(path);
            } else {
                if (name == null || name.isBlank() || path != null) {
                    throw new IllegalArgumentException("a " + where.name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " rule names what it covers with name:, not path:");
                }
                if (where == Where.COLUMN && name.indexOf('.') <= 0) {
                    throw new IllegalArgumentException("a column rule's name is table.column or *.column, was '" + name + "'");
                }
            }
            this.where = where;
            this.name = name;
            this.path = path;
            this.strategy = strategy;
        }
    }

    private record Document(@JsonProperty("version") Integer version, @JsonProperty("detect") Boolean detect,
                            @JsonProperty("referenceDate") java.time.LocalDate referenceDate,
                            @JsonProperty("rules") List<Rule> rules,
                            @JsonProperty("publicValues") List<String> publicValues,
                            @JsonProperty("keepEmailCase") Boolean keepEmailCase) {
        Document {
            if (publicValues != null && publicValues.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new IllegalArgumentException("a public value must not be empty");
            }
        }
    }

    /**
     * The date ages are computed against when dates of birth move within their age band. Fixed, not
     * "today", so that a log masked this week and a database masked next month agree.
     */
    public static final java.time.LocalDate DEFAULT_REFERENCE_DATE = java.time.LocalDate.of(2026, 1, 1);

    private final boolean detect;
    private final java.time.LocalDate referenceDate;
    private final List<Rule> rules;
    private final Map<String, Strategy> byName = new HashMap<>();
    private final List<Map.Entry<JsonPathPattern, Strategy>> bodyRules = new ArrayList<>();
    private final java.util.Set<String> publicValues;
    private final boolean keepEmailCase;

    private MaskingPolicy(boolean detect, java.time.LocalDate referenceDate, List<Rule> rules, java.util.Collection<String> publicValues,
                          boolean keepEmailCase) {
        this.detect = detect;
        this.keepEmailCase = keepEmailCase;
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (String value : publicValues) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a public value must not be empty");
            }
            values.add(normalised(value));
        }
        this.publicValues = java.util.Collections.unmodifiableSet(values);
        this.referenceDate = referenceDate == null ? DEFAULT_REFERENCE_DATE : referenceDate;
        this.rules = List.copyOf(rules);
        // First rule wins, as a reader of the file would expect.
        for (Rule rule : this.rules) {
            if (rule.where() == Where.BODY) {
                bodyRules.add(Map.entry(JsonPathPattern.parse(rule.path()), rule.strategy()));
            } else {
                byName.putIfAbsent(key(rule.where(), rule.name()), rule.strategy());
            }
        }
    }

    public static MaskingPolicy of(boolean detect, List<Rule> rules) {
        return new MaskingPolicy(detect, null, rules, List.of(), false);
    }

    /**
     * This policy with more public values: values that are public and belong to nobody, such as the
     * test card numbers card networks and payment providers publish. They are kept as they are
     * wherever they appear (neither a rule nor a detector replaces them), because systems behave by
     * them: a published declining card must still decline when a scenario replays the flow.
     */
    public MaskingPolicy withPublicValues(java.util.Collection<String> values) {
        java.util.Set<String> all = new java.util.TreeSet<>(publicValues);
        all.addAll(values);
        return new MaskingPolicy(detect, referenceDate, rules, all, keepEmailCase);
    }

    /**
     * This policy with e-mail surrogates that keep the letter case of the addresses they replace
     * ({@code keepEmailCase: true} in YAML; off by default): for testing that a system treats
     * addresses case-insensitively. See {@link io.prod2test.mask.surrogate.Surrogates.Builder#keepEmailCase}.
     */
    public MaskingPolicy withKeepEmailCase(boolean keep) {
        return new MaskingPolicy(detect, referenceDate, rules, publicValues, keep);
    }

    /** Whether e-mail surrogates keep the letter case of the addresses they replace. */
    public boolean keepEmailCase() {
        return keepEmailCase;
    }

    /** The public values (card-like values without spaces and dashes); see {@link #withPublicValues}. */
    public java.util.Set<String> publicValues() {
        return publicValues;
    }

    /** Whether {@code value} is one of the public values, written with or without spaces and dashes. */
    public boolean isPublic(String value) {
        return !publicValues.isEmpty() && publicValues.contains(normalised(value));
    }

    /** Card and phone-like values are compared without their separators: 4000 0000 0000 0002 is 4000000000000002. */
    private static String normalised(String value) {
        String stripped = value.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ' ' && c != '-') {
                return stripped;
            }
        }
        return stripped.replace(" ", "").replace("-", "");
    }

    /** The policy prod2test ships: credentials replaced, plumbing kept, the rest detected. */
    public static MaskingPolicy defaults() {
        try (InputStream in = MaskingPolicy.class.getResourceAsStream("default-policy.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-policy.yaml is missing from the masking module");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "default-policy.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default masking policy", e);
        }
    }

    /**
     * Reads a policy file: a policy document, or a {@code prod2test.yaml} whose {@code masking:}
     * section is one. Errors name the file, the line and the field.
     */
    public static MaskingPolicy read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read the masking policy " + file + ": " + e.getMessage(), e);
        }
    }

    private static MaskingPolicy parse(String text, String file) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || !root.isObject()) {
                throw Prod2TestException.invalidInput(file, 0, null, "a masking policy is a YAML mapping with version, detect and rules");
            }
            // Binding from the text itself (not from the tree) keeps line numbers for errors.
            var reader = YAML.readerFor(Document.class);
            Document document = (root.has("masking") ? reader.at("/masking") : reader).readValue(text);
            if (document.version() != null && document.version() != 1) {
                throw Prod2TestException.invalidInput(file, 0, "version", "this prod2test reads masking policy version 1, not " + document.version());
            }
            return new MaskingPolicy(document.detect() == null || document.detect(), document.referenceDate(),
                    document.rules() == null ? List.of() : document.rules(),
                    document.publicValues() == null ? List.of() : document.publicValues(),
                    Boolean.TRUE.equals(document.keepEmailCase()));
        } catch (JsonProcessingException e) {
            throw invalid(file, e);
        }
    }

    private static Prod2TestException invalid(String file, JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
                .collect(Collectors.joining(".")).replace(".[", "[") : null;
        Throwable cause = e.getCause() instanceof IllegalArgumentException rule ? rule : null;
        String problem = cause != null ? cause.getMessage() : e.getOriginalMessage();
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return Prod2TestException.invalidInput(file, line, field, problem);
    }

    /** Whether values no rule covers go through the detectors. */
    public boolean detect() {
        return detect;
    }

    /** The reference date for age bands (2026-01-01 unless the policy sets {@code referenceDate}). */
    public java.time.LocalDate referenceDate() {
        return referenceDate;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The strategy for a named location, or {@code null} when no rule names it. Header names are
     * case-insensitive; a column is looked up as {@code table.column}, then {@code *.column}.
     */
    public Strategy strategyFor(Where where, String name) {
        if (where == Where.COLUMN) {
            Strategy exact = byName.get(key(where, name));
            int dot = name.indexOf('.');
            return exact != null || dot < 0 ? exact : byName.get(key(where, "*" + name.substring(dot)));
        }
        return byName.get(key(where, name));
    }

    /** The strategy for a body location ({@link String} field names and {@link Integer} indexes), or {@code null}. */
    public Strategy strategyForBody(List<Object> path) {
        for (Map.Entry<JsonPathPattern, Strategy> rule : bodyRules) {
            if (rule.getKey().matches(path)) {
                return rule.getValue();
            }
        }
        return null;
    }

    private static String key(Where where, String name) {
        String folded = where == Where.HEADER || where == Where.COLUMN ? name.toLowerCase(Locale.ROOT) : name;
        return where.name() + ':' + folded;
    }
}

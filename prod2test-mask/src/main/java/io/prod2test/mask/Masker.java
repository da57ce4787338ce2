package io.prod2test.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.Exchange;
import io.prod2test.mask.MaskingPolicy.Where;
import io.prod2test.mask.detect.Detection;
import io.prod2test.mask.detect.Detectors;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.mask.surrogate.Surrogates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks exchanges, JSON, free text and database rows with one policy and one key, so that the
 * same personal value becomes the same surrogate wherever it appears: in a log body, a header, a
 * column. The entry point of the mask stage; thread-safe.
 *
 * <p>Every value a rule does not declare safe goes through the detectors (when the policy says
 * {@code detect: true}), and each finding is replaced by its kind's keyed, format-preserving
 * surrogate. What was replaced is counted in {@link #report()}.
 */
public final class Masker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MaskingPolicy policy;
    private final Detectors detectors;
    private final Surrogates surrogates;
    private final MaskingReport report = new MaskingReport();
    private final Memo memo = new Memo();

    /**
     * Masked values by (location, field, strategy, value). Masking is deterministic, and traffic
     * repeats values all the time (the same session id on every request, a customer's e-mail in
     * each response), so the second time costs a lookup. Each entry keeps what it counted, so the
     * report stays exact. Bounded: cleared when full, which costs only recomputation.
     */
    private static final class Memo {
        private static final int MAX_ENTRIES = 200_000;
        private static final int MAX_VALUE_LENGTH = 512;

        /** @param field the field's path without array indexes: detectors read the field and its parent */
        record Key(Location location, String field, Strategy strategy, String value) {
        }

        static String field(FieldContext context) {
            String path = context.path();
            if (path.indexOf('[') < 0) {
                return path;
            }
            StringBuilder out = new StringBuilder(path.length());
            boolean inIndex = false;
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '[') {
                    inIndex = true;
                    out.append("[]");
                } else if (c == ']') {
                    inIndex = false;
                } else if (!inIndex) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        record Entry(String masked, List<String> sources, List<PiiKind> kinds) {
        }

        private final java.util.concurrent.ConcurrentHashMap<Key, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();

        Entry get(Key key) {
            return entries.get(key);
        }

        void put(Key key, Entry entry) {
            if (key.value().length() > MAX_VALUE_LENGTH) {
                return; // long texts rarely repeat and would crowd out the values that do
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, entry);
        }
    }

    private Masker(MaskingPolicy policy, Detectors detectors, Surrogates surrogates) {
        this.policy = policy;
        this.detectors = detectors;
        this.surrogates = surrogates;
    }

    public static Masker create(MaskingPolicy policy, MaskingKey key) {
        return create(policy, Detectors.standard(), key);
    }

    public static Masker create(MaskingPolicy policy, Detectors detectors, MaskingKey key) {
        return new Masker(policy, detectors, Surrogates.builder(key).referenceDate(policy.referenceDate()).build());
    }

    public MaskingReport report() {
        return report;
    }

    /** The exchange with every personal value in path, query, headers, bodies and its own fields replaced. */
    public Exchange mask(Exchange exchange) {
        return exchange.toBuilder()
                .path(maskPath(exchange.path()))
                .query(maskQuery(exchange.query()))
                .requestHeaders(maskHeaders(exchange.requestHeaders(), Location.REQUEST_HEADER))
                .requestBody(maskJson(exchange.requestBody(), Location.REQUEST_BODY))
                .responseHeaders(maskHeaders(exchange.responseHeaders(), Location.RESPONSE_HEADER))
                .responseBody(maskJson(exchange.responseBody(), Location.RESPONSE_BODY))
                .sessionId(maskField("sessionId", exchange.sessionId()))
                .userId(maskField("userId", exchange.userId()))
                .clientIp(maskField("clientIp", exchange.clientIp()))
                .build();
    }

    /**
     * A database row with its columns masked by the {@code column} rules ({@code table.column},
     * then {@code *.column}) and the detectors. Strings, numbers and dates keep their Java type;
     * other values (binary, arrays) are kept only when no rule names them.
     */
    public Map<String, Object> maskRow(String table, Map<String, Object> row) {
        Map<String, Object> masked = new LinkedHashMap<>();
        row.forEach((column, value) -> masked.put(column, maskColumn(table, column, value)));
        return masked;
    }

    /**
     * Free text with no structure known, e.g. a quarantined record. Always run through the
     * detectors, whatever the policy says: no rule can name free text safe, and a record that
     * could not be read must not leave unmasked.
     */
    public String maskText(String text) {
        return detect(text, FieldContext.text());
    }

    /** A JSON document found at {@code location}: rules by body path first, detectors for the rest. */
    public JsonNode maskJson(JsonNode node, Location location) {
        if (node == null) {
            return null;
        }
        return maskNode(node, location, new ArrayList<>(), null);
    }

    private Object maskColumn(String table, String column, Object value) {
        if (value == null) {
            return null;
        }
        String qualified = table + "." + column;
        Strategy strategy = policy.strategyFor(Where.COLUMN, qualified);
        FieldContext field = new FieldContext(Location.COLUMN, column, qualified);
        String source = "rule column " + qualified;
        if (value instanceof String s) {
            return apply(strategy, s, field, source);
        }
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            LocalDate date = value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
            String masked = apply(strategy, date.toString(), field, source);
            LocalDate result = LocalDate.parse(masked);
            return value instanceof java.sql.Date ? java.sql.Date.valueOf(result) : result;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger || value instanceof BigDecimal) {
            String masked = apply(strategy, value.toString(), field, source);
            return sameNumberType(value, masked);
        }
        return value;
    }

    private static Object sameNumberType(Object original, String masked) {
        try {
            if (original instanceof Long) {
                return Long.parseLong(masked);
            }
            if (original instanceof Integer) {
                return Integer.parseInt(masked);
            }
            if (original instanceof BigInteger) {
                return new BigInteger(masked);
            }
            return new BigDecimal(masked);
        } catch (NumberFormatException e) {
            return masked; // a surrogate that is no longer a number: the column rule asked for text
        }
    }

    private String maskPath(String path) {
        if (path.length() <= 1) {
            return path;
        }
        String[] segments = path.split("/", -1);
        String previous = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.isEmpty()) {
                Strategy strategy = previous == null ? null : policy.strategyFor(Where.PATH_SEGMENT, previous);
                String decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                String masked = apply(strategy, decoded, new FieldContext(Location.PATH_SEGMENT, previous, path),
                        "rule path-segment " + previous);
                if (!masked.equals(decoded)) {
                    segments[i] = java.net.URLEncoder.encode(masked, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
                }
            }
            previous = segment;
        }
        return String.join("/", segments);
    }

    private Map<String, List<String>> maskQuery(Map<String, List<String>> query) {
        if (query == null) {
            return null;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            Strategy strategy = policy.strategyFor(Where.QUERY, name);
            FieldContext field = FieldContext.of(Location.QUERY, name);
            masked.put(name, values.stream().map(v -> apply(strategy, v, field, "rule query " + name)).toList());
        });
        return masked;
    }

    private Map<String, String> maskHeaders(Map<String, String> headers, Location location) {
        if (headers == null) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.equals("cookie")) {
                masked.put(name, maskCookies(value));
            } else {
                masked.put(name, apply(policy.strategyFor(Where.HEADER, name), value, FieldContext.of(location, name), "rule header " + name));
            }
        });
        return masked;
    }

    private String maskCookies(String header) {
        StringBuilder out = new StringBuilder(header.length());
        for (String pair : header.split(";", -1)) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                out.append(pair);
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1);
            out.append(pair, 0, eq + 1)
                    .append(apply(policy.strategyFor(Where.COOKIE, name), value, FieldContext.of(Location.COOKIE, name), "rule cookie " + name));
        }
        return out.toString();
    }

    private String maskField(String name, String value) {
        if (value == null) {
            return null;
        }
        return apply(policy.strategyFor(Where.FIELD, name), value, new FieldContext(Location.TEXT, name, name), "rule field " + name);
    }

    private JsonNode maskNode(JsonNode node, Location location, List<Object> path, String fieldName) {
        if (node.isObject()) {
            ObjectNode masked = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                path.add(field.getKey());
                masked.set(field.getKey(), maskNode(field.getValue(), location, path, field.getKey()));
                path.remove(path.size() - 1);
            }
            return masked;
        }
        if (node.isArray()) {
            ArrayNode masked = NODES.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                masked.add(maskNode(node.get(i), location, path, fieldName));
                path.remove(path.size() - 1);
            }
            return masked;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            return node; // booleans, null and decimals (amounts) carry nothing personal on their own
        }
        Strategy strategy = policy.strategyForBody(path);
        String text = node.isTextual() ? node.textValue() : node.asText();
        String masked = apply(strategy, text, new FieldContext(location, fieldName, jsonPath(path)), "rule body " + jsonPath(path));
        if (masked.equals(text)) {
            return node;
        }
        if (node.isIntegralNumber() && masked.chars().allMatch(Character::isDigit) && !masked.isEmpty() && masked.charAt(0) != '0') {
            return NODES.numberNode(new BigInteger(masked));
        }
        return NODES.textNode(masked);
    }

    private static String jsonPath(List<Object> path) {
        StringBuilder out = new StringBuilder("$");
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append('.').append(step);
            }
        }
        return out.toString();
    }

    private String apply(Strategy strategy, String value, FieldContext field, String ruleSource) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (strategy == Strategy.KEEP || (strategy == null && !policy.detect())) {
            return value;
        }
        Memo.Key key = new Memo.Key(field.location(), Memo.field(field), strategy, value);
        Memo.Entry known = memo.get(key);
        if (known != null) {
            for (int i = 0; i < known.sources().size(); i++) {
                report.count(known.sources().get(i), known.kinds().get(i));
            }
            return known.masked();
        }
        List<String> sources = new ArrayList<>(2);
        List<PiiKind> kinds = new ArrayList<>(2);
        String masked = compute(strategy, value, field, ruleSource, sources, kinds);
        for (int i = 0; i < sources.size(); i++) {
            report.count(sources.get(i), kinds.get(i));
        }
        memo.put(key, new Memo.Entry(masked, List.copyOf(sources), kinds.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(kinds)));
        return masked;
    }

    private String compute(Strategy strategy, String value, FieldContext field, String ruleSource, List<String> sources, List<PiiKind> kinds) {
        if (strategy == null || strategy == Strategy.DETECT) {
            return detect(value, field, sources, kinds);
        }
        sources.add(ruleSource);
        kinds.add(strategy.kind());
        return strategy == Strategy.REDACT ? Strategy.REDACTED : surrogates.surrogate(strategy.kind(), value);
    }

    private String detect(String text, FieldContext field) {
        List<String> sources = new ArrayList<>(2);
        List<PiiKind> kinds = new ArrayList<>(2);
        String masked = detect(text, field, sources, kinds);
        for (int i = 0; i < sources.size(); i++) {
            report.count(sources.get(i), kinds.get(i));
        }
        return masked;
    }

    private String detect(String text, FieldContext field, List<String> sources, List<PiiKind> kinds) {
        List<Detection> found = detectors.detect(text, field);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Detection d : found) {
            out.append(text, at, d.start());
            out.append(surrogates.surrogate(d.kind(), text.substring(d.start(), d.end())));
            sources.add("detector " + d.detector());
            kinds.add(d.kind());
            at = d.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}

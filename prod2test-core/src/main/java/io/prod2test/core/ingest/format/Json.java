package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ExchangeJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON helpers for the JSON-based formats: one mapper and typed field access that turns a wrong
 * type into a {@link BadRecord} naming the field.
 */
final class Json {
    /**
     * The canonical mapper (exact decimals) with longer strings: Jackson's default stops at 20 M
     * characters, but a 50 MB body is a line we must read and a HAR may hold a video as base64.
     * Lines are bounded by their own limit; in HAR and OTLP documents one value may take up to
     * {@value #MAX_STRING} characters.
     */
    static final ObjectMapper MAPPER = createMapper();

    /** The longest string value read from a document: 256 M characters. */
    static final int MAX_STRING = 256 * 1024 * 1024;

    /** Whether a parse error means the text ended early: Jackson says so in two exception types. */
    static boolean endOfInput(Exception e) {
        return e instanceof JsonEOFException
                || e instanceof JsonProcessingException p && String.valueOf(p.getOriginalMessage()).contains("end-of-input");
    }

    /** Reads one complete value: text after it ({@code {...} garbage}) is an error, not silently dropped. */
    static final ObjectReader COMPLETE = MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:.*?\\]\\)?", Pattern.DOTALL);
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,19}(?:\\.\\d{1,18})?");

    private Json() {
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = ExchangeJson.mapper().copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING)
                .maxNestingDepth(500)
                .build());
        return mapper;
    }

    /** One line as a JSON object, or a {@link BadRecord} saying why it is not one. */
    static ObjectNode object(String text) {
        JsonNode node;
        try {
            node = COMPLETE.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson throws NumberFormatException, not a parse error, for numbers like 1e99999999999
            throw new BadRecord(describe(e));
        }
        if (node == null || !node.isObject()) {
            throw new BadRecord("expected a JSON object, the line holds " + kind(node));
        }
        return (ObjectNode) node;
    }

    /** A parse error for a user: what is wrong and where, without Jackson's source excerpt. */
    static String describe(Exception error) {
        if (error instanceof java.io.CharConversionException) {
            return "not valid JSON: the bytes are not UTF-8 text (" + error.getMessage() + ")";
        }
        if (!(error instanceof JsonProcessingException e)) {
            String message = String.valueOf(error.getMessage());
            return "not valid JSON: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        if (endOfInput(e)) {
            return "not valid JSON: the text ends before the JSON value does (truncated?)" + where;
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = SOURCE.matcher(message).replaceAll("").strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return "not valid JSON: " + message + where;
    }

    /** "an array", "a number", ... for messages. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A short rendering of a value for a reason. */
    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            return Texts.quote(node.textValue());
        }
        if (node.isContainerNode()) {
            return kind(node);
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Absent for missing, JSON null, "" and "-". */
    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull()
                || (node.isTextual() && Texts.orNull(node.textValue()) == null);
    }

    /** A scalar as text, {@code null} when absent; a container is a {@link BadRecord}. */
    static String text(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node.isContainerNode()) {
            throw new BadRecord(field, "expected a string, was " + kind(node));
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }

    /** The first present field among {@code names}, or {@code null}. */
    static String firstText(JsonNode object, String... names) {
        for (String name : names) {
            String value = text(object.get(name), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The name of the first present field among {@code names}, or {@code null}. */
    static String firstPresent(JsonNode object, String... names) {
        for (String name : names) {
            if (!absent(object.get(name))) {
                return name;
            }
        }
        return null;
    }

    /** A timestamp field, as a string in any {@link Timestamps} style or an epoch number. */
    static Instant instant(JsonNode node, String field, ZoneId zone) {
        try {
            if (node.isNumber()) {
                return Timestamps.fromEpoch(node.decimalValue());
            }
            if (node.isTextual()) {
                return Timestamps.parse(node.textValue(), zone);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRecord(field, e.getMessage());
        }
        throw new BadRecord(field, "expected a timestamp, was " + kind(node));
    }

    /** A number, or a string holding a plain decimal; guarded against exponents that make arithmetic slow. */
    static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual() && PLAIN_DECIMAL.matcher(node.textValue().strip()).matches()) {
            value = new BigDecimal(node.textValue().strip());
        }
        if (value == null || value.scale() > 18 || value.scale() < -18) {
            throw new BadRecord(field, "expected a number, was " + show(node));
        }
        return value;
    }

    /** Milliseconds from a decimal number of {@code unitMillis}, rounded; negative values are a {@link BadRecord}. */
    static Long millis(BigDecimal amount, BigDecimal unitMillis, String field) {
        BigDecimal ms = amount.multiply(unitMillis).setScale(0, RoundingMode.HALF_UP);
        if (ms.signum() < 0) {
            throw new BadRecord(field, "expected a duration, not negative, was " + amount.toPlainString());
        }
        if (ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new BadRecord(field, "expected a duration, was " + amount.toPlainString() + " (too large)");
        }
        return ms.longValue();
    }

    /** An object of scalar values (arrays joined with ", ") as a header map; {@code null} when absent, empty when empty. */
    static Map<String, String> headers(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new BadRecord(field, "expected an object of header names and values, was " + kind(node));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode value = e.getValue();
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode item : value) {
                    String text = text(item, field + "." + e.getKey());
                    if (text != null) {
                        joined.append(joined.isEmpty() ? "" : ", ").append(text);
                    }
                }
                headers.put(e.getKey(), joined.toString());
            } else if (value.isObject()) {
                throw new BadRecord(field + "." + e.getKey(), "expected a header value, was an object");
            } else if (!value.isNull()) {
                headers.put(e.getKey(), value.isTextual() ? value.textValue() : value.asText());
            }
        }
        return headers;
    }
}

package io.prod2test.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;

/**
 * Reads and writes the canonical exchange as one JSON line (SPEC §3).
 *
 * <p>Unknown fields are ignored when reading, so that a newer writer does not break an older
 * reader. Errors name the file, the line and, where Jackson can tell, the field.
 */
public final class ExchangeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Amounts must survive a round trip as written: 49.80 stays 49.80, not the double 49.8.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    // A body is one JSON document or text: "123 abc" is text, not the number 123 with the rest
    // thrown away. Only here: streaming readers use the mapper mid-document, where more follows.
    private static final com.fasterxml.jackson.databind.ObjectReader WHOLE_BODY =
            MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExchangeJson() {
    }

    /** The shared mapper configured for the canonical format; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One exchange as a single JSON line, without the line break. */
    public static String write(Exchange exchange) {
        try {
            return MAPPER.writeValueAsString(exchange);
        } catch (JsonProcessingException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "cannot write exchange as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses one line of a canonical log.
     *
     * @param file where the line came from, for the error message
     * @param lineNumber its 1-based line number, for the error message
     * @throws Prod2TestException with {@link ErrorCode#INVALID_INPUT} naming file, line and field
     */
    public static Exchange read(String line, String file, long lineNumber) {
        try {
            return MAPPER.readValue(line, Exchange.class);
        } catch (ValueInstantiationException e) {
            Throwable rule = e.getCause() == null ? e : e.getCause();
            throw Prod2TestException.invalidInput(file, lineNumber, fieldOf(rule.getMessage()), rule.getMessage());
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
                    .collect(Collectors.joining("."));
            String problem = e instanceof InvalidFormatException invalid
                    ? "value " + invalid.getValue() + " is not a valid " + invalid.getTargetType().getSimpleName()
                    : e.getOriginalMessage();
            throw Prod2TestException.invalidInput(file, lineNumber, field, problem);
        } catch (JsonProcessingException e) {
            throw Prod2TestException.invalidInput(file, lineNumber, null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses a JSON document into a tree, or wraps non-JSON text as a JSON string. */
    public static JsonNode bodyOf(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return WHOLE_BODY.readValue(text);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    // The record's rules start their message with the field name ("status must be ...").
    private static String fieldOf(String message) {
        if (message == null) {
            return null;
        }
        int space = message.indexOf(' ');
        return space > 0 ? message.substring(0, space) : null;
    }
}

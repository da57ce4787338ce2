package io.prod2test.examples.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.math.BigDecimal;

/**
 * A request's JSON object, read field by field. A field of the wrong JSON type is a 422 naming the
 * field; a missing or {@code null} field reads as {@code null} and the caller's rule decides.
 */
final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** The request body; an empty body is an empty object, anything but an object is 400 {@code invalid_json}. */
    static JsonBody of(Context ctx) {
        return parse(ctx.body());
    }

    static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(Json.object());
        }
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "the body must be a JSON object: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "invalid_json", "the body must be a JSON object", null);
        }
        return new JsonBody(root);
    }

    JsonNode node(String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String field) {
        return node(field) != null;
    }

    /** A string field, or {@code null}; another JSON type is 422 {@code code}. */
    String text(String field, String code) {
        JsonNode value = node(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(code, field, field + " must be a string");
        }
        return value.textValue();
    }

    /** An integral number field, or {@code null}; a fraction, a string or a huge number is 422 {@code code}. */
    Integer integer(String field, String code) {
        JsonNode value = node(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.invalid(code, field, field + " must be a whole number");
        }
        return value.intValue();
    }

    /** A number field as given (no rounding), or {@code null}; a string is 422 {@code code}. */
    BigDecimal decimal(String field, String code) {
        JsonNode value = node(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.invalid(code, field, field + " must be a JSON number in major units, e.g. 4980 or 49.80");
        }
        return value.decimalValue();
    }
}

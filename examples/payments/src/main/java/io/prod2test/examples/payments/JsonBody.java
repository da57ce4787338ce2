package io.prod2test.examples.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Typed access to the fields of a JSON request body. A missing required field is a 422
 * {@code missing_field}; a field of the wrong type is a 422 with the caller's error code, so that
 * each route reports the code its contract names (e.g. {@code invalid_expiry}).
 */
final class JsonBody {
    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody parse(String text) {
        return new JsonBody(PaymentsJson.readObject(text));
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.validation("invalid_field", field, field + " must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** A short code such as an OTP, accepted as a string or as a whole number. */
    String requiredCode(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw ApiException.validation("invalid_field", field, field + " must be a string");
    }

    int requiredInt(String field, String invalidError) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.validation(invalidError, field, field + " must be a whole number");
        }
        return value.intValue();
    }

    BigDecimal requiredAmount(String field) {
        return optionalAmount(field).orElseThrow(() -> missing(field));
    }

    Optional<BigDecimal> optionalAmount(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw ApiException.validation("invalid_amount", field, field + " must be a JSON number in major units, e.g. 4980 or 49.80");
        }
        return Optional.of(value.decimalValue());
    }

    /** The required currency code; an unknown one is a 422 {@code unsupported_currency}. */
    SupportedCurrency requiredCurrency(String field) {
        String code = requiredText(field);
        return SupportedCurrency.find(code).orElseThrow(() -> ApiException.validation("unsupported_currency", field,
                "currency must be one of JPY, USD, EUR, was '" + code + "'"));
    }

    private static ApiException missing(String field) {
        return ApiException.validation("missing_field", field, field + " is required");
    }
}

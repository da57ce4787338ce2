package io.prod2test.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * What the shop reads from a payment payments returned: amounts in major units as payments gave them.
 *
 * @param captured    the total captured so far, or {@code null} when the answer did not say
 * @param refunded    the total refunded so far, or {@code null} when the answer did not say
 * @param challengeId the 3-D Secure challenge when the status is {@code requires_action}
 */
record Payment(String id, String status, BigDecimal captured, BigDecimal refunded, String challengeId) {
    static final String REQUIRES_ACTION = "requires_action";
    static final String FAILED = "failed";

    static Payment of(JsonNode body) {
        JsonNode threeDs = body.path("threeDSecure");
        return new Payment(text(body, "id"), text(body, "status"), decimal(body, "captured"), decimal(body, "refunded"),
                threeDs.isObject() ? text(threeDs, "challengeId") : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }
}

package io.prod2test.examples.shop;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the order history: the id of the last order on the previous page,
 * base64url-encoded so clients treat it as a token rather than build it themselves.
 *
 * @param lastOrderId the last order already shown
 */
record OrderCursor(String lastOrderId) {
    OrderCursor {
        if (lastOrderId == null || !Ids.isOrderId(lastOrderId)) {
            throw new IllegalArgumentException("lastOrderId must be an order id ord_<12 hex>, was " + lastOrderId);
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastOrderId.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back, or 422 {@code invalid_cursor} when it is not one we issued. */
    static OrderCursor decode(String cursor) {
        try {
            return new OrderCursor(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException unreadable) {
            throw ApiException.invalid("invalid_cursor", "cursor", "cursor must be a nextCursor this service returned");
        }
    }
}

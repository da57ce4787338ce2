package io.prod2test.examples.payments;

import java.util.Locale;

/** Where a payment is in its life; the API's {@code status}. */
public enum PaymentStatus {
    REQUIRES_ACTION,
    AUTHORIZED,
    PARTIALLY_CAPTURED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    FAILED;

    /** The API name, e.g. {@code partially_captured}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether more of the authorised amount may still be captured. */
    public boolean capturable() {
        return this == AUTHORIZED || this == PARTIALLY_CAPTURED;
    }

    /** Whether money has been captured, so that refunds are possible. */
    public boolean captured() {
        return this == PARTIALLY_CAPTURED || this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}

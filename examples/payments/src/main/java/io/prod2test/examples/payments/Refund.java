package io.prod2test.examples.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * One refund of (part of) a captured payment. Refunds settle at once in this sample, so their
 * status is always {@code succeeded}.
 *
 * @param id        {@code re_} and 16 hex digits
 * @param paymentId the refunded payment
 * @param amount    how much was given back
 * @param reason    optional reason from the merchant
 * @param createdAt when it was made
 */
public record Refund(String id, String paymentId, Money amount, String reason, Instant createdAt) {
    /** The only status a refund has here. */
    public static final String SUCCEEDED = "succeeded";

    public Refund {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(paymentId, "paymentId is required");
        Objects.requireNonNull(amount, "amount is required");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund amount must be positive");
        }
        Objects.requireNonNull(createdAt, "createdAt is required");
    }
}

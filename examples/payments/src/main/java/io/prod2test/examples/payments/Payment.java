package io.prod2test.examples.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * One payment row: what was authorised and how much of it has been captured and refunded.
 *
 * @param id          {@code pay_} and 16 hex digits
 * @param status      where the payment is in its life
 * @param amount      the authorised amount
 * @param captured    the captured total, in the payment's currency
 * @param refunded    the refunded total, in the payment's currency
 * @param orderRef    the merchant's order reference
 * @param description optional free text from the merchant
 * @param token       the card token that paid
 * @param cardBrand   the card's scheme
 * @param cardLast4   the card's last four digits
 * @param challengeId the 3-D Secure challenge, or {@code null} when none was asked
 * @param declineCode why it failed at authorisation, or {@code null}
 * @param createdAt   when it was authorised
 */
public record Payment(
        String id,
        PaymentStatus status,
        Money amount,
        Money captured,
        Money refunded,
        String orderRef,
        String description,
        String token,
        CardBrand cardBrand,
        String cardLast4,
        String challengeId,
        DeclineCode declineCode,
        Instant createdAt) {

    public Payment {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(captured, "captured is required");
        Objects.requireNonNull(refunded, "refunded is required");
        if (captured.currency() != amount.currency() || refunded.currency() != amount.currency()) {
            throw new IllegalArgumentException("captured and refunded must be in the payment's currency " + amount.currency());
        }
        Objects.requireNonNull(orderRef, "orderRef is required");
        Objects.requireNonNull(token, "token is required");
        Objects.requireNonNull(cardBrand, "cardBrand is required");
        Objects.requireNonNull(cardLast4, "cardLast4 is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
    }

    public SupportedCurrency currency() {
        return amount.currency();
    }

    /** What may still be captured. */
    public Money capturable() {
        return amount.minus(captured);
    }

    /** What may still be refunded; zero when a faulty refund already went above the captured total. */
    public Money refundable() {
        return refunded.exceeds(captured) ? Money.zero(currency()) : captured.minus(refunded);
    }

    public Payment withStatus(PaymentStatus newStatus) {
        return new Payment(id, newStatus, amount, captured, refunded, orderRef, description, token, cardBrand,
                cardLast4, challengeId, declineCode, createdAt);
    }

    public Payment withCaptured(Money newCaptured, PaymentStatus newStatus) {
        return new Payment(id, newStatus, amount, newCaptured, refunded, orderRef, description, token, cardBrand,
                cardLast4, challengeId, declineCode, createdAt);
    }

    public Payment withRefunded(Money newRefunded, PaymentStatus newStatus) {
        return new Payment(id, newStatus, amount, captured, newRefunded, orderRef, description, token, cardBrand,
                cardLast4, challengeId, declineCode, createdAt);
    }
}

package io.prod2test.examples.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON shapes the API answers with, exactly as the README specifies them. Amounts are major
 * units with the currency's decimals ({@code 4980}, {@code 49.80}).
 */
public final class Views {
    private Views() {
    }

    /** {@code POST /tokens} answer. */
    public record TokenView(String token, String brand, String last4, int expMonth, int expYear) {
        public static TokenView of(StoredCard card) {
            return new TokenView(card.token(), card.brand().code(), card.last4(), card.expiry().month(), card.expiry().year());
        }
    }

    /** A payment with its captured and refunded totals. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(
            String id,
            String status,
            BigDecimal amount,
            String currency,
            BigDecimal captured,
            BigDecimal refunded,
            String orderRef,
            CardView card,
            ChallengeView threeDSecure,
            String createdAt) {

        public static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.status().code(), p.amount().major(), p.currency().name(),
                    p.captured().major(), p.refunded().major(), p.orderRef(),
                    new CardView(p.cardBrand().code(), p.cardLast4()),
                    p.challengeId() == null ? null : new ChallengeView(p.challengeId()),
                    timestamp(p.createdAt()));
        }
    }

    /** The card that paid, as much as a merchant may see. */
    public record CardView(String brand, String last4) {
    }

    /** The pending or passed 3-D Secure challenge. */
    public record ChallengeView(String challengeId) {
    }

    /** A refund. */
    public record RefundView(String id, String paymentId, BigDecimal amount, String currency, String status) {
        public static RefundView of(Refund r) {
            return new RefundView(r.id(), r.paymentId(), r.amount().major(), r.amount().currency().name(), Refund.SUCCEEDED);
        }
    }

    /** {@code GET /payments/{id}/refunds} answer, oldest first. */
    public record RefundListView(List<RefundView> items) {
        public RefundListView {
            items = List.copyOf(items);
        }
    }

    /** Instants as ISO-8601 UTC with milliseconds, one fixed width so logs line up and compare as text. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
}

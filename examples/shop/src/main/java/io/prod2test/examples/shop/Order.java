package io.prod2test.examples.shop;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An order as stored; amounts in minor units. Everything about the payment mirrors payments'
 * latest answer, which is the truth about money.
 */
record Order(String id, String customerId, String cartId, String cardId, String idempotencyKey, String status,
             ShopCurrency currency, BigDecimal amount, List<Line> items, String paymentId, String paymentStatus,
             String challengeId, BigDecimal captured, BigDecimal refunded, Instant createdAt) {
    static final String PENDING = "pending";
    static final String AWAITING_AUTHENTICATION = "awaiting_authentication";
    static final String PAID = "paid";
    static final String PAYMENT_FAILED = "payment_failed";
    static final String SHIPPED = "shipped";
    static final String PARTIALLY_SHIPPED = "partially_shipped";
    static final String REFUNDED = "refunded";
    static final String PARTIALLY_REFUNDED = "partially_refunded";

    /** Statuses in which goods may (still) be shipped. */
    static final Set<String> SHIPPABLE = Set.of(PAID, PARTIALLY_SHIPPED);
    /** Statuses before money was ever authorised: nothing to refund. */
    static final Set<String> UNPAID = Set.of(PENDING, AWAITING_AUTHENTICATION, PAYMENT_FAILED);

    Order {
        items = List.copyOf(items);
    }

    record Line(String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    Order withPayment(String status, String paymentId, String paymentStatus, String challengeId) {
        return new Order(id, customerId, cartId, cardId, idempotencyKey, status, currency, amount, items, paymentId,
                paymentStatus, challengeId, captured, refunded, createdAt);
    }

    Order withMoney(String status, String paymentStatus, BigDecimal captured, BigDecimal refunded) {
        return new Order(id, customerId, cartId, cardId, idempotencyKey, status, currency, amount, items, paymentId,
                paymentStatus, challengeId, captured, refunded, createdAt);
    }

    View view() {
        return new View(id, customerId, cartId, status, currency.name(), currency.toMajor(amount),
                items.stream().map(l -> new View.Item(l.sku(), l.name(), l.quantity(), currency.toMajor(l.unitPrice()))).toList(),
                paymentId, paymentStatus, currency.toMajor(captured), currency.toMajor(refunded),
                AWAITING_AUTHENTICATION.equals(status) && challengeId != null ? new View.Challenge(challengeId) : null,
                createdAt);
    }

    /** The order as the API shows it, in major units; {@code challenge} only while 3-D Secure is pending. */
    record View(String id, String customerId, String cartId, String status, String currency, BigDecimal amount,
                List<Item> items, String paymentId, String paymentStatus, BigDecimal captured, BigDecimal refunded,
                @JsonInclude(JsonInclude.Include.NON_NULL) Challenge challenge, Instant createdAt) {
        record Item(String sku, String name, int quantity, BigDecimal unitPrice) {
        }

        record Challenge(String challengeId) {
        }
    }

    /** One page of a customer's order history. */
    record Page(List<View> items, String nextCursor) {
    }
}

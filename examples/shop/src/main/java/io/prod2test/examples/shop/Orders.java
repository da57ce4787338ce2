package io.prod2test.examples.shop;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import io.prod2test.examples.support.TraceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checkout and what follows it. Payments decides about money; the order mirrors its answers, and
 * payments' refusals go back to the client unchanged.
 */
final class Orders {
    static final int MAX_KEY_LENGTH = 200;
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 50;

    /** An order and whether it was made now (201) or found again by its idempotency key (200). */
    record Outcome(Order order, boolean created) {
    }

    private final Database db;
    private final OrderStore orders;
    private final CardStore cards;
    private final PaymentsClient payments;
    private final FaultSwitches faults;
    private final Clock clock;

    Orders(Database db, OrderStore orders, CardStore cards, PaymentsClient payments, FaultSwitches faults, Clock clock) {
        this.db = db;
        this.orders = orders;
        this.cards = cards;
        this.payments = payments;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Turns the cart into an order and authorises it with payments under {@code shop-<key>}. The
     * same key again finds the same order and asks payments again with the same key and body, so a
     * client retrying after a timeout never pays twice, and payments' answer still decides the
     * order's payment.
     */
    Outcome checkout(TraceContext trace, String cartId, String cardId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ApiException(422, "missing_idempotency_key",
                    "checkout needs an Idempotency-Key header so that a retry cannot order twice", null);
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new ApiException(422, "invalid_idempotency_key",
                    "the Idempotency-Key header must be at most " + MAX_KEY_LENGTH + " characters", null);
        }
        if (cardId == null) {
            throw ApiException.invalid("invalid_card", "cardId", "cardId must name a saved card of the cart's customer");
        }
        Outcome outcome;
        try {
            outcome = db.transaction(c -> {
                // Locking the cart serialises checkouts of one cart, so a retry racing the first
                // attempt finds its order instead of creating another.
                Cart cart = CartStore.find(c, cartId, true).orElseThrow(() -> ApiException.notFound("cart", cartId));
                var existing = OrderStore.findByIdempotencyKey(c, idempotencyKey);
                if (existing.isPresent()) {
                    Order order = existing.get();
                    if (!order.cartId().equals(cartId) || !order.cardId().equals(cardId)) {
                        throw ApiException.conflict("idempotency_key_reuse",
                                "this Idempotency-Key was already used for another checkout; use a new key for a new request");
                    }
                    return new Outcome(order, false);
                }
                if (!cart.isOpen()) {
                    throw ApiException.conflict("cart_not_open", "cart " + cartId + " is already checked out");
                }
                if (cart.lines().isEmpty()) {
                    throw new ApiException(422, "cart_empty", "an empty cart cannot be checked out", null);
                }
                if (CardStore.find(c, cart.customerId(), cardId, true).isEmpty()) {
                    throw ApiException.invalid("invalid_card", "cardId", "cardId must name a saved card of the cart's customer");
                }
                Instant now = now();
                Order order = new Order(Ids.order(), cart.customerId(), cartId, cardId, idempotencyKey, Order.PENDING,
                        cart.currency(), cart.total(faults), lines(cart), null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, now);
                OrderStore.insert(c, order, now);
                CartStore.setStatus(c, cartId, Cart.CHECKED_OUT);
                return new Outcome(order, true);
            });
        } catch (Database.Failure e) {
            if (e.isUniqueViolation("orders_idempotency_key_key")) {
                throw ApiException.conflict("idempotency_key_reuse",
                        "this Idempotency-Key was already used for another checkout; use a new key for a new request");
            }
            throw e;
        }
        return new Outcome(authorise(trace, outcome.order()), outcome.created());
    }

    private Order authorise(TraceContext trace, Order order) {
        Card card = cards.findAny(order.customerId(), order.cardId()).orElseThrow();
        PaymentsClient.Answer answer = payments.authorise(trace, "shop-" + order.idempotencyKey(), card.token(),
                order.currency().toMajor(order.amount()), order.currency(), order.id(), "Order " + order.id());
        // Only the first answer moves the order on: a replayed answer repeats history (a replayed
        // requires_action after the customer already authenticated must not undo "paid"). A pending
        // order is one whose first attempt never got an answer.
        boolean undecided = Order.PENDING.equals(order.status());
        if (answer.succeeded()) {
            Payment payment = Payment.of(answer.body());
            String status = !undecided ? order.status()
                    : Payment.REQUIRES_ACTION.equals(payment.status()) ? Order.AWAITING_AUTHENTICATION
                    : Payment.FAILED.equals(payment.status()) ? Order.PAYMENT_FAILED
                    : Order.PAID;
            Order updated = order.withPayment(status, payment.id(), undecided ? payment.status() : order.paymentStatus(),
                    undecided ? payment.challengeId() : order.challengeId());
            if (Order.PAYMENT_FAILED.equals(status) && undecided) {
                fail(updated);
            } else {
                save(updated);
            }
            return updated;
        }
        if (answer.isRefusal() && answer.status() != 409 && undecided) {
            String paymentId = answer.text("paymentId");
            fail(order.withPayment(Order.PAYMENT_FAILED, paymentId != null ? paymentId : order.paymentId(),
                    paymentId != null ? Payment.FAILED : order.paymentStatus(), null));
        }
        throw answer.failure(order.id());
    }

    /** Completes the 3-D Secure challenge with the customer's one-time password. */
    Order authenticate(TraceContext trace, Order order, String otp) {
        if (otp == null) {
            throw ApiException.invalid("invalid_otp", "otp", "otp must be the one-time password of the 3-D Secure challenge");
        }
        if (!Order.AWAITING_AUTHENTICATION.equals(order.status())) {
            throw ApiException.conflict("order_not_awaiting_authentication",
                    "order " + order.id() + " is " + order.status() + "; only an order awaiting authentication can be authenticated");
        }
        PaymentsClient.Answer answer = payments.confirm3ds(trace, order.paymentId(), order.challengeId(), otp);
        if (answer.succeeded()) {
            Payment payment = Payment.of(answer.body());
            String status = Payment.FAILED.equals(payment.status()) ? Order.PAYMENT_FAILED : Order.PAID;
            Order updated = order.withPayment(status, order.paymentId(), payment.status(), order.challengeId());
            if (Order.PAYMENT_FAILED.equals(status)) {
                fail(updated);
            } else {
                save(updated);
            }
            return updated;
        }
        if (answer.status() == 402) {
            fail(order.withPayment(Order.PAYMENT_FAILED, order.paymentId(), Payment.FAILED, order.challengeId()));
        }
        throw answer.failure(order.id());
    }

    /** Ships and captures everything still authorised ({@code amount} null) or a part (major units). */
    Order ship(TraceContext trace, Order order, BigDecimal amount) {
        if (!Order.SHIPPABLE.contains(order.status())) {
            throw ApiException.conflict("order_not_shippable",
                    "order " + order.id() + " is " + order.status() + "; only a paid or partially shipped order can be shipped");
        }
        PaymentsClient.Answer answer = payments.capture(trace, order.paymentId(), amount, order.currency());
        if (!answer.succeeded()) {
            throw answer.failure(order.id());
        }
        Payment payment = current(trace, order, Payment.of(answer.body()));
        BigDecimal captured = order.currency().toMinor(payment.captured());
        String status = captured.compareTo(order.amount()) >= 0 ? Order.SHIPPED : Order.PARTIALLY_SHIPPED;
        Order updated = order.withMoney(status, payment.status(), captured, minorOrKeep(order, payment.refunded(), order.refunded()));
        orders.recordShipment(updated, amount == null ? null : order.currency().toMinor(amount), now());
        return updated;
    }

    /**
     * Refunds {@code amount} (major units) of what was captured. The refund is sent under
     * {@code shop-<key>} when the client gave an Idempotency-Key, so its retry refunds once.
     */
    Order refund(TraceContext trace, Order order, BigDecimal amount, String reason, String idempotencyKey) {
        if (amount == null) {
            throw ApiException.invalid("invalid_amount", "amount", "amount must be the amount to refund in major units, e.g. 4980 or 49.80");
        }
        if (order.paymentId() == null || Order.UNPAID.contains(order.status())) {
            throw ApiException.conflict("order_not_refundable",
                    "order " + order.id() + " is " + order.status() + "; only a paid order can be refunded");
        }
        String key = idempotencyKey != null && !idempotencyKey.isBlank()
                ? "shop-" + idempotencyKey : "shop-refund-" + order.id() + "-" + Ids.session();
        PaymentsClient.Answer answer = payments.refund(trace, key, order.paymentId(), amount, order.currency(), reason);
        if (!answer.succeeded()) {
            throw answer.failure(order.id());
        }
        String refundId = answer.text("id");
        Payment payment = fetch(trace, order);
        BigDecimal captured = minorOrKeep(order, payment.captured(), order.captured());
        BigDecimal refunded = minorOrKeep(order, payment.refunded(), order.refunded().add(order.currency().toMinor(amount)));
        String status = refunded.compareTo(captured) >= 0 ? Order.REFUNDED : Order.PARTIALLY_REFUNDED;
        Order updated = order.withMoney(status, payment.status(), captured, refunded);
        orders.recordRefund(updated, refundId != null ? refundId : key, order.currency().toMinor(amount), reason, now());
        return updated;
    }

    /** The order with its payment status, captured and refunded totals fresh from payments. */
    Order refreshed(TraceContext trace, Order order) {
        if (order.paymentId() == null) {
            return order;
        }
        Payment payment = fetch(trace, order);
        Order updated = order.withMoney(order.status(), payment.status(),
                minorOrKeep(order, payment.captured(), order.captured()), minorOrKeep(order, payment.refunded(), order.refunded()));
        if (!Objects.equals(updated.paymentStatus(), order.paymentStatus()) || updated.captured().compareTo(order.captured()) != 0
                || updated.refunded().compareTo(order.refunded()) != 0) {
            save(updated);
        }
        return updated;
    }

    /** One page of the customer's orders, newest first, continuing after {@code cursor} when given. */
    Order.Page page(String customerId, String limitParameter, String cursorParameter) {
        int limit = limit(limitParameter);
        OptionalLong before = OptionalLong.empty();
        int skip = 0;
        if (cursorParameter != null) {
            OrderCursor cursor = OrderCursor.decode(cursorParameter);
            before = orders.positionOf(customerId, cursor.lastOrderId());
            if (before.isEmpty()) {
                throw ApiException.invalid("invalid_cursor", "cursor", "cursor must be a nextCursor returned for this customer");
            }
            // The regression: an "exclusive cursor" fix applied twice, the cursor order already excluded.
            skip = faults.isOn(Fault.PAGINATION_OFF_BY_ONE) ? 1 : 0;
        }
        List<Order> found = orders.newestFirst(customerId, before, skip, limit + 1);
        boolean more = found.size() > limit;
        List<Order> shown = more ? found.subList(0, limit) : found;
        String next = more ? new OrderCursor(shown.getLast().id()).encode() : null;
        return new Order.Page(shown.stream().map(Order::view).toList(), next);
    }

    private static int limit(String parameter) {
        if (parameter == null) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(parameter.strip());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below with the rule
        }
        throw ApiException.invalid("invalid_limit", "limit", "limit must be a whole number from 1 to " + MAX_PAGE);
    }

    /** The payment after a capture: from the capture's answer when it carries the totals, else fetched. */
    private Payment current(TraceContext trace, Order order, Payment answered) {
        return answered.captured() != null ? answered : fetch(trace, order);
    }

    private Payment fetch(TraceContext trace, Order order) {
        PaymentsClient.Answer answer = payments.payment(trace, order.paymentId());
        if (!answer.succeeded()) {
            throw ApiException.paymentsUnavailable("payments answered " + answer.status() + " to " + answer.call());
        }
        return Payment.of(answer.body());
    }

    private static BigDecimal minorOrKeep(Order order, BigDecimal major, BigDecimal fallback) {
        return major == null ? fallback : order.currency().toMinor(major);
    }

    private static List<Order.Line> lines(Cart cart) {
        return cart.lines().stream()
                .map(l -> new Order.Line(l.sku(), NewCustomer.readsJapanese(cart.locale()) ? l.nameJa() : l.nameEn(),
                        l.quantity(), l.unitPrice()))
                .toList();
    }

    private void save(Order order) {
        orders.update(order, now());
    }

    /** Records that the order's payment failed; called only on the transition, never on a replay. */
    private void fail(Order order) {
        db.transaction(c -> {
            OrderStore.update(c, order, now());
            // A failed payment gives the cart back so the customer can try another card.
            CartStore.setStatus(c, order.cartId(), Cart.OPEN);
            return null;
        });
    }

    private Instant now() {
        return Database.now(clock);
    }
}

package io.prod2test.examples.payments;

import io.javalin.http.Context;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /payments/{id}/refunds}: gives back part or all of what was captured, idempotent by
 * key. Refunds of one payment are serialised on the payment's row lock, so two concurrent refunds
 * can never together exceed the captured amount.
 */
final class RefundHandler {
    private static final int MAX_REASON = 200;

    private final Database db;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final IdempotencyStore idempotency;
    private final AmountRules amounts;
    private final FaultSwitches faults;
    private final Clock clock;

    RefundHandler(Database db, PaymentRepository payments, RefundRepository refunds, IdempotencyStore idempotency,
            FaultSwitches faults, Clock clock) {
        this.db = db;
        this.payments = payments;
        this.refunds = refunds;
        this.idempotency = idempotency;
        this.amounts = new AmountRules(faults);
        this.faults = faults;
        this.clock = clock;
    }

    /** What a refund asks for; {@link #canonical()} is what "the same request" means for its key. */
    record RefundRequest(String paymentId, Money amount, String reason) {
        String canonical() {
            return String.join("\u0000", paymentId, Long.toString(amount.minor()), amount.currency().name(),
                    reason == null ? "" : reason);
        }
    }

    HttpReply refund(Context ctx) {
        String id = ctx.pathParam("id");
        JsonBody body = JsonBody.parse(ctx.body());
        SupportedCurrency currency = body.requiredCurrency("currency");
        Money amount = amounts.forMovement(body.requiredAmount("amount"), currency);
        String reason = body.optionalText("reason").orElse(null);
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.validation("invalid_field", "reason", "reason must be at most " + MAX_REASON + " characters");
        }
        RefundRequest request = new RefundRequest(id, amount, reason);
        String key = IdempotencyStore.validKey(ctx.header("Idempotency-Key"));
        Instant now = Database.now(clock);
        return db.inTransaction(c -> idempotency.once(c, IdempotencyStore.Family.REFUND, key, request.canonical(), now,
                tx -> refundOnce(tx, request, now)));
    }

    private HttpReply refundOnce(Connection c, RefundRequest request, Instant now) throws SQLException {
        String id = request.paymentId();
        Payment p = payments.findForUpdate(c, id).orElseThrow(() -> ApiException.notFound("no payment " + id));
        Movements.requireCurrency(request.amount().currency(), p, faults);
        Money amount = Movements.inPaymentCurrency(request.amount(), p);
        if (!p.status().captured()) {
            throw ApiException.conflict("payment_not_captured",
                    "payment " + id + " is " + p.status().code() + "; only captured payments can be refunded");
        }
        if (amount.exceeds(p.refundable()) && !faults.isOn(Fault.REFUND_EXCEEDS_CAPTURED)) {
            throw ApiException.validation("refund_exceeds_captured", "amount", "at most " + p.refundable()
                    + " of the captured " + p.captured() + " is left to refund, asked for " + amount);
        }
        Money total = p.refunded().plus(amount);
        PaymentStatus status = total.isAtLeast(p.captured()) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        Refund refund = new Refund(Ids.refund(), id, amount, request.reason(), now);
        refunds.insert(c, refund);
        payments.update(c, p.withRefunded(total, status), now);
        return HttpReply.json(201, Views.RefundView.of(refund));
    }
}

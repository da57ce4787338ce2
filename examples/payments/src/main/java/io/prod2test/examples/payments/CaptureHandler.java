package io.prod2test.examples.payments;

import io.javalin.http.Context;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /payments/{id}/capture}: takes all of what is left of the authorisation, or a part.
 * Several partial captures may follow each other until the authorised amount is reached.
 */
final class CaptureHandler {
    private final Database db;
    private final PaymentRepository payments;
    private final AmountRules amounts;
    private final FaultSwitches faults;
    private final Clock clock;

    CaptureHandler(Database db, PaymentRepository payments, FaultSwitches faults, Clock clock) {
        this.db = db;
        this.payments = payments;
        this.amounts = new AmountRules(faults);
        this.faults = faults;
        this.clock = clock;
    }

    HttpReply capture(Context ctx) {
        String id = ctx.pathParam("id");
        JsonBody body = JsonBody.parse(ctx.body());
        SupportedCurrency currency = body.requiredCurrency("currency");
        Optional<Money> requested = body.optionalAmount("amount").map(a -> amounts.forMovement(a, currency));
        Instant now = Database.now(clock);
        return db.inTransaction(c -> {
            Payment p = payments.findForUpdate(c, id).orElseThrow(() -> ApiException.notFound("no payment " + id));
            Movements.requireCurrency(currency, p, faults);
            Optional<Money> amount = requested.map(m -> Movements.inPaymentCurrency(m, p));
            if (!p.status().capturable()) {
                throw ApiException.conflict("payment_not_capturable",
                        "payment " + id + " is " + p.status().code() + "; only authorized or partially captured payments can be captured");
            }
            Money capture = amount.orElse(p.capturable());
            if (capture.exceeds(p.capturable())) {
                throw ApiException.validation("capture_exceeds_authorized", "amount", "at most " + p.capturable()
                        + " is left to capture of " + p.amount() + ", asked for " + capture);
            }
            Money total = faults.isOn(Fault.PARTIAL_CAPTURE_OVERWRITES)
                    ? capture // the regression: the running total is overwritten by the latest capture
                    : p.captured().plus(capture);
            PaymentStatus status = total.equals(p.amount()) ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_CAPTURED;
            Payment captured = p.withCaptured(total, status);
            payments.insertCapture(c, id, capture, now);
            payments.update(c, captured, now);
            return HttpReply.json(200, Views.PaymentView.of(captured));
        });
    }
}

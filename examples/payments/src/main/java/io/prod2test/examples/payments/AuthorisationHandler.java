package io.prod2test.examples.payments;

import io.javalin.http.Context;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

/**
 * {@code POST /payments} (authorise, idempotent by key) and {@code POST /payments/{id}/3ds/confirm}
 * (complete a 3-D Secure challenge).
 */
final class AuthorisationHandler {
    /** The one-time password the sample's 3-D Secure challenge accepts. */
    static final String PASSING_OTP = "123456";
    private static final int MAX_ORDER_REF = 100;
    private static final int MAX_DESCRIPTION = 500;

    private final Database db;
    private final CardTokenRepository tokens;
    private final PaymentRepository payments;
    private final IdempotencyStore idempotency;
    private final AmountRules amounts;
    private final AuthorisationRules rules;
    private final FaultSwitches faults;
    private final Clock clock;

    AuthorisationHandler(Database db, CardTokenRepository tokens, PaymentRepository payments, IdempotencyStore idempotency,
            FaultSwitches faults, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.payments = payments;
        this.idempotency = idempotency;
        this.amounts = new AmountRules(faults);
        this.rules = new AuthorisationRules(faults);
        this.faults = faults;
        this.clock = clock;
    }

    /** What an authorisation asks for; {@link #canonical()} is what "the same request" means for its key. */
    record AuthoriseRequest(String token, Money amount, String orderRef, String description) {
        String canonical() {
            return String.join("\u0000", token, Long.toString(amount.minor()), amount.currency().name(), orderRef,
                    description == null ? "" : description);
        }
    }

    HttpReply authorise(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.body());
        String token = body.requiredText("token");
        SupportedCurrency currency = body.requiredCurrency("currency");
        Money amount = amounts.forAuthorisation(body.requiredAmount("amount"), currency);
        String orderRef = body.requiredText("orderRef");
        if (orderRef.isBlank() || orderRef.length() > MAX_ORDER_REF) {
            throw ApiException.validation("invalid_field", "orderRef", "orderRef must be 1 to " + MAX_ORDER_REF + " characters");
        }
        String description = body.optionalText("description").orElse(null);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("invalid_field", "description", "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        AuthoriseRequest request = new AuthoriseRequest(token, amount, orderRef, description);
        String key = IdempotencyStore.validKey(ctx.header("Idempotency-Key"));
        if (faults.isOn(Fault.IDEMPOTENCY_IGNORED)) {
            key = null; // the regression: the header is dropped on the way in, so every retry is new
        }
        String idempotencyKey = key;
        Instant now = Database.now(clock);
        return db.inTransaction(c -> idempotency.once(c, IdempotencyStore.Family.AUTHORISE, idempotencyKey,
                request.canonical(), now, tx -> authoriseOnce(tx, request, now)));
    }

    private HttpReply authoriseOnce(Connection c, AuthoriseRequest request, Instant now) throws SQLException {
        StoredCard card = tokens.find(c, request.token()).orElseThrow(() ->
                ApiException.validation("invalid_token", "token", "no card was tokenised as '" + request.token() + "'"));
        var decision = rules.decide(card, request.amount(), YearMonth.now(clock));
        String id = Ids.payment();
        return switch (decision) {
            case AuthorisationRules.Decision.Decline decline -> {
                if (faults.isOn(Fault.DECLINE_AS_500)) {
                    // The regression: the decline path dereferences an issuer response that is not there.
                    throw new IllegalStateException("no issuer message for decline " + decline.code().code());
                }
                payments.insert(c, newPayment(id, PaymentStatus.FAILED, request, card, null, decline.code(), now));
                yield HttpReply.json(402, ErrorBody.declined(decline.code()));
            }
            case AuthorisationRules.Decision.Challenge challenge -> {
                Payment p = newPayment(id, PaymentStatus.REQUIRES_ACTION, request, card, Ids.challenge(), null, now);
                payments.insert(c, p);
                yield HttpReply.json(201, Views.PaymentView.of(p));
            }
            case AuthorisationRules.Decision.Approve approve -> {
                Payment p = newPayment(id, PaymentStatus.AUTHORIZED, request, card, null, null, now);
                payments.insert(c, p);
                yield HttpReply.json(201, Views.PaymentView.of(p));
            }
        };
    }

    HttpReply confirm(Context ctx) {
        String id = ctx.pathParam("id");
        JsonBody body = JsonBody.parse(ctx.body());
        String challengeId = body.requiredText("challengeId");
        String otp = body.requiredCode("otp");
        Instant now = Database.now(clock);
        return db.inTransaction(c -> {
            Payment p = payments.findForUpdate(c, id).orElseThrow(() -> ApiException.notFound("no payment " + id));
            if (p.status() != PaymentStatus.REQUIRES_ACTION) {
                throw ApiException.conflict("payment_not_awaiting_authentication",
                        "payment " + id + " is " + p.status().code() + ", not awaiting 3-D Secure");
            }
            if (!challengeId.equals(p.challengeId())) {
                throw ApiException.validation("invalid_challenge", "challengeId", "challengeId is not this payment's challenge");
            }
            if (!otp.equals(PASSING_OTP)) {
                payments.update(c, p.withStatus(PaymentStatus.FAILED), now);
                return HttpReply.json(402, new ErrorBody("authentication_failed",
                        "3-D Secure authentication failed; the payment has failed", null, null));
            }
            Payment authorised = p.withStatus(PaymentStatus.AUTHORIZED);
            payments.update(c, authorised, now);
            return HttpReply.json(200, Views.PaymentView.of(authorised));
        });
    }

    private static Payment newPayment(String id, PaymentStatus status, AuthoriseRequest request, StoredCard card,
            String challengeId, DeclineCode declineCode, Instant now) {
        Money zero = Money.zero(request.amount().currency());
        return new Payment(id, status, request.amount(), zero, zero, request.orderRef(), request.description(),
                card.token(), card.brand(), card.last4(), challengeId, declineCode, now);
    }
}

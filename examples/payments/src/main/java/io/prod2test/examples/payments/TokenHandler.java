package io.prod2test.examples.payments;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /tokens}: checks a card and keeps only what authorisation needs. The number and CVC
 * are read, checked and dropped; nothing else in the service ever sees them.
 */
final class TokenHandler {
    private final Database db;
    private final CardTokenRepository tokens;
    private final Clock clock;

    TokenHandler(Database db, CardTokenRepository tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    HttpReply tokenise(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.body());
        CardNumber number = CardNumber.parse(body.requiredText("number")).orElseThrow(() -> ApiException.validation(
                "invalid_card_number", "number", "number must be 12 to 19 digits that pass the Luhn check"));
        int month = body.requiredInt("expMonth", "invalid_expiry");
        int year = body.requiredInt("expYear", "invalid_expiry");
        CardExpiry expiry;
        try {
            expiry = new CardExpiry(month, year);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("invalid_expiry", month < 1 || month > 12 ? "expMonth" : "expYear", e.getMessage());
        }
        String cvc = body.requiredText("cvc");
        if (!cvc.matches("[0-9]{3,4}")) {
            throw ApiException.validation("invalid_cvc", "cvc", "cvc must be 3 or 4 digits");
        }
        body.optionalText("holderName"); // accepted for the card form, but not kept: it is not needed to pay
        Instant now = Database.now(clock);
        StoredCard card = StoredCard.of(Ids.token(), number, expiry, now);
        return db.inTransaction(c -> {
            tokens.insert(c, card);
            return HttpReply.json(201, Views.TokenView.of(card));
        });
    }
}

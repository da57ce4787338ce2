package io.prod2test.examples.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A realistic regression a team could ship in the sample system. The demo switches them on one at
 * a time and counts how many generated scenarios fail; each one's {@link #observation()} says what
 * a test must look at to catch it.
 */
public enum Fault {
    REFUND_EXCEEDS_CAPTURED("payments",
            "A refund that takes the refunded total above the captured amount is accepted.",
            "POST /payments/{id}/refunds above the remaining captured amount must answer 422 refund_exceeds_captured."),
    IDEMPOTENCY_IGNORED("payments",
            "The Idempotency-Key header is ignored: a retried authorisation creates a second payment.",
            "Two POST /payments with the same key and body must return the same payment id; another body must answer 409."),
    JPY_ROUNDED("payments",
            "A JPY amount with decimals is rounded to a whole yen and accepted instead of rejected.",
            "POST /payments with currency JPY and a fractional amount must answer 422 invalid_amount."),
    THREE_DS_SKIPPED("payments",
            "3-D Secure is skipped: payments above the challenge threshold are authorised at once.",
            "POST /payments at or above the threshold (or with a 3-D Secure test card) must answer status requires_action."),
    WRONG_DECLINE_CODE("payments",
            "Declines for insufficient funds are reported with the generic decline code.",
            "Authorising with card 4000 0000 0000 9995 must answer 402 with declineCode insufficient_funds."),
    DECLINE_AS_500("payments",
            "A card decline crashes the handler: 500 instead of 402.",
            "Authorising with a declining test card must answer 402, never 500."),
    EXPIRED_CARD_ACCEPTED("payments",
            "The expiry date is not checked: an expired card is authorised.",
            "Authorising a card whose expiry month has passed must answer 402 with declineCode expired_card."),
    CURRENCY_MISMATCH_ACCEPTED("payments",
            "A capture or refund in another currency than the payment's is accepted.",
            "POST /payments/{id}/capture or /refunds with a currency other than the payment's must answer 422 currency_mismatch."),
    PARTIAL_CAPTURE_OVERWRITES("payments",
            "A second partial capture overwrites the captured total instead of adding to it.",
            "After two partial captures, GET /payments/{id} must show captured equal to their sum."),
    PAGINATION_OFF_BY_ONE("shop",
            "Cursor pagination of a customer's orders skips the first order of every following page.",
            "Walking GET /customers/{id}/orders page by page must return every order exactly once."),
    EMAIL_NOT_NORMALISED("shop",
            "A customer's e-mail is stored as typed, no longer trimmed and lower-cased.",
            "POST /customers with ' Mixed.Case@Example.com ' must answer with the e-mail lower-cased; a differently cased duplicate must answer 409."),
    CART_TOTAL_IGNORES_QUANTITY("shop",
            "The cart and order total count each line once, whatever its quantity.",
            "A cart with a line of quantity 3 must total three times the unit price; the order's amount must match.");

    private final String service;
    private final String description;
    private final String observation;

    Fault(String service, String description, String observation) {
        this.service = service;
        this.description = description;
        this.observation = observation;
    }

    /** The sample service the regression lives in: {@code shop} or {@code payments}. */
    public String service() {
        return service;
    }

    public String description() {
        return description;
    }

    /** What a test must observe to catch this regression. */
    public String observation() {
        return observation;
    }

    /** The name users type: lower case with dashes, e.g. {@code refund-exceeds-captured}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Finds a fault by its {@link #cliName()} (or enum name), ignoring case. */
    public static Optional<Fault> byName(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst();
    }
}

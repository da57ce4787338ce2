package io.prod2test.examples.simulator;

/**
 * What one user session does in the shop. The share of each journey in the traffic is the
 * {@link UsageModel}'s business; this enum only says what the journey is and whether it is an
 * edge case (an outcome other than a plain success is the point of it).
 */
public enum Journey {
    BROWSE_ONLY(false, "lists the catalogue and opens a few products, never signs up"),
    FIRST_PURCHASE(false, "signs up, saves a card, buys in JPY and has the order shipped"),
    RETURNING_BUYER(false, "buys several times, then pages through the orders with a small limit (cursor pagination)"),
    ABANDONED_CART(false, "signs up, fills a cart, looks at it and leaves without paying"),
    THREE_DS_PASSED(false, "buys for 30,000 JPY or more, passes the 3-D Secure challenge (otp 123456), order shipped"),
    USD_PURCHASE(false, "buys in USD, whose prices have cents, and has the order shipped"),
    KYC_VERIFIED(false, "signs up and verifies identity with a valid My Number"),
    PARTIAL_SHIPMENT(false, "buys, a part of the order is shipped, then the rest"),
    PARTIAL_REFUND(false, "buys, the order is shipped, a part of it is refunded"),
    DELETE_SAVED_CARD(false, "saves two cards, lists them and deletes one"),
    REGULAR_CUSTOMER(false, "a customer who signed up before the capture window comes back: reads the profile, saves a new card,"
            + " buys and has the order shipped"),
    DECLINED_CARD(true, "pays with one of the declining test cards: 402 with its decline code; half then pay with another card"),
    THREE_DS_FAILED(true, "buys for 30,000 JPY or more and types a wrong one-time password: 402"),
    DOUBLE_SUBMIT(true, "submits checkout twice with the same Idempotency-Key: 201, then 200 with the same order"),
    UNICODE_PROFILE(true, "signs up with emoji, rare kanji, diacritics or very long names and addresses, then buys"),
    GIFT_CARD_EDGE_AMOUNTS(true, "buys a gift card of 0 or 4980.5 JPY (422 from payments), or of 1 or exactly 1,000,000 JPY (paid)"),
    DUPLICATE_SIGNUP(true, "signs up again with the same e-mail in another letter case: 409 email_taken"),
    CONCURRENT_SHIPMENTS(true, "the order is shipped from two threads at once: one capture wins, the other is refused"),
    EXPIRED_CARD(true, "pays with a card whose expiry has passed: 402 expired_card; half then pay with another card"),
    REFUND_ABOVE_CAPTURED(true, "a part is shipped, then more than was captured is refunded: 422"),
    KYC_INVALID_MY_NUMBER(true, "types a My Number with a wrong check digit (422 invalid_my_number), then types it correctly"),
    NAME_TOO_LONG(true, "signs up with a name over 200 characters: 422"),
    INVALID_EMAIL(true, "signs up with a malformed e-mail address (422), then with the right one"),
    UNDERAGE_SIGNUP(true, "signs up with a date of birth under 18 years ago: 422");

    private final boolean edgeCase;
    private final String description;

    Journey(boolean edgeCase, String description) {
        this.edgeCase = edgeCase;
        this.description = description;
    }

    /** Whether the journey exists to exercise a rare or failing path rather than the happy one. */
    public boolean edgeCase() {
        return edgeCase;
    }

    /** What the user does, in a sentence. */
    public String description() {
        return description;
    }
}

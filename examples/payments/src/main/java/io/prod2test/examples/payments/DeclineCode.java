package io.prod2test.examples.payments;

import java.util.Locale;

/** Why an issuer declined an authorisation; the API's {@code declineCode}. */
public enum DeclineCode {
    DO_NOT_HONOR("The card was declined."),
    INSUFFICIENT_FUNDS("The card has insufficient funds."),
    LOST_CARD("The card has been reported lost."),
    INCORRECT_CVC("The card's security code is incorrect."),
    PROCESSING_ERROR("The card could not be processed; try again."),
    EXPIRED_CARD("The card has expired.");

    private final String message;

    DeclineCode(String message) {
        this.message = message;
    }

    /** The API name, e.g. {@code insufficient_funds}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the payer is told. */
    public String message() {
        return message;
    }
}

package io.prod2test.examples.simulator;

/**
 * A published test card number and what the sample payments service does with it.
 *
 * @param number      the card number, digits only (Luhn-valid)
 * @param brand       the card network, for people reading plans
 * @param declineCode the {@code declineCode} of the 402 it always gets, or {@code null} when it
 *                    authorises
 * @param alwaysChallenged whether it always gets a 3-D Secure challenge, whatever the amount
 */
public record TestCard(String number, String brand, String declineCode, boolean alwaysChallenged) {
    public TestCard {
        if (number == null || !number.matches("[0-9]{12,19}") || !TestCards.luhnValid(number)) {
            throw new IllegalArgumentException("number must be 12 to 19 digits passing the Luhn check, was " + number);
        }
    }

    /** Whether it is an American Express card, which has a 4-digit security code. */
    public boolean fourDigitCvc() {
        return number.startsWith("34") || number.startsWith("37");
    }

    public String last4() {
        return number.substring(number.length() - 4);
    }
}

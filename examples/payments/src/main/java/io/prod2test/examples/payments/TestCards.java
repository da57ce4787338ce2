package io.prod2test.examples.payments;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published test cards whose behaviour is fixed: the declining ones and the ones that always
 * ask for 3-D Secure. Every other valid number is approved.
 *
 * <p>Cards are matched by BIN and last four digits because that is all a token keeps; the full
 * numbers below are only documentation of which card is meant.
 */
public final class TestCards {
    private static final Map<String, DeclineCode> DECLINES = Map.of(
            key("4000000000000002"), DeclineCode.DO_NOT_HONOR,
            key("4000000000009995"), DeclineCode.INSUFFICIENT_FUNDS,
            key("4000000000009987"), DeclineCode.LOST_CARD,
            key("4000000000000127"), DeclineCode.INCORRECT_CVC,
            key("4000000000000119"), DeclineCode.PROCESSING_ERROR);

    private static final Set<String> ALWAYS_CHALLENGED = Set.of(
            key("4000000000003220"),
            key("4000002760003184"));

    private TestCards() {
    }

    /** The decline a test card always gets, if it is a declining test card. */
    public static Optional<DeclineCode> declineFor(String bin, String last4) {
        return Optional.ofNullable(DECLINES.get(bin + last4));
    }

    /** Whether the card always goes through a 3-D Secure challenge, whatever the amount. */
    public static boolean alwaysChallenged(String bin, String last4) {
        return ALWAYS_CHALLENGED.contains(bin + last4);
    }

    private static String key(String number) {
        CardNumber card = new CardNumber(number);
        return card.bin() + card.last4();
    }
}

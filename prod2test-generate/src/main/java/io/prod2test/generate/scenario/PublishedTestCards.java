package io.prod2test.generate.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Card numbers that card networks and payment providers publish for testing (Stripe's documented
 * test cards, which many systems and the sample payments service use). They are no one's personal
 * data, and a payments system decides declines and 3-D Secure by them; masking replaces every card
 * number, so a scenario taken from a masked session gets the published card back when the response
 * tells which one it was (same length, the last four the service answered with; not the first digit,
 * since a masked Mastercard may move between its 2-series and 5-series ranges).
 */
final class PublishedTestCards {
    static final List<String> NUMBERS = List.of(
            "4242424242424242", "4000056655665556", "4012888888881881", "5555555555554444", "2223003122003222",
            "5200828282828210", "5105105105105100", "3566002020360505", "378282246310005", "371449635398431",
            "3056930009020004", "36227206271667", "6011111111111117", "6011000990139424", "6200000000000005",
            "4000000000000002", "4000000000009995", "4000000000009987", "4000000000000127", "4000000000000119",
            "4000000000000069", "4000000000003220", "4000002760003184", "4000002500003155", "4000000000000077");

    private PublishedTestCards() {
    }

    /** The published card a masked number stood for, told by the last four digits the service returned. */
    static Optional<String> restore(String maskedNumber, String last4) {
        if (maskedNumber == null || last4 == null || maskedNumber.isEmpty()) {
            return Optional.empty();
        }
        List<String> matches = NUMBERS.stream().filter(n -> n.length() == maskedNumber.length() && n.endsWith(last4)).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    /** Whether {@code text} is 13-19 digits that pass the Luhn check: a card number. */
    static boolean isCardNumber(String text) {
        if (text == null || text.length() < 13 || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            int d = text.charAt(text.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}

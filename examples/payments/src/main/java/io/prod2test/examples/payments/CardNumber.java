package io.prod2test.examples.payments;

import java.util.Optional;

/**
 * A primary account number that passed the Luhn check. It lives only for the tokenising request:
 * what is kept is {@link #bin()}, {@link #last4()} and {@link #brand()}, and {@link #toString()}
 * never shows the full number, so it cannot leak into a log by accident.
 *
 * @param digits 12 to 19 digits, no separators, with a valid Luhn check digit
 */
public record CardNumber(String digits) {

    public CardNumber {
        if (digits == null || !digits.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("a card number must be 12 to 19 digits");
        }
        if (!luhnValid(digits)) {
            throw new IllegalArgumentException("a card number must pass the Luhn check");
        }
    }

    /** The number as typed, with spaces or dashes between groups allowed, if it is a valid number. */
    public static Optional<CardNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replace(" ", "").replace("-", "");
        if (!digits.matches("[0-9]{12,19}") || !luhnValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(new CardNumber(digits));
    }

    /** The Luhn (mod 10) check: doubling every second digit from the right, the sum ends in 0. */
    public static boolean luhnValid(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The issuer identification number: the first six digits. */
    public String bin() {
        return digits.substring(0, 6);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public CardBrand brand() {
        return CardBrand.fromBin(digits);
    }

    @Override
    public String toString() {
        return bin() + "…" + last4();
    }
}

package io.prod2test.examples.simulator;

import java.util.random.RandomGenerator;

/**
 * Synthetic Japanese Individual Numbers (My Number): 11 random digits and the check digit of the
 * official rule. The simulator makes them up; none belongs to anybody.
 *
 * <p>Check digit: with P<sub>n</sub> the n-th of the 11 leading digits counted from the right and
 * Q<sub>n</sub> = n + 1 for n ≤ 6 and n − 5 for n ≥ 7, the remainder r = Σ P<sub>n</sub>·Q<sub>n</sub>
 * mod 11 gives 0 when r ≤ 1, else 11 − r.
 */
public final class MyNumbers {
    private MyNumbers() {
    }

    /** The check digit of the 11 leading digits. */
    public static int checkDigit(String first11) {
        if (first11 == null || !first11.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("a My Number's leading part must be 11 digits, was " + first11);
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = first11.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** Whether {@code number} is 12 digits with a correct check digit. */
    public static boolean isValid(String number) {
        return number != null && number.matches("[0-9]{12}")
                && checkDigit(number.substring(0, 11)) == number.charAt(11) - '0';
    }

    /** A made-up valid My Number. */
    public static String generate(RandomGenerator random) {
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < 11; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits.toString())).toString();
    }

    /**
     * The number as someone mistypes it: the check digit replaced by another digit, so that the
     * number is 12 digits but invalid (the typo a check digit exists to catch).
     */
    public static String withWrongCheckDigit(String valid, RandomGenerator random) {
        int right = valid.charAt(11) - '0';
        int wrong = (right + 1 + random.nextInt(9)) % 10;
        return valid.substring(0, 11) + wrong;
    }
}

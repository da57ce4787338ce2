package io.prod2test.examples.shop;

/**
 * The check digit of a Japanese Individual Number ("My Number"): 12 digits, the last a check digit
 * over the 11 before it.
 *
 * <p>With {@code P(n)} the n-th of the 11 leading digits counted from the right and {@code Q(n)} =
 * n + 1 for n ≤ 6, n − 5 for n ≥ 7, the check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when the
 * remainder is 0 or 1.
 */
public final class MyNumber {
    private static final int LENGTH = 12;

    private MyNumber() {
    }

    /** Whether {@code number} is exactly 12 ASCII digits whose last is the right check digit. */
    public static boolean isValid(String number) {
        if (number == null || number.length() != LENGTH || !allDigits(number)) {
            return false;
        }
        return checkDigit(number.substring(0, LENGTH - 1)) == number.charAt(LENGTH - 1) - '0';
    }

    /**
     * The check digit for 11 leading digits, e.g. to make up a valid number.
     *
     * @throws IllegalArgumentException unless {@code first11} is exactly 11 ASCII digits
     */
    public static int checkDigit(String first11) {
        if (first11 == null || first11.length() != LENGTH - 1 || !allDigits(first11)) {
            throw new IllegalArgumentException("first11 must be exactly 11 digits 0-9, was " + first11);
        }
        int sum = 0;
        for (int n = 1; n <= LENGTH - 1; n++) {
            int p = first11.charAt(LENGTH - 1 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

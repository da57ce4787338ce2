package io.prod2test.mask.detect;

/**
 * Reading digit runs the way the number detectors need them: whole (never a slice of a longer run
 * or of an identifier), optionally in groups with one consistent separator, and the check-digit
 * algorithms they validate with.
 */
final class Numbers {
    private Numbers() {
    }

    /**
     * Whether a number may start at {@code start}: not inside a word or a longer number
     * ({@code ord_1234…}, {@code x1234…}), not the decimals of {@code 1.2345…} or the tail of
     * {@code 1,234…}, not after {@code ORD-} or {@code 2024/}.
     */
    static boolean leftBoundary(CharSequence text, int start) {
        if (start == 0) {
            return true;
        }
        char c = text.charAt(start - 1);
        if (Chars.isWordChar(c)) {
            return false;
        }
        char before = Chars.at(text, start - 2);
        return switch (c) {
            case ',' -> !isThousandsComma(text, start - 1);
            case '.', '/' -> !Chars.isDigit(before);
            case '-' -> !Chars.isAsciiAlnum(before);
            default -> true;
        };
    }

    /**
     * Whether the comma at {@code comma} groups thousands ({@code 1,234,567}): one to three digits
     * before it, exactly three after it and then no digit or dash. A comma between fields
     * ({@code …,090-1111-2222,160-0023,…} in a CSV row) is not one, and the numbers on both sides
     * stand alone.
     */
    static boolean isThousandsComma(CharSequence text, int comma) {
        int before = 0;
        while (before < 4 && Chars.isDigit(Chars.at(text, comma - 1 - before))) {
            before++;
        }
        char next = Chars.at(text, comma + 4);
        return before >= 1 && before <= 3 && Chars.isDigit(Chars.at(text, comma + 1))
                && Chars.isDigit(Chars.at(text, comma + 2)) && Chars.isDigit(Chars.at(text, comma + 3))
                && !Chars.isDigit(next) && next != '-';
    }

    /** The mirror of {@link #leftBoundary}: no word character, decimal or hyphenated continuation after {@code end}. */
    static boolean rightBoundary(CharSequence text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (Chars.isWordChar(c)) {
            return false;
        }
        char after = Chars.at(text, end + 1);
        return switch (c) {
            case ',' -> !isThousandsComma(text, end);
            case '.', '/' -> !Chars.isDigit(after);
            case '-' -> !Chars.isAsciiAlnum(after);
            default -> true;
        };
    }

    /**
     * Reads digit groups from {@code start}: a run of digits, then more runs each after one
     * separator ({@code ' '} or {@code '-'}, the same throughout). Fills {@code groupEnds} with the
     * end index of each group and returns how many groups there are (at most {@code groupEnds.length}).
     */
    static int groups(CharSequence text, int start, int[] groupEnds) {
        int n = text.length();
        int i = start;
        int count = 0;
        char separator = 0;
        while (count < groupEnds.length) {
            while (i < n && Chars.isDigit(text.charAt(i))) {
                i++;
            }
            groupEnds[count++] = i;
            if (i + 1 < n && Chars.isDigit(text.charAt(i + 1))) {
                char c = text.charAt(i);
                if ((c == ' ' || c == '-') && (separator == 0 || c == separator)) {
                    separator = c;
                    i++;
                    continue;
                }
            }
            break;
        }
        return count;
    }

    /** The digits of {@code text[start, end)} into {@code into}, skipping separators; returns how many (at most {@code into.length}). */
    static int digits(CharSequence text, int start, int end, char[] into) {
        int count = 0;
        for (int i = start; i < end && count < into.length; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                into[count++] = c;
            }
        }
        return count;
    }

    /** Luhn (mod 10), the check of every payment card number. */
    static boolean luhn(char[] digits, int length) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /**
     * The check digit of a My Number's 11 leading digits: with P<sub>n</sub> the n-th digit from
     * the right and Q<sub>n</sub> = n + 1 for n ≤ 6, n − 5 for n ≥ 7, r = Σ P<sub>n</sub>·Q<sub>n</sub>
     * mod 11 gives 0 when r ≤ 1, else 11 − r.
     */
    static int myNumberCheckDigit(char[] digits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = digits[11 - n] - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /**
     * The leading check digit of a corporate number, over the 12 digits after it: with P<sub>n</sub>
     * the n-th of them from the right and Q<sub>n</sub> = 1 for odd n, 2 for even n, the check
     * digit is 9 − (Σ P<sub>n</sub>·Q<sub>n</sub> mod 9).
     */
    static int corporateCheckDigit(char[] digits) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int p = digits[13 - n] - '0';
            sum += p * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    /**
     * Whether twelve digits read like a timestamp {@code yyyyMMddHHmm} (years 1970–2099): log
     * lines are full of those, and one in ten of them would pass the My Number check by chance.
     */
    static boolean looksLikeDateTime(char[] d) {
        int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        int month = (d[4] - '0') * 10 + (d[5] - '0');
        int day = (d[6] - '0') * 10 + (d[7] - '0');
        int hour = (d[8] - '0') * 10 + (d[9] - '0');
        int minute = (d[10] - '0') * 10 + (d[11] - '0');
        return year >= 1970 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && hour <= 23 && minute <= 59;
    }
}

package io.prod2test.mask;

/**
 * Recognises a timestamp already written the way {@code ExchangeJson} writes an {@link java.time.Instant}
 * ({@code Instant.toString()}): {@code yyyy-MM-ddTHH:mm:ssZ}, or with a fraction of 3, 6 or 9
 * digits whose last group of three is not {@code 000} — which that way reads and writes back
 * unchanged, so the token streamer can copy it. Anything else (offsets, lower case, other
 * fractions, a leap second, an invalid date) is left to the reference way. No allocation, no
 * {@code DateTimeFormatter}.
 */
final class Timestamps {
    private Timestamps() {
    }

    static boolean canonical(char[] text, int offset, int length) {
        if (length != 20 && length != 24 && length != 27 && length != 30) {
            return false;
        }
        int o = offset;
        if (text[o + 4] != '-' || text[o + 7] != '-' || text[o + 10] != 'T' || text[o + 13] != ':' || text[o + 16] != ':'
                || text[o + length - 1] != 'Z') {
            return false;
        }
        int year = number(text, o, 4);
        int month = number(text, o + 5, 2);
        int day = number(text, o + 8, 2);
        int hour = number(text, o + 11, 2);
        int minute = number(text, o + 14, 2);
        int second = number(text, o + 17, 2);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        if (length == 20) {
            return true;
        }
        if (text[o + 19] != '.') {
            return false;
        }
        int digits = length - 21;
        if (number(text, o + 20, digits) < 0) {
            return false;
        }
        // Instant.toString prints 3, 6 or 9 digits, as few as the nanoseconds need
        return number(text, o + 20 + digits - 3, 3) != 0;
    }

    /** The decimal number of {@code count} ASCII digits, or -1 when one is not a digit. */
    private static int number(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}

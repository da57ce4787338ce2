package io.prod2test.mask.surrogate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The unkeyed recognisability marks of {@link SurrogateScheme#V1}: part of every surrogate is
 * derived from the rest of it with a public function, so that a scan can tell a surrogate from a
 * value that slipped through without holding the masking key ({@link SurrogateFormats#isSurrogate}).
 * The marks say nothing about the original value: they are computed from the surrogate's own keyed
 * part, never from the input.
 *
 * <p>Every mark starts from
 * <pre>  M(purpose, context) = uint64_be(SHA-256(UTF-8("prod2test/mark/" + purpose + "/" + context))[0..8))</pre>
 * reduced modulo the size of what it chooses ({@code 100} for two digits, {@code 32} for a base32
 * character …). Thread-safe: one digest per thread.
 */
final class Marks {
    private static final String PREFIX = "prod2test/mark/";
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    /** How many alphanumeric characters at most a tail mark derives. */
    private static final int MAX_TAIL = 4;
    /** A tail mark derives characters until it has at least this many values: one raw value in 100 carries it. */
    private static final int TAIL_VALUES = 100;

    private Marks() {
    }

    /** {@code M(purpose, context)} as an unsigned 64-bit number. */
    static long hash(String purpose, String context) {
        MessageDigest digest = SHA256.get();
        byte[] bytes = digest.digest((PREFIX + purpose + "/" + context).getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    /** {@code M(purpose, context) mod bound}. */
    static int below(String purpose, String context, int bound) {
        return (int) Long.remainderUnsigned(hash(purpose, context), bound);
    }

    /** {@code M(purpose, context) mod 10^count} as {@code count} zero-padded ASCII digits; empty for none. */
    static String digits(String purpose, String context, int count) {
        if (count <= 0) {
            return "";
        }
        long modulus = 1;
        for (int i = 0; i < count; i++) {
            modulus *= 10;
        }
        String value = Long.toString(Long.remainderUnsigned(hash(purpose, context), modulus));
        return "0".repeat(count - value.length()) + value;
    }

    /**
     * The tail mark: the last alphanumeric characters of {@code text} (ASCII letters, digits of
     * either width) replaced by characters of the same class derived from everything before them.
     * Derived are the fewest last characters (at most four, and never all of them) whose classes
     * give at least 100 values together, so that one value in 100 carries the mark by chance (two
     * digits; two letters; with {@code hexAware}, up to three hex letters). With {@code hexAware}, a
     * text of at least 8 characters whose lower-case (upper-case) letters before its last four
     * alphanumerics are all {@code a–f} ({@code A–F}) derives lower-case (upper-case) letters from
     * {@code a–f} ({@code A–F}), so that a hex secret stays hex. Text with fewer than two
     * alphanumerics is returned as it is.
     */
    static String markTail(String purpose, String text, boolean hexAware) {
        Tail tail = Tail.of(text, hexAware);
        if (tail == null) {
            return text;
        }
        char[] out = text.toCharArray();
        long value = hash(purpose, text.substring(0, tail.positions[0]));
        for (int i = 0; i < tail.positions.length; i++) {
            String alphabet = tail.alphabets[i];
            int pick = (int) Long.remainderUnsigned(value, alphabet.length());
            value = Long.divideUnsigned(value, alphabet.length());
            char c = alphabet.charAt(pick);
            out[tail.positions[i]] = Chars.isFullWidthDigit(text.charAt(tail.positions[i])) ? (char) ('\uFF10' + c - '0') : c;
        }
        return new String(out);
    }

    /** Whether {@code text} carries the tail mark of {@link #markTail}. */
    static boolean hasTailMark(String purpose, String text, boolean hexAware) {
        return Tail.of(text, hexAware) != null && markTail(purpose, text, hexAware).equals(text);
    }

    /** Where a tail mark goes and which alphabet each derived character is drawn from. */
    private record Tail(int[] positions, String[] alphabets) {
        static Tail of(String text, boolean hexAware) {
            int[] alnum = new int[text.length()];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Chars.isAsciiAlnum(c) || Chars.isFullWidthDigit(c)) {
                    alnum[n++] = i;
                }
            }
            if (n < 2) {
                return null;
            }
            boolean hexLower = false;
            boolean hexUpper = false;
            if (hexAware && text.length() >= 8) {
                hexLower = true;
                hexUpper = true;
                for (int k = 0; k < n - MAX_TAIL; k++) {
                    char c = text.charAt(alnum[k]);
                    hexLower &= !Chars.isAsciiLower(c) || c <= 'f';
                    hexUpper &= !Chars.isAsciiUpper(c) || c <= 'F';
                }
            }
            int count = 0;
            long values = 1;
            while (count < Math.min(MAX_TAIL, n - 1) && values < TAIL_VALUES) {
                values *= alphabet(text.charAt(alnum[n - 1 - count]), hexLower, hexUpper).length();
                count++;
            }
            int[] positions = new int[count];
            String[] alphabets = new String[count];
            for (int k = 0; k < count; k++) {
                positions[k] = alnum[n - count + k];
                alphabets[k] = alphabet(text.charAt(positions[k]), hexLower, hexUpper);
            }
            return new Tail(positions, alphabets);
        }

        private static String alphabet(char c, boolean hexLower, boolean hexUpper) {
            if (Chars.isAsciiLower(c)) {
                return hexLower ? "abcdef" : Chars.LOWER;
            }
            if (Chars.isAsciiUpper(c)) {
                return hexUpper ? "ABCDEF" : Chars.UPPER;
            }
            return Chars.DIGITS;
        }
    }
}

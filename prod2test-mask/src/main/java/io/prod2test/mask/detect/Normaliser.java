package io.prod2test.mask.detect;

/**
 * Folds the characters a Japanese IME types in place of ASCII — full-width digits, letters and
 * punctuation, the ideographic space, the many dashes — to their ASCII counterparts, so that one
 * detector handles {@code 090-1234-5678} and {@code ０９０－１２３４－５６７８} alike.
 *
 * <p>Length-preserving: every UTF-16 unit maps to exactly one UTF-16 unit, so an offset into the
 * normalised text is the same offset into the original, and detections need no mapping back.
 * That is why this is not {@link java.text.Normalizer} NFKC, which changes lengths (it expands
 * {@code ㈱} and composes half-width kana with their voicing marks).
 */
public final class Normaliser {
    private Normaliser() {
    }

    /**
     * The text with full-width ASCII (U+FF01–U+FF5E) folded to ASCII, the ideographic space
     * (U+3000) to a space, dashes and minus signs (U+2010–U+2015, U+2212, U+FE63) to {@code -} and
     * the full-width yen sign to {@code ¥}. Returns {@code text} itself when there is nothing to
     * fold (the common case: no allocation), {@code null} for {@code null}.
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int first = -1;
        for (int i = 0; i < length; i++) {
            if (fold(text.charAt(i)) != text.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** One character folded; characters below U+2010 are never folded, which keeps ASCII text on the fast path. */
    static char fold(char c) {
        if (c < '\u2010') {
            return c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '\u3000' -> ' ';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63' -> '-';
            case '\uFFE5' -> '\u00A5';
            default -> c;
        };
    }
}

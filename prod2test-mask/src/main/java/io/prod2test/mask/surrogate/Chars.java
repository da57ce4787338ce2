package io.prod2test.mask.surrogate;

import java.text.Normalizer;
import java.util.Locale;

/** Character helpers shared by the surrogates: digits of either width, layouts, normalisation. */
final class Chars {
    static final String DIGITS = "0123456789";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Chars() {
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isFullWidthDigit(char c) {
        return c >= '\uFF10' && c <= '\uFF19';
    }

    /** An ASCII or full-width digit: Japanese forms are often typed with the IME's wide digits. */
    static boolean isDigit(char c) {
        return isAsciiDigit(c) || isFullWidthDigit(c);
    }

    static int digitValue(char c) {
        return isAsciiDigit(c) ? c - '0' : c - '\uFF10';
    }

    static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiLetter(char c) {
        return isAsciiLower(c) || isAsciiUpper(c);
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    /** The digits of {@code text} in ASCII, whatever their width, everything else dropped. */
    static String digitsOf(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                out.append((char) ('0' + digitValue(c)));
            }
        }
        return out.toString();
    }

    static int countDigits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code template} with its digits replaced, in order, by {@code digits} (ASCII), each in the
     * width of the digit it replaces; separators and everything else stay where they were. This
     * is how a surrogate keeps the input's layout: {@code 4242 4242 …}, {@code 090-1234-5678}.
     */
    static String fillDigits(String template, CharSequence digits) {
        StringBuilder out = new StringBuilder(template.length());
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (isDigit(c) && next < digits.length()) {
                int d = digits.charAt(next++) - '0';
                out.append(isFullWidthDigit(c) ? (char) ('\uFF10' + d) : (char) ('0' + d));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whitespace as people type it: ASCII, no-break and the ideographic (full-width) space. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** NFKC, whitespace runs folded to one space, trimmed, lower case: what names and addresses hash. */
    static String foldText(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); ) {
            int c = nfkc.codePointAt(i);
            i += Character.charCount(c);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Full-width forms folded to ASCII (NFKC), as the detectors see the text. */
    static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Katakana to hiragana: the two syllabaries are parallel blocks 0x60 apart. */
    static String toHiragana(String katakana) {
        StringBuilder out = new StringBuilder(katakana.length());
        for (int i = 0; i < katakana.length(); i++) {
            char c = katakana.charAt(i);
            out.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    private static final String FULL_KANA =
            "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
    private static final String HALF_KANA =
            "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ";
    private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホウ";
    private static final String SEMI_VOICED = "パピプペポ";
    private static final String SEMI_BASE = "ハヒフヘホ";

    /**
     * Full-width katakana to the half-width forms bank and card systems still use (ｻﾄｳ ﾀﾛｳ), voiced
     * sounds split into base and mark as the half-width block has no precomposed ones.
     */
    static String toHalfWidthKatakana(String katakana) {
        StringBuilder out = new StringBuilder(katakana.length() + 4);
        for (int i = 0; i < katakana.length(); i++) {
            char c = katakana.charAt(i);
            int voiced = VOICED.indexOf(c);
            int semi = SEMI_VOICED.indexOf(c);
            if (voiced >= 0) {
                out.append(HALF_KANA.charAt(FULL_KANA.indexOf(VOICED_BASE.charAt(voiced)))).append('ﾞ');
            } else if (semi >= 0) {
                out.append(HALF_KANA.charAt(FULL_KANA.indexOf(SEMI_BASE.charAt(semi)))).append('ﾟ');
            } else {
                int plain = FULL_KANA.indexOf(c);
                out.append(plain >= 0 ? HALF_KANA.charAt(plain) : c);
            }
        }
        return out.toString();
    }

    /** The text split into leading whitespace, the value, trailing whitespace. */
    static String[] splitSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new String[] {text.substring(0, start), text.substring(start, end), text.substring(end)};
    }
}

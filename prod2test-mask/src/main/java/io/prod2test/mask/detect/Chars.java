package io.prod2test.mask.detect;

/** Character classes the detectors share; ASCII tests first because almost all text is ASCII. */
final class Chars {
    private Chars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    /**
     * ASCII letters, digits and underscore: what identifiers are made of, so a number or an
     * address next to one is part of that identifier ({@code ord_1234…}, {@code x192.0.2.1}).
     * Kanji and kana are deliberately not word characters: Japanese has no spaces between words,
     * and {@code 電話番号は090-1234-5678です} has its number standing alone.
     */
    static boolean isWordChar(char c) {
        return isAsciiAlnum(c) || c == '_';
    }

    /** The character at {@code i}, or a space outside the text: saves bounds checks at both ends. */
    static char at(CharSequence text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
    }

    /** Katakana letters proper: U+30A1–U+30FA, without the middle dot and the long vowel mark. */
    static boolean isKatakana(char c) {
        return c >= '\u30A1' && c <= '\u30FA';
    }

    static boolean isHiragana(char c) {
        return c >= '\u3041' && c <= '\u3096';
    }

    /** CJK unified ideographs (and the iteration mark 々), the kanji of names and places. */
    static boolean isKanji(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
                || c == '\u3005' || Character.isHighSurrogate(c) || Character.isLowSurrogate(c);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000' || c == '\u00A0' || c == '\f';
    }

}

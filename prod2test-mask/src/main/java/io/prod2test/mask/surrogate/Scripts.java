package io.prod2test.mask.surrogate;

/**
 * Writing systems, told per code point, and the last-resort surrogate for text in a script with
 * no table: every letter replaced by a keyed letter of the same script and case, digits by keyed
 * digits of the same width, everything else kept. Gibberish, but in the right script and length,
 * so column widths, fonts and sorting behave as with the original.
 */
final class Scripts {
    enum Script { HAN, HIRAGANA, KATAKANA, HALF_KATAKANA, LATIN, OTHER, NONE }

    private Scripts() {
    }

    static boolean isHalfKatakana(int c) {
        return c >= 0xFF66 && c <= 0xFF9F;
    }

    /** The script of a run of letters: Han wins over kana (a kanji name may hold kana), kana over Latin. */
    static Script of(String run) {
        boolean han = false;
        boolean half = false;
        boolean katakana = false;
        boolean hiragana = false;
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < run.length(); ) {
            int c = run.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case HAN -> han = true;
                case HIRAGANA -> hiragana = true;
                case KATAKANA -> {
                    if (isHalfKatakana(c)) {
                        half = true;
                    } else {
                        katakana = true;
                    }
                }
                case LATIN -> latin = true;
                case COMMON -> {
                    // the prolonged sound mark ー and its half-width form: kana, whatever Unicode says
                    if (c == 0x30FC) {
                        katakana = true;
                    } else if (c == 0xFF70) {
                        half = true;
                    }
                }
                default -> other = true;
            }
        }
        if (han) {
            return Script.HAN;
        }
        if (half) {
            return Script.HALF_KATAKANA;
        }
        if (katakana) {
            return Script.KATAKANA;
        }
        if (hiragana) {
            return Script.HIRAGANA;
        }
        if (latin) {
            return Script.LATIN;
        }
        return other ? Script.OTHER : Script.NONE;
    }

    /** Whether the text holds kanji or kana: a Japanese address or name. */
    static boolean hasJapanese(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                return true;
            }
        }
        return false;
    }

    static boolean hasLatinLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    /** Every letter and digit replaced from {@code stream}, in the same script, case and width. */
    static String scramble(String text, KeyedStream stream) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            out.appendCodePoint(replacement(c, stream));
        }
        return out.toString();
    }

    private static int replacement(int c, KeyedStream stream) {
        if (c < 0x10000 && Chars.isDigit((char) c)) {
            int d = stream.nextInt(10);
            return Chars.isFullWidthDigit((char) c) ? '\uFF10' + d : '0' + d;
        }
        if (!Character.isLetter(c)) {
            return c;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case LATIN -> Character.isUpperCase(c) ? 'A' + stream.nextInt(26) : 'a' + stream.nextInt(26);
            case HAN -> COMMON_KANJI.codePointAt(stream.nextInt(COMMON_KANJI.length()));
            case HIRAGANA -> 0x3042 + stream.nextInt(0x3093 - 0x3042 + 1);
            case KATAKANA -> isHalfKatakana(c) ? 0xFF71 + stream.nextInt(0xFF9D - 0xFF71 + 1) : 0x30A2 + stream.nextInt(0x30F3 - 0x30A2 + 1);
            case HANGUL -> c >= 0xAC00 && c <= 0xD7A3 ? 0xAC00 + stream.nextInt(0xD7A3 - 0xAC00 + 1) : neighbour(c, script, stream);
            case CYRILLIC -> Character.isUpperCase(c) ? 0x0410 + stream.nextInt(32) : 0x0430 + stream.nextInt(32);
            case GREEK -> {
                int r = stream.nextInt(24); // α..ω without the final sigma's slot, which has no capital
                int base = Character.isUpperCase(c) ? 0x0391 : 0x03B1;
                yield base + r + (r >= 17 ? 1 : 0);
            }
            case ARABIC -> c >= 0x0628 && c <= 0x064A ? 0x0628 + stream.nextInt(0x063A - 0x0628 + 1) : neighbour(c, script, stream);
            case HEBREW -> c >= 0x05D0 && c <= 0x05EA ? 0x05D0 + stream.nextInt(27) : neighbour(c, script, stream);
            case THAI -> c >= 0x0E01 && c <= 0x0E2E ? 0x0E01 + stream.nextInt(0x2E) : neighbour(c, script, stream);
            default -> neighbour(c, script, stream);
        };
    }

    /**
     * A keyed letter of the same script from the 512 code points around {@code c}: for scripts
     * without a range above (Ethiopic, Devanagari vowels …), so that no letter survives.
     */
    private static int neighbour(int c, Character.UnicodeScript script, KeyedStream stream) {
        int[] candidates = new int[512];
        int count = 0;
        for (int p = Math.max(0, c - 256); p < c + 256 && p <= Character.MAX_CODE_POINT; p++) {
            if (Character.isLetter(p) && Character.UnicodeScript.of(p) == script
                    && Character.isUpperCase(p) == Character.isUpperCase(c) && Character.isLowerCase(p) == Character.isLowerCase(c)) {
                candidates[count++] = p;
            }
        }
        return count == 0 ? c : candidates[stream.nextInt(count)];
    }

    /** Common kanji for the fallback: place and name characters, so scrambled text still reads as Japanese. */
    private static final String COMMON_KANJI =
            "山川田中村本木林森井上下野原松竹梅花東西南北大小高長谷口石岡島崎藤佐伊加吉清水池橋宮坂"
            + "和平安正明光春秋夏冬日月星雪風空海浜岸丘谷里町市区県都府道寺神社城新古金銀青白赤黒緑";
}

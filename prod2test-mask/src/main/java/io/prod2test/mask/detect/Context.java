package io.prod2test.mask.detect;

/**
 * Words around a candidate: a label before a number says what it is ({@code 法人番号},
 * {@code マイナンバー}), or what it is not ({@code order}, {@code 注文}).
 */
final class Context {
    private Context() {
    }

    /**
     * Whether one of {@code words} (lower case or non-Latin) occurs in the {@code window} characters
     * before {@code start}, on the same line. Only ever asked about candidates, so a plain search
     * is cheap enough.
     */
    static boolean precededBy(String text, int start, int window, String... words) {
        int from = start;
        int limit = Math.max(0, start - window);
        while (from > limit && text.charAt(from - 1) != '\n') {
            from--;
        }
        for (String word : words) {
            boolean latin = Chars.isAsciiLetter(word.charAt(0));
            for (int i = from; i + word.length() <= start; i++) {
                // a Latin word starts a word: "ver " is not inside "server "
                if (text.regionMatches(true, i, word, 0, word.length()) && !(latin && Chars.isAsciiLetter(Chars.at(text, i - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the folded field name contains one of {@code parts}. */
    static boolean nameContains(String foldedName, String... parts) {
        for (String part : parts) {
            if (foldedName.contains(part)) {
                return true;
            }
        }
        return false;
    }
}

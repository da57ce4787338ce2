package io.prod2test.mask.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds {@code key: value} and {@code key=value} pairs written inside a text — JSON
 * ({@code "password":"…"}, also escaped inside a JSON string: {@code \"name\":\"…\"}), query
 * strings ({@code ?access_token=…&}), headers in a dump ({@code Authorization: Bearer …}), log
 * fields ({@code email=… ip=…}) and Japanese labels ({@code 氏名：山田 太郎}) — so that a value
 * that is personal by its key is found in free text as in a structured field.
 */
final class KeyValues {
    /**
     * A key and the span of its value (trimmed, without quotes); {@code key} is folded like field
     * names; {@code quoted} when the value was in quotes (and so certainly whole).
     */
    record Pair(String key, int keyStart, int valueStart, int valueEnd, boolean quoted) {
    }

    /** Values longer than this are not one field's value but a document. */
    private static final int MAX_VALUE = 1024;
    private static final int MAX_ASCII_KEY = 64;
    private static final int MAX_JAPANESE_KEY = 12;

    /**
     * Labels of more than one word, as people write them in mails and tickets ("Ship to: …",
     * "Date of birth: …"). Only these: a general multi-word key would swallow the value before it
     * ({@code name=Taro Yamada email=…} would read a key "Yamada email").
     */
    private static final String[] LABELS = {
            "ship to", "deliver to", "send to", "bill to", "date of birth", "birth date", "card number", "card holder",
            "cardholder name", "name on card", "full name", "first name", "last name", "given name", "family name",
            "home address", "mailing address", "billing address", "shipping address", "delivery address", "street address",
            "postal code", "post code", "zip code", "phone number", "mobile number", "security code", "access token", "api key",
            "client secret"};
    /** The labels by their last word, so that a key is compared only with the labels it can end. */
    private static final Map<String, List<String>> LABELS_BY_LAST_WORD = new HashMap<>();

    static {
        for (String label : LABELS) {
            LABELS_BY_LAST_WORD.computeIfAbsent(label.substring(label.lastIndexOf(' ') + 1), k -> new ArrayList<>()).add(label);
        }
    }

    private KeyValues() {
    }

    /**
     * The pairs in {@code text}, in order of their separators. Scans by hand from each {@code :}
     * and {@code =} backwards to its key, which costs next to nothing on text without them and has
     * no regex to backtrack on hostile input. A key is an ASCII identifier starting with a letter
     * ({@code access_token}, {@code x-api-key}, {@code customer.name}) or a run of up to twelve
     * kanji or kana ({@code 氏名}, {@code お届け先}), optionally quoted (also with escaped quotes,
     * JSON inside a JSON string), not glued to a word before it; or one of the {@link #LABELS}.
     */
    static List<Pair> find(String text) {
        List<Pair> pairs = null;
        int n = text.length();
        for (int p = 0; p < n; p++) {
            char c = text.charAt(p);
            if (c != ':' && c != '=') {
                continue;
            }
            Pair pair = pairAt(text, p);
            if (pair != null) {
                if (pairs == null) {
                    pairs = new ArrayList<>(4);
                }
                pairs.add(pair);
            }
        }
        return pairs == null ? List.of() : pairs;
    }

    /** The pair whose separator is at {@code separator}, or null. */
    private static Pair pairAt(String text, int separator) {
        int valueStart = separator + 1;
        while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        int keyEnd = separator;
        while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
            if (keyEnd > 0 && text.charAt(keyEnd - 1) == '\\') {
                keyEnd--;
            }
        }
        if (keyEnd == 0) {
            return null;
        }
        int keyStart = keyEnd;
        String key = null;
        char last = text.charAt(keyEnd - 1);
        if (isAsciiKeyChar(last)) {
            while (keyStart > 0 && isAsciiKeyChar(text.charAt(keyStart - 1)) && keyEnd - keyStart < MAX_ASCII_KEY + 1) {
                keyStart--;
            }
            if (keyEnd - keyStart > MAX_ASCII_KEY || !Chars.isAsciiLetter(text.charAt(keyStart))) {
                return null;
            }
            key = text.substring(keyStart, keyEnd);
            String label = label(text, keyStart, keyEnd);
            if (label != null) {
                keyStart = keyEnd - label.length();
                key = label;
            }
        } else if (isJapaneseKeyChar(last)) {
            while (keyStart > 0 && isJapaneseKeyChar(text.charAt(keyStart - 1)) && keyEnd - keyStart < MAX_JAPANESE_KEY + 1) {
                keyStart--;
            }
            if (keyEnd - keyStart > MAX_JAPANESE_KEY) {
                return null;
            }
            key = text.substring(keyStart, keyEnd);
        } else {
            return null;
        }
        int before = keyStart;
        if (before > 0 && (text.charAt(before - 1) == '"' || text.charAt(before - 1) == '\'')) {
            before--;
            if (before > 0 && text.charAt(before - 1) == '\\') {
                before--;
            }
        }
        if (before > 0 && before == keyStart) {
            char b = text.charAt(before - 1);
            if (Character.isLetterOrDigit(b) || b == '_' || b == '.' || b == '-') {
                return null; // the key is the tail of a word
            }
        }
        int[] value = value(text, valueStart);
        if (value == null) {
            return null;
        }
        int dot = key.lastIndexOf('.');
        if (dot >= 0 && dot < key.length() - 1) {
            key = key.substring(dot + 1); // customer.name -> name
        }
        return new Pair(Scan.foldName(key), keyStart, value[0], value[1], valueStart < text.length() && isQuote(text.charAt(valueStart)));
    }

    /** The multi-word label ending at {@code keyEnd} whose last word starts at {@code lastWordStart}, or null. */
    private static String label(String text, int lastWordStart, int keyEnd) {
        if (lastWordStart < 2 || text.charAt(lastWordStart - 1) != ' ') {
            return null;
        }
        List<String> candidates = LABELS_BY_LAST_WORD.get(text.substring(lastWordStart, keyEnd).toLowerCase(Locale.ROOT));
        if (candidates == null) {
            return null;
        }
        for (String label : candidates) {
            int start = keyEnd - label.length();
            if (start >= 0 && text.regionMatches(true, start, label, 0, label.length())
                    && (start == 0 || !Chars.isAsciiLetter(text.charAt(start - 1)))) {
                return text.substring(start, keyEnd);
            }
        }
        return null;
    }

    private static boolean isAsciiKeyChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean isJapaneseKeyChar(char c) {
        return Chars.isKanji(c) && !Character.isSurrogate(c) || Chars.isKatakana(c) || Chars.isHiragana(c) || c == 'ー' || c == '々';
    }

    /** The bounds of the value starting at {@code i}, or null when there is none (an object, an array, nothing). */
    private static int[] value(String text, int i) {
        int n = text.length();
        if (i >= n) {
            return null;
        }
        char c = text.charAt(i);
        if (c == '{' || c == '[') {
            return null;
        }
        if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
            // an escaped quote opens the value of JSON inside a JSON string: ends at the next escaped quote
            char quote = text.charAt(i + 1);
            int start = i + 2;
            int limit = Math.min(n, start + MAX_VALUE);
            for (int j = start; j + 1 < limit; j++) {
                if (text.charAt(j) == '\\' && text.charAt(j + 1) == quote) {
                    return trimmed(text, start, j);
                }
            }
            return null;
        }
        if (c == '"' || c == '\'') {
            int start = i + 1;
            int limit = Math.min(n, start + MAX_VALUE);
            for (int j = start; j < limit; j++) {
                char d = text.charAt(j);
                if (d == '\\') {
                    j++; // skip the escaped character
                } else if (d == c) {
                    return trimmed(text, start, j);
                } else if (d == '\n') {
                    return null;
                }
            }
            return null;
        }
        return trimmed(text, i, unquotedEnd(text, i, false));
    }

    /**
     * Where an unquoted value starting at {@code i} ends: at a delimiter, or at a space before the
     * next {@code key=}. With {@code commas} a comma does not end it ({@code Ship to: 742 Evergreen
     * Terrace, Denver, CO}), for the values that are lists of parts.
     */
    static int unquotedEnd(String text, int i, boolean commas) {
        int limit = Math.min(text.length(), i + MAX_VALUE);
        int j = i;
        while (j < limit) {
            char d = text.charAt(j);
            if (isDelimiter(d) && !(commas && d == ',')) {
                break;
            }
            if (d == ' ' && nextIsKey(text, j + 1)) {
                break;
            }
            j++;
        }
        return j;
    }

    /** The end of {@code text[start, end)} without trailing whitespace and full stops. */
    static int trimEnd(String text, int start, int end) {
        while (end > start && (Chars.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '.' || text.charAt(end - 1) == ',')) {
            end--;
        }
        return end;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\\';
    }

    private static boolean isDelimiter(char c) {
        return switch (c) {
            case '&', ',', ';', '}', ']', '"', '\'', '<', '>', '|', '\n', '\r', '\t', '\\', '。', '、' -> true;
            default -> false;
        };
    }

    /** Whether the word at {@code i} is a key of another pair ({@code name=Taro Yamada email=…} ends the name at the space). */
    private static boolean nextIsKey(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && j - i <= 64) {
            char c = text.charAt(j);
            if (c == ':' || c == '=') {
                return j > i;
            }
            if (c == ' ' || isDelimiter(c)) {
                return false;
            }
            j++;
        }
        return false;
    }

    private static int[] trimmed(String text, int start, int end) {
        while (start < end && Chars.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && (Chars.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '.')) {
            end--;
        }
        return end > start ? new int[] {start, end} : null;
    }
}

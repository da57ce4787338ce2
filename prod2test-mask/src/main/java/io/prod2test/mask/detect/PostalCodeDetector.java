package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * Postal codes. Japanese ones anywhere in the form {@code NNN-NNNN}, optionally after the postal
 * mark ({@code 〒160-0023}; the span is the code, the mark stays), and {@code 〒NNNNNNN}; a bare
 * seven-digit {@code 1600023} only in a field named like a postal code, where any country's code
 * counts too ({@code 94105}, {@code 94105-1234}, {@code SW1A 1AA}), as it does for a
 * {@code zip=…}/{@code 郵便番号：…} pair in a text.
 *
 * <p>Not postal codes: the tail of a phone number ({@code 03-123-4567}: a number before the dash),
 * longer digit runs, part codes ({@code ABC-123-4567}), amounts ({@code 100-2000円}, {@code ¥100-2000}),
 * document numbers ({@code 第123-4567号}).
 */
public final class PostalCodeDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "postal-code";

    private static final Set<String> FIELDS = Set.of(
            "postalcode", "postcode", "postal", "zip", "zipcode", "zip4", "postalzip", "yubin", "yubinbango",
            "yubinbangou", "郵便番号", "〒");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public PostalCodeDetector() {
        super(NAME, Set.of(PiiKind.POSTAL_CODE));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.digitCount() >= (scan.field(FieldTraits.POSTAL_CODE) ? 2 : 7)
                || (scan.digitCount() >= 3 && (scan.contains(':') || scan.contains('=')));
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (scan.field(FieldTraits.POSTAL_CODE)) {
            int[] code = anyCountry(text, scan.valueStart(), scan.valueEnd());
            if (code != null) {
                hits.add(code[0], code[1], PiiKind.POSTAL_CODE);
                return;
            }
        }
        for (KeyValues.Pair pair : scan.pairs()) {
            if (isPostalName(pair.key())) {
                int[] code = anyCountry(text, pair.valueStart(), pair.valueEnd());
                if (code != null) {
                    hits.add(code[0], code[1], PiiKind.POSTAL_CODE);
                }
            }
        }
        if (scan.digitCount() < 7) {
            return;
        }
        int n = text.length();
        for (int i = 0; i + 7 <= n; i++) {
            if (!Chars.isDigit(text.charAt(i)) || Chars.isDigit(Chars.at(text, i - 1))) {
                continue;
            }
            if (isJapanese(text, i) && !Chars.isDigit(Chars.at(text, i + 8)) && leftClear(text, i) && rightClear(text, i + 8)) {
                hits.add(i, i + 8, PiiKind.POSTAL_CODE);
                i += 7;
            } else if (afterMark(text, i) && digitsAt(text, i, 7) && !Chars.isDigit(Chars.at(text, i + 7))) {
                hits.add(i, i + 7, PiiKind.POSTAL_CODE);
                i += 6;
            }
        }
    }

    /** {@code NNN-NNNN} at {@code i}. */
    private static boolean isJapanese(String text, int i) {
        return i + 8 <= text.length() && digitsAt(text, i, 3) && text.charAt(i + 3) == '-' && digitsAt(text, i + 4, 4);
    }

    private static boolean digitsAt(String text, int i, int count) {
        if (i + count > text.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            if (!Chars.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean afterMark(String text, int i) {
        char before = Chars.at(text, i - 1);
        return before == '〒' || (before == ' ' && Chars.at(text, i - 2) == '〒');
    }

    private static boolean leftClear(String text, int i) {
        char before = Chars.at(text, i - 1);
        if (Chars.isWordChar(before)) {
            return false; // A12-… x123-…; after Japanese text (住所は123-4567) it is still a code
        }
        if (before == '-' || before == '¥' || before == '$' || before == '+' || before == '第') {
            return false; // the tail of a phone number or a code, an amount, a document number 第123-4567号
        }
        if (before == ',') {
            return !Numbers.isThousandsComma(text, i - 1);
        }
        return !((before == '.' || before == '/') && Chars.isDigit(Chars.at(text, i - 2)));
    }

    private static boolean rightClear(String text, int end) {
        char after = Chars.at(text, end);
        if (Chars.isAsciiAlnum(after) || after == '_' || after == '円' || after == '%' || after == '号') {
            return false;
        }
        if (after == ',') {
            return !Numbers.isThousandsComma(text, end);
        }
        return !((after == '-' || after == '.' || after == '/') && Chars.isDigit(Chars.at(text, end + 1)));
    }

    /**
     * A postal code of any country filling {@code text[start, end)} (a {@code 〒} before it left
     * out): 2 to 10 letters, digits, spaces or dashes with at least two digits. Null when the value
     * is something else.
     */
    private static int[] anyCountry(String text, int start, int end) {
        if (start < end && text.charAt(start) == '〒') {
            start++;
            while (start < end && text.charAt(start) == ' ') {
                start++;
            }
        }
        int length = end - start;
        if (length < 2 || length > 10 || !Chars.isAsciiAlnum(text.charAt(start))) {
            return null;
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (!(Chars.isAsciiLetter(c) || c == ' ' || c == '-')) {
                return null;
            }
        }
        return digits >= 2 ? new int[] {start, end} : null;
    }

    static boolean isPostalName(String name) {
        return !name.isEmpty() && (FIELDS.contains(name) || name.endsWith("postalcode") || name.endsWith("zipcode")
                || name.endsWith("postcode") || name.endsWith("郵便番号"));
    }
}

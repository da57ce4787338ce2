package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * Payment card numbers (PANs): 13 to 19 digits, written together or in groups with single spaces
 * or dashes ({@code 4242 4242 4242 4242}, {@code 3782-822463-10005}), that pass Luhn <em>and</em>
 * fall in a brand's range with one of its lengths:
 *
 * <table>
 * <caption>brand ranges</caption>
 * <tr><th>brand</th><th>prefix</th><th>length</th></tr>
 * <tr><td>Visa</td><td>4</td><td>13, 16, 19</td></tr>
 * <tr><td>Mastercard</td><td>51–55, 2221–2720</td><td>16</td></tr>
 * <tr><td>American Express</td><td>34, 37</td><td>15</td></tr>
 * <tr><td>JCB</td><td>3528–3589</td><td>16–19</td></tr>
 * <tr><td>Diners Club</td><td>300–305, 3095, 36, 38, 39</td><td>14–19</td></tr>
 * <tr><td>Discover</td><td>6011, 644–649, 65</td><td>16–19</td></tr>
 * <tr><td>UnionPay</td><td>62</td><td>16–19</td></tr>
 * <tr><td>Maestro</td><td>5018, 5020, 5038, 5893, 6304, 6759, 6761–6763</td><td>13–19</td></tr>
 * </table>
 *
 * <p>The brand check is what keeps Luhn's one-in-ten chance hits out: millisecond timestamps
 * ({@code 1700000000000}, prefix 1), ISBN-13 ({@code 978…}, prefix 9) and most order numbers fall in
 * no brand. A 13-digit number that is a valid EAN-13 (a JAN barcode {@code 4901234567894} passes
 * Luhn and starts with Visa's 4) is taken for the barcode. Digits inside a longer digit run or an
 * identifier ({@code ord_1234567890123}), decimals and hyphenated codes are not read at all. Groupings other than 4-4-4-4(-…), 4-6-5 (Amex) and
 * 4-6-4 (Diners) are not card layouts ({@code 12345678-1234-…} UUID-shaped digits are not).
 *
 * <p>In a field named like a card number ({@code cardNumber}, {@code pan}, {@code ccNumber},
 * {@code カード番号}) the brand is not required: the field says what it is, and Luhn still must pass.
 */
public final class CardNumberDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "card-number";

    private static final Set<String> CARD_FIELDS = Set.of(
            "cardnumber", "cardno", "ccnumber", "ccnum", "pan", "creditcard", "creditcardnumber", "primaryaccountnumber",
            "カード番号", "クレジットカード番号");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public CardNumberDetector() {
        super(NAME, Set.of(PiiKind.CARD_NUMBER));
    }

    /** Whether a folded field name names a card number. */
    static boolean isCardField(String name) {
        return CARD_FIELDS.contains(name);
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 13 && scan.digitCount() >= 13;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        boolean cardField = scan.field(FieldTraits.CARD);
        int[] groupEnds = new int[6];
        char[] digits = new char[19];
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int groups = Numbers.groups(text, start, groupEnds);
            int runEnd = groupEnds[groups - 1];
            if (Numbers.leftBoundary(text, start)) {
                int end = card(text, start, groupEnds, groups, digits, cardField);
                if (end > 0) {
                    hits.add(start, end, PiiKind.CARD_NUMBER);
                }
            }
            i = runEnd;
        }
    }

    /** The end of the card number the groups starting at {@code start} make, or -1. */
    private static int card(String text, int start, int[] ends, int groups, char[] digits, boolean cardField) {
        int first = ends[0] - start;
        if (first >= 13) {
            // written together: the whole run, which must not go on (digits 20+ long are something else)
            if (first > 19 || !Numbers.rightBoundary(text, ends[0])) {
                return -1;
            }
            return valid(text, start, ends[0], digits, cardField) ? ends[0] : -1;
        }
        if (first != 4 || groups < 3) {
            return -1;
        }
        int[] lengths = new int[groups];
        int previousEnd = start - 1;
        for (int g = 0; g < groups; g++) {
            lengths[g] = ends[g] - previousEnd - 1;
            previousEnd = ends[g];
        }
        // all the groups first (4-4-4-4, 4-4-4-4-3, 4-6-5 …), then a shorter layout followed by more
        // digits that are not the card's (an expiry, a CVC): 4-4-4-4, 4-6-5, 4-6-4
        for (int take = groups; take >= 3; take--) {
            if (!layout(lengths, take)) {
                continue;
            }
            int end = ends[take - 1];
            if (take == groups && !Numbers.rightBoundary(text, end)) {
                return -1;
            }
            if (take < groups && !((take == 4 && lengths[3] == 4) || (take == 3 && lengths[1] == 6))) {
                continue;
            }
            if (valid(text, start, end, digits, cardField)) {
                return end;
            }
        }
        return -1;
    }

    /** Whether the first {@code take} groups are a card layout: 4-4-4-…-(1..4) of 13–19 digits, 4-6-5 or 4-6-4. */
    private static boolean layout(int[] lengths, int take) {
        if (take == 3 && lengths[1] == 6) {
            return lengths[2] == 5 || lengths[2] == 4;
        }
        int total = 0;
        for (int g = 0; g < take; g++) {
            boolean last = g == take - 1;
            if (last ? lengths[g] < 1 || lengths[g] > 4 : lengths[g] != 4) {
                return false;
            }
            total += lengths[g];
        }
        return total >= 13 && total <= 19;
    }

    private static boolean valid(String text, int start, int end, char[] digits, boolean cardField) {
        int length = Numbers.digits(text, start, end, digits);
        if (length < 13 || length > 19 || !Numbers.luhn(digits, length)) {
            return false;
        }
        if (length == 13 && ean13(digits)) {
            // a product barcode (JAN 45…/49…, ISBN 978…): far more common in shop data than the
            // 13-digit Visa numbers that are no longer issued, and one in ten of them passes Luhn
            return false;
        }
        return cardField || brand(digits, length) != null;
    }

    /** The EAN-13 check (weights 1 and 3 from the left) of JAN codes and ISBN-13. */
    private static boolean ean13(char[] d) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (d[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == d[12] - '0';
    }

    /** The brand of a number by prefix and length, or null when none issues it. */
    static String brand(char[] d, int length) {
        int p2 = (d[0] - '0') * 10 + (d[1] - '0');
        int p3 = p2 * 10 + (d[2] - '0');
        int p4 = p3 * 10 + (d[3] - '0');
        if (d[0] == '4') {
            return length == 13 || length == 16 || length == 19 ? "Visa" : null;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return length == 16 ? "Mastercard" : null;
        }
        if (p2 == 34 || p2 == 37) {
            return length == 15 ? "American Express" : null;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return length >= 16 ? "JCB" : null;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return length >= 14 ? "Diners Club" : null;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
            return length >= 16 ? "Discover" : null;
        }
        if (p2 == 62) {
            return length >= 16 ? "UnionPay" : null;
        }
        if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 || p4 == 6761
                || p4 == 6762 || p4 == 6763) {
            return "Maestro";
        }
        return null;
    }
}

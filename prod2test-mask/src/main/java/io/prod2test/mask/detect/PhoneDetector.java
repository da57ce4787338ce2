package io.prod2test.mask.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.prod2test.mask.PiiKind;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers, validated by libphonenumber: first as Japanese numbers (mobile {@code 090-1234-5678},
 * landline {@code 03-1234-5678}, {@code 0120-123-456}, IP {@code 050-…}, with or without
 * separators), then international ones written with {@code +} ({@code +81 90 1234 5678},
 * {@code +1 212-555-0147}) — libphonenumber's {@code Leniency.VALID}: the number must exist in the
 * numbering plan, not merely have the right length.
 *
 * <p>"Then international" also covers North American numbers written in their own grouping
 * ({@code 212-555-0147}, {@code (212) 555-0147}) without {@code +1}: that grouping is unambiguous.
 *
 * <p>Bare digit runs that are amounts, ids or timestamps are not phone numbers: a Japanese number
 * starts with its trunk {@code 0} (so {@code 1700000000} is not one), an international one with
 * {@code +}; digits inside an identifier or a longer run ({@code ord_09012345678}), after a currency
 * sign or before {@code 円} are skipped. In a field named like a phone ({@code phone}, {@code tel},
 * {@code mobile}, {@code 電話番号} …) a value of 7 to 15 digits written as phones are
 * ({@code 212-555-0147}, {@code (03) 1234-5678}) is a phone whatever its country: the field says so.
 *
 * <p>libphonenumber is thorough and therefore slow, so it only sees the stretches of the text that
 * could be a phone number (digits with phone punctuation, at least 8 digits).
 */
public final class PhoneDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "phone";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 8;
    /** Mobile 0X0-NNNN-NNNN (or 11 digits together), landline 0…-…-NNNN with ten digits in all. */
    private static final Pattern JAPANESE_SHAPE = Pattern.compile(
            "0[789]0-?[0-9]{4}-?[0-9]{4}|0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|\\(0[0-9]{1,4}\\) ?[0-9]{1,4}-[0-9]{4}");
    private static final Pattern NANP = Pattern.compile(
            "(?<![0-9])(?:1[ -])?(?:[2-9][0-9]{2}-|\\([2-9][0-9]{2}\\) ?)[2-9][0-9]{2}-[0-9]{4}(?![0-9])");
    private static final Set<String> FIELDS = Set.of(
            "phone", "phonenumber", "tel", "telephone", "telno", "telephonenumber", "mobile", "mobilephone",
            "mobilenumber", "cellphone", "cell", "fax", "faxnumber", "contactphone", "homephone", "workphone",
            "msisdn", "電話", "電話番号", "携帯", "携帯番号", "携帯電話", "携帯電話番号", "連絡先電話番号", "fax番号");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public PhoneDetector() {
        super(NAME, Set.of(PiiKind.PHONE));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 7 && scan.digitCount() >= 7;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (scan.field(FieldTraits.PHONE)) {
            int start = scan.valueStart();
            int end = scan.valueEnd();
            if (isPhoneShaped(text, start, end)) {
                hits.add(start, end, PiiKind.PHONE);
                return;
            }
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c) && c != '+' && c != '(') {
                i++;
                continue;
            }
            // a stretch of digits and phone punctuation
            int start = i;
            int digits = 0;
            int lastDigitEnd = i;
            while (i < n && i - start < 40) {
                char d = text.charAt(i);
                if (Chars.isDigit(d)) {
                    digits++;
                    lastDigitEnd = i + 1;
                } else if (!(d == ' ' || d == '-' || d == '(' || d == ')' || d == '.' || (d == '+' && i == start))) {
                    break;
                }
                i++;
            }
            // a stretch glued to a word is part of an identifier (pay_0123456789…): no number to parse
            if (digits >= MIN_DIGITS && digits <= 17 && !Chars.isWordChar(Chars.at(text, start - 1))) {
                match(text, start, lastDigitEnd, hits);
            }
            if (i == start) {
                i++;
            }
        }
    }

    private static void match(String text, int start, int end, Hits hits) {
        if (!worthParsing(text, start, end)) {
            return;
        }
        String stretch = text.substring(start, end);
        boolean found = false;
        for (PhoneNumberMatch m : PHONES.findNumbers(stretch, "JP", PhoneNumberUtil.Leniency.VALID, 20)) {
            found |= add(text, start + m.start(), start + m.end(), hits);
        }
        if (!found && JAPANESE_SHAPE.matcher(stretch).find()) {
            // written exactly as Japanese numbers are (090-0436-6932, 03-1234-5678) but in a block
            // libphonenumber does not know to be allocated yet: the shape is evidence enough, and a
            // mobile number is personal whether or not its block is in the metadata
            for (PhoneNumberMatch m : PHONES.findNumbers(stretch, "JP", PhoneNumberUtil.Leniency.POSSIBLE, 20)) {
                if (JAPANESE_SHAPE.matcher(m.rawString()).matches() && japaneseLength(m.rawString())) {
                    found |= add(text, start + m.start(), start + m.end(), hits);
                }
            }
        }
        if (!found && isNanpGrouped(stretch)) {
            // then international: a North American number written the way only those are
            // (212-555-0147, (212) 555-0147), which no Japanese number matches
            for (PhoneNumberMatch m : PHONES.findNumbers(stretch, "US", PhoneNumberUtil.Leniency.VALID, 20)) {
                add(text, start + m.start(), start + m.end(), hits);
            }
        }
    }

    /**
     * Whether libphonenumber could find anything in the stretch: a Japanese number starts with its
     * trunk {@code 0} and has ten or eleven digits from there, an international one starts with
     * {@code +}, a North American one has its own grouping. Dates, amounts and ids have none of
     * these, and skipping them is what keeps this detector fast on logs.
     */
    private static boolean worthParsing(String text, int start, int end) {
        int digitsAfter = 0;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digitsAfter++;
                if (c == '0' && digitsAfter >= 9 && (i == start || !Chars.isDigit(text.charAt(i - 1)))) {
                    return true;
                }
            } else if ((c == '+' || c == '(') && digitsAfter >= 8) {
                return true;
            }
        }
        return digitsAfter >= 10 && NANP.matcher(text).region(start, end).find();
    }

    /** Ten digits (landline, 0120), or eleven for mobile and IP phones (070, 080, 090, 050). */
    private static boolean japaneseLength(String raw) {
        int digits = 0;
        for (int i = 0; i < raw.length(); i++) {
            digits += Chars.isDigit(raw.charAt(i)) ? 1 : 0;
        }
        if (digits == 10) {
            return true;
        }
        String compact = raw.replace("-", "");
        return digits == 11 && compact.length() == 11 && compact.charAt(0) == '0' && compact.charAt(2) == '0'
                && "5789".indexOf(compact.charAt(1)) >= 0;
    }

    private static boolean add(String text, int start, int end, Hits hits) {
        // libphonenumber keeps an opening bracket that has no partner in the number: （090-…）
        if (text.charAt(start) == '(' && text.indexOf(')', start) < 0 || text.charAt(start) == '(' && text.indexOf(')', start) >= end) {
            start++;
        }
        if (acceptable(text, start, end)) {
            hits.add(start, end, PiiKind.PHONE);
            return true;
        }
        return false;
    }

    /** {@code NNN-NNN-NNNN} or {@code (NNN) NNN-NNNN}, optionally after {@code 1 }/{@code 1-}. */
    private static boolean isNanpGrouped(String stretch) {
        return NANP.matcher(stretch).find();
    }

    /** Not inside an identifier or a longer number, not an amount of money. */
    private static boolean acceptable(String text, int start, int end) {
        char before = Chars.at(text, start - 1);
        char after = Chars.at(text, end);
        if (Chars.isWordChar(before) || Chars.isWordChar(after)) {
            return false;
        }
        if ((before == '.' || before == '-') && Chars.isDigit(Chars.at(text, start - 2))
                || before == ',' && Numbers.isThousandsComma(text, start - 1)) {
            return false;
        }
        if ((after == '.' || after == '-') && Chars.isDigit(Chars.at(text, end + 1))
                || after == ',' && Numbers.isThousandsComma(text, end)) {
            return false;
        }
        if (before == '¥' || before == '$' || before == '€' || before == '£' || after == '円') {
            return false;
        }
        return true;
    }

    static boolean isPhoneField(String name) {
        return !name.isEmpty() && (FIELDS.contains(name) || name.endsWith("phone") || name.endsWith("phonenumber")
                || name.endsWith("telno") || name.endsWith("電話番号"));
    }

    /** What the shop accepts as a phone: an optional {@code +}, digits, spaces, {@code - ( )}, 7 to 15 digits. */
    private static boolean isPhoneShaped(String text, int start, int end) {
        if (end - start < 7 || end - start > 30) {
            return false;
        }
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || (c == '+' && i == start))) {
                return false;
            }
        }
        return digits >= 7 && digits <= 15;
    }
}

package io.prod2test.mask.surrogate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Phone surrogates with libphonenumber: a number valid for the same region and of the same type
 * (mobile stays mobile, toll-free stays toll-free), written in the input's layout. The national
 * destination code (area code, mobile prefix) is kept and the subscriber digits are drawn until
 * libphonenumber accepts the result; as the national significant number keeps its length, the
 * new digits drop into the input's own separators ({@code 090-1234-5678}, {@code +81 90 …},
 * {@code (03) …}). Numbers without a {@code +} are read in each of the default regions in turn
 * (skipping regions such as Japan whose national numbers always start with their trunk 0).
 *
 * <p>The mark: with at least 8 digits (every Japanese and North American number), the last two
 * digits are {@code M("phone", the six digits before them) mod 100}. As these eight digits are the
 * end of the national significant number, the mark reads the same in every notation
 * ({@code 090-…}, {@code +81 90 …}); validity does not depend on the last two subscriber digits in
 * the numbering plans, so the drawing loop rarely needs a second try.
 */
final class Phones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int ATTEMPTS = 200;
    /** Numbers with at least this many digits carry the mark. */
    private static final int MARKED_LENGTH = 8;

    private Phones() {
    }

    /** The first reading of {@code text} that is a valid number, else the first that parses, else null. */
    static PhoneNumber parse(String text, List<String> regions) {
        String trimmed = text.strip();
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("\uFF0B");
        PhoneNumber first = null;
        for (String region : international ? List.of("ZZ") : regions) {
            if (!international && "0".equals(UTIL.getNddPrefixForRegion(region, true)) && !startsWithZero(trimmed)) {
                continue; // in Japan (and the UK, Germany …) a national number is always written with its 0
            }
            try {
                PhoneNumber number = UTIL.parse(trimmed, region);
                if (UTIL.isValidNumber(number)) {
                    return number;
                }
                if (first == null) {
                    first = number;
                }
            } catch (NumberParseException e) {
                // not a number in this region: try the next one
            }
        }
        return first;
    }

    private static boolean startsWithZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                return Chars.digitValue(c) == 0;
            }
        }
        return false;
    }

    static boolean isValid(String text, List<String> regions) {
        PhoneNumber number = parse(text, regions);
        return number != null && UTIL.isValidNumber(number);
    }

    static String phone(KeyedHash hash, String core, List<String> regions) {
        PhoneNumber number = parse(core, regions);
        if (number == null) {
            return digitsOnly(hash, core);
        }
        KeyedStream stream = hash.stream("phone", UTIL.format(number, PhoneNumberFormat.E164));
        String nsn = UTIL.getNationalSignificantNumber(number);
        int countryCode = number.getCountryCode();
        String candidate = null;
        if (UTIL.isValidNumber(number)) {
            String region = UTIL.getRegionCodeForNumber(number);
            PhoneNumberType type = UTIL.getNumberType(number);
            int ndc = UTIL.getLengthOfNationalDestinationCode(number);
            candidate = search(stream, countryCode, nsn, Math.max(1, Math.min(ndc, nsn.length() - 2)), region, type);
            if (candidate == null) {
                candidate = search(stream, countryCode, nsn, 1, region, type);
            }
        } else {
            // not valid to begin with: any valid number of the country's main region and the same length
            String region = UTIL.getRegionCodeForCountryCode(countryCode);
            if (!"ZZ".equals(region)) {
                candidate = search(stream, countryCode, nsn, Math.min(1, nsn.length() - 1), region, null);
            }
        }
        if (candidate == null) {
            return digitsOnly(hash, core);
        }
        return render(core, number, nsn, candidate, stream);
    }

    /** Keeps {@code keep} leading digits of the NSN and draws the rest until a number qualifies. */
    private static String search(KeyedStream stream, int countryCode, String nsn, int keep, String region, PhoneNumberType type) {
        int free = nsn.length() - keep;
        boolean mark = nsn.length() >= MARKED_LENGTH && free >= 2;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = nsn.substring(0, keep) + stream.digits(free - (mark ? 2 : 0));
            if (mark) {
                candidate = withMark(candidate);
            }
            if (candidate.equals(nsn)) {
                if (mark && free == 2) {
                    return null; // nothing left to draw
                }
                continue;
            }
            try {
                PhoneNumber number = UTIL.parse("+" + countryCode + candidate, "ZZ");
                if (UTIL.isValidNumber(number) && region.equals(UTIL.getRegionCodeForNumber(number))
                        && (type == null || UTIL.getNumberType(number) == type)
                        && UTIL.getNationalSignificantNumber(number).equals(candidate)) {
                    return candidate;
                }
            } catch (NumberParseException e) {
                // drawn digits that do not parse: draw again
            }
            if (mark && free == 2) {
                return null; // the only candidate is not valid
            }
        }
        return null;
    }

    /** {@code digits} followed by its two mark digits: the mark of its last six digits. */
    private static String withMark(String digits) {
        return digits + Marks.digits("phone", digits.substring(Math.max(0, digits.length() - 6)), 2);
    }

    /** Whether the digits of {@code text} (either width) end with the phone mark. */
    static boolean isSurrogate(String text) {
        String digits = Chars.digitsOf(text);
        int n = digits.length();
        return n >= MARKED_LENGTH && n <= 20 && withMark(digits.substring(n - 8, n - 2)).equals(digits.substring(n - 8));
    }

    /** The new NSN in the input's layout, or libphonenumber's formatting in the input's style if the digits cannot be located. */
    private static String render(String core, PhoneNumber number, String nsn, String candidate, KeyedStream stream) {
        String digits = Chars.digitsOf(core);
        String extension = number.hasExtension() ? number.getExtension() : "";
        int end = digits.length() - extension.length();
        int start = end - nsn.length();
        if (start >= 0 && digits.startsWith(nsn, start) && digits.endsWith(extension)) {
            String newDigits = digits.substring(0, start) + candidate + stream.digits(extension.length());
            return Chars.fillDigits(core, newDigits);
        }
        try {
            PhoneNumber surrogate = UTIL.parse("+" + number.getCountryCode() + candidate, "ZZ");
            String trimmed = core.strip();
            PhoneNumberFormat style = !trimmed.startsWith("+") ? PhoneNumberFormat.NATIONAL
                    : trimmed.chars().anyMatch(c -> c == ' ' || c == '-') ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.E164;
            return UTIL.format(surrogate, style);
        } catch (NumberParseException e) {
            return candidate;
        }
    }

    /** Not a phone number libphonenumber can read: the first digit kept, the others keyed, layout kept. */
    private static String digitsOnly(KeyedHash hash, String core) {
        String digits = Chars.digitsOf(core);
        if (digits.isEmpty()) {
            return core;
        }
        String plus = core.strip().startsWith("+") ? "+" : "";
        KeyedStream stream = hash.stream("phone", plus + digits);
        while (true) {
            String candidate = digits.length() >= MARKED_LENGTH
                    ? withMark(digits.charAt(0) + stream.digits(digits.length() - 3))
                    : digits.charAt(0) + stream.digits(digits.length() - 1);
            if (!candidate.equals(digits) || digits.length() == 1) {
                return Chars.fillDigits(core, digits.length() == 1 ? String.valueOf(stream.digit()) : candidate);
            }
        }
    }
}

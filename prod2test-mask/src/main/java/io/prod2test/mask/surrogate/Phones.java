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
        Reading reading = read(text, regions);
        return reading == null ? null : reading.number();
    }

    /** A number and whether libphonenumber calls it valid, as {@link #read} found it. */
    record Reading(PhoneNumber number, boolean valid) {
    }

    /** {@link #parse}, and whether the reading is valid (it is tested there, so no caller tests it again). */
    static Reading read(String text, List<String> regions) {
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
                    return new Reading(number, true);
                }
                if (first == null) {
                    first = number;
                }
            } catch (NumberParseException e) {
                // not a number in this region: try the next one
            }
        }
        return first == null ? null : new Reading(first, false);
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
        Reading reading = read(text, regions);
        return reading != null && reading.valid();
    }

    static String phone(KeyedHash hash, String core, List<String> regions) {
        Reading reading = read(core, regions);
        if (reading == null) {
            return digitsOnly(hash, core);
        }
        PhoneNumber number = reading.number();
        KeyedStream stream = hash.stream("phone", UTIL.format(number, PhoneNumberFormat.E164));
        String nsn = UTIL.getNationalSignificantNumber(number);
        int countryCode = number.getCountryCode();
        String candidate = null;
        if (reading.valid()) {
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
            // The number "+<country code><candidate>" parses to: valid, of the region (and type) and
            // with the candidate as its NSN. For a number whose region is the one asked for, valid
            // means a type other than UNKNOWN (both test the NSN against that region's metadata),
            // so one type lookup does both; the cheap tests go first.
            PhoneNumber number = internationalNumber(countryCode, candidate);
            if (number != null && UTIL.getNationalSignificantNumber(number).equals(candidate)
                    && region.equals(UTIL.getRegionCodeForNumber(number))) {
                PhoneNumberType found = UTIL.getNumberType(number);
                if (found != PhoneNumberType.UNKNOWN && (type == null || found == type)) {
                    return candidate;
                }
            }
            if (mark && free == 2) {
                return null; // the only candidate is not valid
            }
        }
        return null;
    }

    /**
     * What {@code UTIL.parse("+" + countryCode + digits, "ZZ")} returns, {@code null} where it
     * throws — without parsing when the outcome is plain: for ASCII digits of an NSN's possible
     * length (2–17) that the country's national prefix for parsing does not start, libphonenumber
     * takes the country code, keeps the digits as they are (no extension, no prefix to strip) and
     * sets the national number and its leading zeros. Anything else is parsed.
     */
    static PhoneNumber internationalNumber(int countryCode, String digits) {
        if (plainNationalNumber(countryCode, digits)) {
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode);
            if (digits.length() > 1 && digits.charAt(0) == '0') { // as PhoneNumberUtil.setItalianLeadingZerosForPhoneNumber
                number.setItalianLeadingZero(true);
                int zeros = 1;
                while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
                    zeros++;
                }
                if (zeros != 1) {
                    number.setNumberOfLeadingZeros(zeros);
                }
            }
            return number.setNationalNumber(Long.parseLong(digits));
        }
        try {
            return UTIL.parse("+" + countryCode + digits, "ZZ");
        } catch (NumberParseException e) {
            return null; // drawn digits that do not parse: draw again
        }
    }

    private static boolean plainNationalNumber(int countryCode, String digits) {
        if (digits.length() < 2 || digits.length() > 17) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        Object prefix = NATIONAL_PREFIX_FOR_PARSING.computeIfAbsent(countryCode, Phones::nationalPrefixForParsing);
        return prefix == NO_PREFIX || (prefix instanceof java.util.regex.Pattern pattern && !pattern.matcher(digits).lookingAt());
    }

    private static final Object NO_PREFIX = new Object();
    private static final Object UNKNOWN_COUNTRY = new Object();
    /** By country code: the pattern of the national prefix libphonenumber strips when parsing, {@link #NO_PREFIX}, or {@link #UNKNOWN_COUNTRY}. */
    private static final java.util.Map<Integer, Object> NATIONAL_PREFIX_FOR_PARSING = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object nationalPrefixForParsing(int countryCode) {
        String region = UTIL.getRegionCodeForCountryCode(countryCode);
        if ("ZZ".equals(region)) {
            return UNKNOWN_COUNTRY; // parse throws: let it
        }
        var source = com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        var metadata = "001".equals(region) ? source.getMetadataForNonGeographicalRegion(countryCode) : source.getMetadataForRegion(region);
        if (metadata == null) {
            return UNKNOWN_COUNTRY;
        }
        String prefix = metadata.getNationalPrefixForParsing();
        // PhoneNumberUtil compiles it the same way (RegexCache: Pattern.compile, no flags)
        return prefix == null || prefix.isEmpty() ? NO_PREFIX : java.util.regex.Pattern.compile(prefix);
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

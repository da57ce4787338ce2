package io.prod2test.mask.surrogate;

import io.prod2test.mask.PiiKind;
import java.util.List;

/**
 * Whether a value is well-formed for its kind the way surrogates are ({@link #isValid}: Luhn and a
 * known brand for cards, libphonenumber validity for phones, check digits for My Numbers,
 * corporate numbers and IBANs, a reserved domain for e-mails, a documentation range for IPs), and
 * whether it is a surrogate at all ({@link #isSurrogate}), which the scan command asks of every
 * value the detectors find, without the masking key. Stateless; never throws on any input.
 */
public final class SurrogateFormats {
    private static final List<String> DEFAULT_REGIONS = List.of("JP", "US");

    private SurrogateFormats() {
    }

    /** Whether {@code value} (surrounding whitespace ignored) is a well-formed value of {@code kind}. */
    public static boolean isValid(PiiKind kind, String value) {
        if (kind == null || value == null) {
            return false;
        }
        String v = Chars.splitSpace(value)[1];
        if (v.isEmpty()) {
            return false;
        }
        try {
            return switch (kind) {
                case EMAIL -> isReservedEmail(v);
                case CARD_NUMBER -> isCardNumber(v);
                case PHONE -> isValidPhone(v, DEFAULT_REGIONS.get(0));
                case MY_NUMBER -> compactDigits(v) != null && CheckDigits.myNumberValid(compactDigits(v));
                case CORPORATE_NUMBER -> compactDigits(v) != null && CheckDigits.corporateValid(compactDigits(v));
                case IBAN -> Numbers.ibanValid(v);
                case IP_ADDRESS -> isDocumentationIp(v);
                case JWT -> Tokens.isJwt(v.regionMatches(true, 0, "bearer ", 0, 7) ? v.substring(7).strip() : v);
                case SECRET, IDENTIFIER -> true;
                case POSTAL_CODE -> isPostalCode(v);
                case ADDRESS -> isAddress(v);
                case PERSON_NAME -> v.codePoints().anyMatch(Character::isLetter);
                case DATE_OF_BIRTH -> Dates.parse(v) != null;
            };
        } catch (RuntimeException e) {
            return false; // a validator answers no rather than failing on odd input
        }
    }

    /**
     * Whether {@code value} (surrounding whitespace ignored) carries the unkeyed mark that every
     * surrogate of {@code kind} under {@link SurrogateScheme#V1} carries, so that a scan can tell a
     * masked value from one that slipped through without holding the key. The marks are described
     * in {@link SurrogateScheme}; a raw value carries one by chance with the probability given
     * there per kind ("false recognition"), a cost in scan recall. Identifiers carry no mark (no
     * detector reports them), so they are never recognised; IP addresses are recognised by their
     * documentation range.
     */
    public static boolean isSurrogate(PiiKind kind, String value) {
        if (kind == null || value == null) {
            return false;
        }
        String v = Chars.splitSpace(value)[1];
        if (v.isEmpty()) {
            return false;
        }
        try {
            return switch (kind) {
                case EMAIL -> Emails.isSurrogate(v);
                case CARD_NUMBER -> compactDigits(v) != null && Numbers.isCardSurrogate(compactDigits(v));
                case PHONE -> isValidPhoneLike(v) && Phones.isSurrogate(v);
                case MY_NUMBER -> compactDigits(v) != null && Numbers.isMyNumberSurrogate(compactDigits(v));
                case CORPORATE_NUMBER -> compactDigits(v) != null && Numbers.isCorporateNumberSurrogate(compactDigits(v));
                case IBAN -> Numbers.ibanMarked(v);
                case IP_ADDRESS -> isDocumentationIp(v);
                case JWT -> Tokens.isJwtSurrogate(v);
                case SECRET -> Tokens.isSecretSurrogate(v);
                case POSTAL_CODE -> isPostalCode(v) && Places.isPostalCodeSurrogate(v);
                case ADDRESS -> Places.isAddressSurrogate(v);
                case PERSON_NAME -> Names.isSurrogate(v);
                case DATE_OF_BIRTH -> Dates.isSurrogate(v);
                case IDENTIFIER -> false;
            };
        } catch (RuntimeException e) {
            return false; // a recogniser answers no rather than failing on odd input
        }
    }

    /** Digits with phone punctuation only: no letters (an extension is not part of the mark). */
    private static boolean isValidPhoneLike(String value) {
        return value.chars().noneMatch(Character::isLetter);
    }

    /** Valid e-mail syntax at a reserved domain (example.com/.net/.org, example.jp/.co.jp/.ne.jp, .test, .example …). */
    public static boolean isReservedEmail(String value) {
        return Emails.isValid(value);
    }

    /** 12–19 digits (spaces and dashes allowed between) passing Luhn. */
    public static boolean isCardNumber(String value) {
        String digits = compactDigits(value);
        return digits != null && digits.length() >= 12 && digits.length() <= 19 && CheckDigits.luhnValid(digits);
    }

    /** The brand of a card number written with or without separators. */
    public static CardBrand cardBrand(String value) {
        String digits = compactDigits(value);
        return digits == null ? CardBrand.UNKNOWN : CardBrand.of(digits);
    }

    /** The Luhn check over ASCII digits. */
    public static boolean luhnValid(String digits) {
        return digits != null && CheckDigits.luhnValid(digits);
    }

    /** A valid number per libphonenumber; numbers without {@code +} are read in {@code region}, then US. */
    public static boolean isValidPhone(String value, String region) {
        return Phones.isValid(value, List.of(region, "US"));
    }

    /** The region (ISO 3166) of a valid phone number, or null. */
    public static String phoneRegion(String value, String region) {
        var number = Phones.parse(value, List.of(region, "US"));
        if (number == null) {
            return null;
        }
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        return util.isValidNumber(number) ? util.getRegionCodeForNumber(number) : null;
    }

    /** The libphonenumber type name (MOBILE, FIXED_LINE …) of a phone number, or null. */
    public static String phoneType(String value, String region) {
        var number = Phones.parse(value, List.of(region, "US"));
        return number == null ? null : com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getNumberType(number).name();
    }

    /** Every address of a comma-separated list in 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 or 2001:db8::/32. */
    public static boolean isDocumentationIp(String value) {
        for (String part : value.split(",")) {
            String address = part.strip();
            if (address.startsWith("[") && address.indexOf(']') > 0) {
                address = address.substring(1, address.indexOf(']'));
            }
            int cut = address.indexOf('/') >= 0 ? address.indexOf('/') : address.indexOf('%');
            if (cut >= 0) {
                address = address.substring(0, cut);
            }
            if (!IpAddresses.isDocumentation(address)) {
                return false;
            }
        }
        return true;
    }

    /** A Japanese postal code whose first three digits are in a prefecture block, or another non-empty code of letters and digits. */
    public static boolean isPostalCode(String value) {
        if (Places.isJapanesePostalCode(value)) {
            String digits = Chars.digitsOf(value);
            return Tables.jpPostalPrefix(Integer.parseInt(digits.substring(0, 3)));
        }
        return value.chars().anyMatch(c -> Chars.isAsciiAlnum((char) c)) && value.chars().allMatch(c -> Chars.isAsciiAlnum((char) c) || c == ' ' || c == '-');
    }

    /** Japanese: starts with a prefecture or a city of the tables; otherwise any text with a letter. */
    public static boolean isAddress(String value) {
        if (Scripts.hasJapanese(value)) {
            return Tables.JA_PREFECTURES.stream().anyMatch(value::startsWith)
                    || Tables.JA_AREAS.stream().anyMatch(a -> value.startsWith(a.city()));
        }
        return value.codePoints().anyMatch(Character::isLetter);
    }

    /** The digits when {@code value} is digits with optional spaces or dashes between, else null. */
    private static String compactDigits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Chars.isDigit(c)) {
                digits.append((char) ('0' + Chars.digitValue(c)));
            } else if (c != ' ' && c != '-' && c != '\u3000' && c != '\uFF0D') {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }
}

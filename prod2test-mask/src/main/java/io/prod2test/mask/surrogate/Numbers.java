package io.prod2test.mask.surrogate;

import java.util.Locale;
import java.util.Map;

/**
 * Surrogates for numbers with a check: card numbers (brand kept, Luhn), My Numbers and corporate
 * numbers (their check digits), IBANs (country, length and character positions kept, mod 97).
 * Only the digits are hashed, so {@code 4242 4242 4242 4242} and {@code 4242424242424242} get the
 * same number; the input's separators and digit width are put back around it.
 */
final class Numbers {
    /** IBAN lengths per country (SWIFT IBAN registry), to validate surrogates and inputs. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    private Numbers() {
    }

    /**
     * Same brand (a keyed prefix from the brand's ranges), same length, Luhn-valid. Fewer than 12
     * digits is no card: the first digit is kept and the rest keyed, still with a Luhn digit. The
     * {@link #cardMarkWidth mark} sits right before the Luhn digit.
     */
    static String card(KeyedHash hash, String core) {
        String digits = Chars.digitsOf(core);
        if (digits.length() < 2) {
            return keyedDigits(hash, "card", core);
        }
        CardBrand brand = digits.length() >= 12 ? CardBrand.of(digits) : CardBrand.UNKNOWN;
        KeyedStream stream = hash.stream("card", digits);
        int length = digits.length();
        while (true) {
            String prefix;
            if (brand == CardBrand.UNKNOWN) {
                prefix = digits.substring(0, 1);
            } else {
                CardBrand.Range range = stream.pick(brand.ranges());
                prefix = String.format(Locale.ROOT, "%0" + range.length() + "d", stream.between(range.low(), range.high()));
            }
            int width = cardMarkWidth(length);
            String keyed = prefix + stream.digits(length - 1 - prefix.length() - width);
            String payload = keyed + Marks.digits("card", keyed, width);
            String candidate = payload + CheckDigits.luhn(payload);
            boolean sameBrand = length < 12 || CardBrand.of(candidate) == brand;
            if (sameBrand && !candidate.equals(digits)) {
                return Chars.fillDigits(core, candidate);
            }
        }
    }

    /**
     * How many digits before a card's Luhn digit are its mark: 3 from 15 digits on (American
     * Express and longer), 2 from 8 to 14, none below.
     */
    static int cardMarkWidth(int length) {
        return length >= 15 ? 3 : length >= 8 ? 2 : 0;
    }

    /** Whether card digits (ASCII, no separators) carry the card mark and a valid Luhn digit. */
    static boolean isCardSurrogate(String digits) {
        int length = digits.length();
        int width = cardMarkWidth(length);
        if (width == 0 || length > 19 || !CheckDigits.luhnValid(digits)) {
            return false;
        }
        String keyed = digits.substring(0, length - 1 - width);
        return digits.startsWith(Marks.digits("card", keyed, width), keyed.length());
    }

    /** 9 keyed digits, 2 mark digits and the My Number check digit; not 12 digits: keyed digits in the same layout. */
    static String myNumber(KeyedHash hash, String core) {
        String digits = Chars.digitsOf(core);
        if (digits.length() != 12) {
            return keyedDigits(hash, "my-number", core);
        }
        KeyedStream stream = hash.stream("my-number", digits);
        while (true) {
            String keyed = stream.digits(9);
            String first11 = keyed + Marks.digits("my-number", keyed, 2);
            String candidate = first11 + CheckDigits.myNumber(first11);
            if (!candidate.equals(digits)) {
                return Chars.fillDigits(core, candidate);
            }
        }
    }

    /** Whether 12 ASCII digits are a valid My Number whose 10th and 11th digits are the mark of the first 9. */
    static boolean isMyNumberSurrogate(String digits) {
        return CheckDigits.myNumberValid(digits) && digits.startsWith(Marks.digits("my-number", digits.substring(0, 9), 2), 9);
    }

    /** The leading check digit, 10 keyed digits and 2 mark digits; not 13 digits: keyed digits in the same layout. */
    static String corporateNumber(KeyedHash hash, String core) {
        String digits = Chars.digitsOf(core);
        if (digits.length() != 13) {
            return keyedDigits(hash, "corporate-number", core);
        }
        KeyedStream stream = hash.stream("corporate-number", digits);
        while (true) {
            String keyed = stream.digits(10);
            String last12 = keyed + Marks.digits("corporate-number", keyed, 2);
            String candidate = CheckDigits.corporate(last12) + last12;
            if (!candidate.equals(digits)) {
                return Chars.fillDigits(core, candidate);
            }
        }
    }

    /** Whether 13 ASCII digits are a valid corporate number whose last 2 digits are the mark of the 10 before them. */
    static boolean isCorporateNumberSurrogate(String digits) {
        return CheckDigits.corporateValid(digits) && digits.endsWith(Marks.digits("corporate-number", digits.substring(1, 11), 2));
    }

    /**
     * Country kept, BBAN keyed position by position (digits stay digits, letters letters), check
     * digits recomputed; spaces and letter case of the input kept. National check digits inside
     * some BBANs (France's RIB key, Italy's CIN) are not recomputed. The BBAN's last two digit
     * positions are its {@link #ibanMarked mark} when it has at least three.
     */
    static String iban(KeyedHash hash, String core) {
        StringBuilder alnum = new StringBuilder(core.length());
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (Chars.isAsciiAlnum(c)) {
                alnum.append(Character.toUpperCase(c));
            }
        }
        String normalised = alnum.toString();
        KeyedStream stream = hash.stream("iban", normalised);
        if (!normalised.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            return Places.sameShape(core, stream);
        }
        String country = normalised.substring(0, 2);
        String bban = normalised.substring(4);
        while (true) {
            StringBuilder newBban = new StringBuilder(bban.length());
            for (int i = 0; i < bban.length(); i++) {
                newBban.append(Chars.isAsciiDigit(bban.charAt(i)) ? stream.digit() : stream.pick(Chars.UPPER));
            }
            ibanMark(country, newBban);
            String candidate = country + CheckDigits.ibanCheck(country, newBban.toString()) + newBban;
            if (!candidate.equals(normalised)) {
                StringBuilder out = new StringBuilder(core.length());
                int next = 0;
                for (int i = 0; i < core.length(); i++) {
                    char c = core.charAt(i);
                    if (Chars.isAsciiAlnum(c)) {
                        char n = candidate.charAt(next++);
                        out.append(Chars.isAsciiLower(c) ? Character.toLowerCase(n) : n);
                    } else {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        }
    }

    /**
     * Puts the IBAN mark into a BBAN (upper case): its last two digit positions become
     * {@code M("iban", country + the BBAN without those two positions) mod 100}; a BBAN with fewer
     * than three digits has no mark.
     */
    private static void ibanMark(String country, StringBuilder bban) {
        int[] at = lastTwoDigits(bban);
        if (at != null) {
            String mark = Marks.digits("iban", ibanMarkContext(country, bban, at), 2);
            bban.setCharAt(at[0], mark.charAt(0));
            bban.setCharAt(at[1], mark.charAt(1));
        }
    }

    /** Whether an IBAN (any layout) is valid and carries the {@link #ibanMark mark}. */
    static boolean ibanMarked(String text) {
        if (!ibanValid(text)) {
            return false;
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        StringBuilder bban = new StringBuilder(compact.substring(4));
        int[] at = lastTwoDigits(bban);
        if (at == null) {
            return false;
        }
        String mark = Marks.digits("iban", ibanMarkContext(compact.substring(0, 2), bban, at), 2);
        return bban.charAt(at[0]) == mark.charAt(0) && bban.charAt(at[1]) == mark.charAt(1);
    }

    private static String ibanMarkContext(String country, CharSequence bban, int[] at) {
        StringBuilder context = new StringBuilder(country);
        for (int i = 0; i < bban.length(); i++) {
            if (i != at[0] && i != at[1]) {
                context.append(bban.charAt(i));
            }
        }
        return context.toString();
    }

    /** The last two digit positions of a BBAN with at least three digits, else null. */
    private static int[] lastTwoDigits(CharSequence bban) {
        int count = 0;
        int last = -1;
        int before = -1;
        for (int i = 0; i < bban.length(); i++) {
            if (Chars.isAsciiDigit(bban.charAt(i))) {
                count++;
                before = last;
                last = i;
            }
        }
        return count >= 3 ? new int[] {before, last} : null;
    }

    static boolean ibanValid(String text) {
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        return (length == null || length == compact.length()) && CheckDigits.ibanMod97(compact) == 1;
    }

    /** Every digit keyed, layout kept: for numbers of a kind whose length is off. */
    static String keyedDigits(KeyedHash hash, String purpose, String core) {
        String digits = Chars.digitsOf(core);
        if (digits.isEmpty()) {
            return Places.sameShape(core, hash.stream(purpose, core));
        }
        KeyedStream stream = hash.stream(purpose, digits);
        while (true) {
            String candidate = stream.digits(digits.length());
            if (!candidate.equals(digits)) {
                return Chars.fillDigits(core, candidate);
            }
        }
    }
}

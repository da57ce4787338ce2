package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Map;
import java.util.Set;

/**
 * International Bank Account Numbers: a country code, two check digits and the national account
 * number, exactly as long as that country's IBANs are, passing the ISO 7064 mod-97 check. Written
 * together ({@code DE89370400440532013000}) or in the print form of groups of four separated by
 * single spaces ({@code DE89 3704 0044 0532 0130 00}); upper case, as IBANs are printed and sent.
 */
public final class IbanDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "iban";

    /** IBAN length per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public IbanDetector() {
        super(NAME, Set.of(PiiKind.IBAN));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 15 && scan.digitCount() >= 8;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        int n = text.length();
        char[] iban = new char[34];
        for (int i = 0; i + 15 <= n; i++) {
            if (!isUpper(text.charAt(i)) || !isUpper(text.charAt(i + 1)) || !Chars.isDigit(text.charAt(i + 2))
                    || !Chars.isDigit(text.charAt(i + 3)) || Chars.isWordChar(Chars.at(text, i - 1))) {
                continue;
            }
            Integer length = LENGTHS.get(text.substring(i, i + 2));
            if (length == null) {
                continue;
            }
            int end = read(text, i, length, iban);
            if (end > 0 && !Chars.isWordChar(Chars.at(text, end)) && mod97(iban, length) == 1) {
                hits.add(i, end, PiiKind.IBAN);
                i = end - 1;
            }
        }
    }

    /**
     * Reads {@code length} IBAN characters from {@code start} into {@code into}, allowing a single
     * space after every group of four (the print form); returns the end, or -1 when they are not there.
     */
    private static int read(String text, int start, int length, char[] into) {
        int n = text.length();
        int count = 0;
        int i = start;
        boolean spaced = false;
        boolean justSpaced = false;
        while (count < length) {
            if (i >= n) {
                return -1;
            }
            char c = text.charAt(i);
            if (count % 4 == 0 && count > 0 && !justSpaced) {
                // the print form puts a space after every four characters, from the first group on
                if (c == ' ' && (spaced || count == 4)) {
                    spaced = true;
                    justSpaced = true;
                    i++;
                    continue;
                }
                if (spaced) {
                    return -1;
                }
            }
            justSpaced = false;
            if (!Chars.isDigit(c) && !isUpper(c)) {
                return -1;
            }
            into[count++] = c;
            i++;
        }
        return i;
    }

    /** The IBAN as a number mod 97: the first four characters moved to the end, letters as 10–35. */
    private static int mod97(char[] iban, int length) {
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = iban[(k + 4) % length];
            int value = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}

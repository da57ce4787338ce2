package io.prod2test.mask.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Phones#internationalNumber} skips libphonenumber's parser for the drawn candidates when
 * the outcome is plain; it must give exactly what the parser gives, for every calling code,
 * including the digits a national prefix for parsing starts with, leading zeros and odd lengths.
 */
class PhoneParsingShortcutTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void givesWhatTheParserGivesForEveryCallingCode() {
        Random random = new Random(17);
        List<Integer> codes = new ArrayList<>(UTIL.getSupportedCallingCodes());
        codes.add(999); // no such calling code
        for (int code : codes) {
            for (int i = 0; i < 300; i++) {
                int length = 1 + random.nextInt(19);
                StringBuilder digits = new StringBuilder();
                if (random.nextInt(4) == 0) {
                    digits.append("0".repeat(1 + random.nextInt(3))); // leading zeros, trunk prefixes
                } else if (random.nextInt(4) == 0) {
                    digits.append(UTIL.getNddPrefixForRegion(UTIL.getRegionCodeForCountryCode(code), true) == null ? ""
                            : UTIL.getNddPrefixForRegion(UTIL.getRegionCodeForCountryCode(code), true));
                }
                while (digits.length() < length) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                String candidate = digits.toString();
                PhoneNumber expected;
                try {
                    expected = UTIL.parse("+" + code + candidate, "ZZ");
                } catch (NumberParseException e) {
                    expected = null;
                }
                PhoneNumber actual = Phones.internationalNumber(code, candidate);
                if (expected == null) {
                    assertThat(actual).as("+%d %s", code, candidate).isNull();
                } else {
                    assertThat(actual).as("+%d %s", code, candidate).isNotNull();
                    assertThat(actual.exactlySameAs(expected)).as("+%d %s: %s vs %s", code, candidate, actual, expected).isTrue();
                }
            }
        }
    }
}

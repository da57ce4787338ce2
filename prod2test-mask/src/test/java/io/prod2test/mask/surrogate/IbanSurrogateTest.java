package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IbanSurrogateTest {
    /** Synthetic IBANs of a few countries: random BBANs in the country's layout, check digits computed. */
    private static String iban(Random random) {
        String country;
        String bban;
        switch (random.nextInt(4)) {
            case 0 -> { country = "DE"; bban = SurrogateTesting.digits(random, 18); }
            case 1 -> { country = "GB"; bban = letters(random, 4) + SurrogateTesting.digits(random, 14); }
            case 2 -> { country = "FR"; bban = SurrogateTesting.digits(random, 10) + letters(random, 3) + SurrogateTesting.digits(random, 10); }
            default -> { country = "NL"; bban = letters(random, 4) + SurrogateTesting.digits(random, 10); }
        }
        String compact = country + CheckDigits.ibanCheck(country, bban) + bban;
        return random.nextBoolean() ? compact : compact.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String letters(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }

    @Test
    void sameCountryLengthAndLayoutWithValidCheckDigits() {
        List<String> ibans = SurrogateTesting.generate(31, 1_000, IbanSurrogateTest::iban);
        for (String iban : ibans) {
            assertThat(SurrogateFormats.isValid(PiiKind.IBAN, iban)).isTrue();
            String surrogate = SURROGATES.iban(iban);
            assertThat(SurrogateFormats.isValid(PiiKind.IBAN, surrogate)).as("%s -> %s", iban, surrogate).isTrue();
            assertThat(surrogate).startsWith(iban.substring(0, 2)).hasSameSizeAs(iban).isNotEqualTo(iban);
            assertThat(SurrogateTesting.separators(surrogate)).isEqualTo(SurrogateTesting.separators(iban));
            for (int i = 4; i < iban.length(); i++) {
                assertThat(Character.isDigit(surrogate.charAt(i))).isEqualTo(Character.isDigit(iban.charAt(i)));
            }
        }
        assertThat(ibans.stream().filter(i -> SURROGATES.iban(i).equals(OTHER.iban(i)))).isEmpty();
    }

    @Test
    void spacesDoNotChangeTheSurrogate() {
        assertThat(SURROGATES.iban("DE89 3704 0044 0532 0130 00").replace(" ", "")).isEqualTo(SURROGATES.iban("DE89370400440532013000"));
    }
}

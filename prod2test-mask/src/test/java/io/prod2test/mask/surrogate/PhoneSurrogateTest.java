package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneSurrogateTest {
    private static final List<String> JP_LANDLINE_AREAS = List.of("03", "06", "045", "052", "011", "092", "075", "078");
    private static final List<String> US_AREAS = List.of("212", "415", "312", "617", "206", "512", "303", "404", "305", "213", "718", "646");

    /** Synthetic numbers of one kind, only those libphonenumber itself calls valid. */
    private static List<String> valid(long seed, String type, Function<Random, String> generator) {
        List<String> numbers = SurrogateTesting.generate(seed, 3_000, generator).stream()
                .filter(n -> SurrogateFormats.isValidPhone(n, "JP") && type.equals(SurrogateFormats.phoneType(n, "JP"))).limit(1_000).toList();
        assertThat(numbers).hasSize(1_000);
        return numbers;
    }

    private static void assertSurrogates(List<String> numbers, String region, String type) {
        for (String number : numbers) {
            assertThat(SurrogateFormats.phoneRegion(number, "JP")).isEqualTo(region);
            String surrogate = SURROGATES.phone(number);
            assertThat(SurrogateFormats.isValid(PiiKind.PHONE, surrogate)).as("%s -> %s", number, surrogate).isTrue();
            assertThat(SurrogateFormats.phoneRegion(surrogate, "JP")).as(surrogate).isEqualTo(region);
            assertThat(SurrogateFormats.phoneType(surrogate, "JP")).as(surrogate).isEqualTo(type);
            assertThat(surrogate).hasSameSizeAs(number).isNotEqualTo(number);
            assertThat(SurrogateTesting.separators(surrogate)).isEqualTo(SurrogateTesting.separators(number));
        }
    }

    @Test
    void japaneseMobilesStayValidJapaneseMobiles() {
        assertSurrogates(valid(1, "MOBILE", r -> "0" + (7 + r.nextInt(3)) + "0-" + SurrogateTesting.digits(r, 4) + "-" + SurrogateTesting.digits(r, 4)),
                "JP", "MOBILE");
    }

    @Test
    void japaneseLandlinesStayValidLandlines() {
        assertSurrogates(valid(2, "FIXED_LINE", r -> {
            String area = JP_LANDLINE_AREAS.get(r.nextInt(JP_LANDLINE_AREAS.size()));
            int local = 10 - area.length(); // the national significant number has nine digits
            return area + "-" + (2 + r.nextInt(8)) + SurrogateTesting.digits(r, local - 5) + "-" + SurrogateTesting.digits(r, 4);
        }), "JP", "FIXED_LINE");
    }

    @Test
    void usNumbersStayValidInTheUs() {
        assertSurrogates(valid(3, "FIXED_LINE_OR_MOBILE", r -> (r.nextBoolean() ? "+1 " : "") + US_AREAS.get(r.nextInt(US_AREAS.size())) + "-"
                + (2 + r.nextInt(8)) + SurrogateTesting.digits(r, 2) + "-" + SurrogateTesting.digits(r, 4)), "US", "FIXED_LINE_OR_MOBILE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "090-1234-5678|^090-\\d{4}-\\d{4}$",
        "+81 90 1234 5678|^\\+81 90 \\d{4} \\d{4}$",
        "+819012345678|^\\+8190\\d{8}$",
        "09012345678|^090\\d{8}$",
        "+1 212-555-0147|^\\+1 212-\\d{3}-\\d{4}$",
        "(03) 1234-5678|^\\(03\\) \\d{4}-\\d{4}$",
        "０９０－１２３４－５６７８|^０９０－[０-９]{4}－[０-９]{4}$",
        "0120-123-456|^0120-\\d{3}-\\d{3}$"
    })
    void keepsTheInputsLayout(String number, String pattern) {
        String surrogate = SURROGATES.phone(number);
        assertThat(surrogate).matches(pattern);
        assertThat(SurrogateFormats.isValidPhone(surrogate, "JP")).isTrue();
        assertThat(SurrogateFormats.phoneType(surrogate, "JP")).isEqualTo(SurrogateFormats.phoneType(number, "JP"));
    }

    @Test
    void oneNumberInAnyNotationGetsOneSurrogate() {
        String national = SURROGATES.phone("090-1234-5678");
        String e164 = SURROGATES.phone("+819012345678");
        assertThat(e164).isEqualTo("+81" + national.substring(1).replace("-", ""));
    }

    @Test
    void deterministicAndKeySensitive() {
        assertThat(SURROGATES.phone("090-1234-5678")).isEqualTo(SURROGATES.phone("090-1234-5678"))
                .isNotEqualTo(OTHER.phone("090-1234-5678"));
    }

    @Test
    void whatIsNoPhoneNumberKeepsItsLayout() {
        String surrogate = SURROGATES.phone("12-34");
        assertThat(surrogate).matches("1\\d-\\d\\d").isNotEqualTo("12-34");
    }
}

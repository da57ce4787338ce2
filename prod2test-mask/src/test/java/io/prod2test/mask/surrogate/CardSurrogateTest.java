package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardSurrogateTest {
    private static final Map<CardBrand, List<Integer>> LENGTHS = Map.of(
            CardBrand.VISA, List.of(13, 16, 19), CardBrand.MASTERCARD, List.of(16), CardBrand.AMERICAN_EXPRESS, List.of(15),
            CardBrand.JCB, List.of(16, 19), CardBrand.DINERS_CLUB, List.of(14, 16), CardBrand.DISCOVER, List.of(16, 19),
            CardBrand.UNIONPAY, List.of(16, 19));

    @ParameterizedTest
    @EnumSource(value = CardBrand.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void sameBrandLengthLayoutAndLuhnForEveryBrand(CardBrand brand) {
        List<String> cards = SurrogateTesting.generate(brand.ordinal(), 1_000, r -> {
            List<Integer> lengths = LENGTHS.get(brand);
            return SurrogateTesting.layout(r, SurrogateTesting.card(r, brand, lengths.get(r.nextInt(lengths.size()))));
        });
        assertThat(cards).hasSize(1_000);
        for (String card : cards) {
            assertThat(SurrogateFormats.cardBrand(card)).isEqualTo(brand);
            String surrogate = SURROGATES.cardNumber(card);
            assertThat(SurrogateFormats.isValid(PiiKind.CARD_NUMBER, surrogate)).as(surrogate).isTrue();
            assertThat(SurrogateFormats.cardBrand(surrogate)).as(surrogate).isEqualTo(brand);
            assertThat(surrogate).hasSameSizeAs(card).isNotEqualTo(card);
            assertThat(SurrogateTesting.separators(surrogate)).isEqualTo(SurrogateTesting.separators(card));
        }
    }

    @Test
    void theSeparatorsDoNotChangeTheDigits() {
        String plain = SURROGATES.cardNumber("4242424242424242");
        assertThat(SURROGATES.cardNumber("4242 4242 4242 4242")).isEqualTo(plain.replaceAll("(\\d{4})(?!$)", "$1 "));
        assertThat(SURROGATES.cardNumber("4242-4242-4242-4242").replace("-", "")).isEqualTo(plain);
        assertThat(SURROGATES.cardNumber("４２４２４２４２４２４２４２４２")).isEqualTo(toFullWidth(plain));
    }

    @Test
    void deterministicAndKeySensitive() {
        String card = "3566 0020 2036 0505";
        assertThat(SURROGATES.cardNumber(card)).isEqualTo(SURROGATES.cardNumber(card)).isNotEqualTo(OTHER.cardNumber(card));
        List<String> cards = SurrogateTesting.generate(99, 1_000, r -> SurrogateTesting.card(r, CardBrand.VISA, 16));
        assertThat(cards.stream().filter(c -> SURROGATES.cardNumber(c).equals(OTHER.cardNumber(c)))).isEmpty();
    }

    @Test
    void publicTestCardsOfEveryBrandKeepTheirBrand() {
        for (String card : List.of("4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "3566002020360505",
                "378282246310005", "3056930009020004", "36227206271667", "6011111111111117", "6200000000000005")) {
            String surrogate = SURROGATES.cardNumber(card);
            assertThat(SurrogateFormats.cardBrand(surrogate)).as(card).isEqualTo(SurrogateFormats.cardBrand(card));
            assertThat(SurrogateFormats.luhnValid(surrogate)).isTrue();
        }
    }

    @Test
    void anUnknownBrandStaysUnknownAndLuhnValid() {
        List<String> cards = SurrogateTesting.generate(5, 1_000, r -> {
            String payload = "9" + SurrogateTesting.digits(r, 14);
            return payload + CheckDigits.luhn(payload);
        });
        for (String card : cards) {
            String surrogate = SURROGATES.cardNumber(card);
            assertThat(CardBrand.of(surrogate)).isEqualTo(CardBrand.UNKNOWN);
            assertThat(surrogate).startsWith("9").hasSize(16).isNotEqualTo(card);
            assertThat(CheckDigits.luhnValid(surrogate)).isTrue();
        }
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('\uFF10' + c - '0')));
        return out.toString();
    }
}

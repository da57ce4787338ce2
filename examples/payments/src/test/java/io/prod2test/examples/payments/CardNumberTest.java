package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "5555555555554444", "378282246310005", "3566002020360505",
        "36227206271667", "6011111111111117", "4000000000000002", "4000000000009995", "4000000000009987",
        "4000000000000127", "4000000000000119", "4000000000003220", "4000002760003184"})
    void testCardsPassTheLuhnCheck(String number) {
        assertThat(CardNumber.luhnValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4242424242424243", "1234567812345678", "", "42424242a4242424"})
    void aWrongCheckDigitOrANonDigitFailsTheLuhnCheck(String number) {
        assertThat(CardNumber.luhnValid(number)).isFalse();
    }

    @Test
    void spacesAndDashesBetweenGroupsAreAllowed() {
        assertThat(CardNumber.parse("4242 4242 4242 4242")).contains(new CardNumber("4242424242424242"));
        assertThat(CardNumber.parse("4242-4242-4242-4242")).contains(new CardNumber("4242424242424242"));
    }

    @Test
    void tooShortTooLongOrInvalidNumbersAreNotParsed() {
        assertThat(CardNumber.parse("00000000000")).isEmpty(); // 11 digits, Luhn-valid zeros
        assertThat(CardNumber.parse("00000000000000000000")).isEmpty(); // 20 digits
        assertThat(CardNumber.parse("4242424242424241")).isEmpty();
        assertThat(CardNumber.parse(null)).isEmpty();
        assertThatThrownBy(() -> new CardNumber("4242424242424241")).hasMessageContaining("Luhn");
    }

    @Test
    void onlyBinLastFourAndBrandAreExposedAndToStringHidesTheNumber() {
        CardNumber number = new CardNumber("5555555555554444");
        assertThat(number.bin()).isEqualTo("555555");
        assertThat(number.last4()).isEqualTo("4444");
        assertThat(number.brand()).isEqualTo(CardBrand.MASTERCARD);
        assertThat(number.toString()).doesNotContain("5555555555554444").isEqualTo("555555…4444");
    }
}

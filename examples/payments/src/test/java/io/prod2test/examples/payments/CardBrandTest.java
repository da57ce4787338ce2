package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CardBrandTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "4242424242424242, VISA",
        "4000002760003184, VISA",
        "5555555555554444, MASTERCARD",
        "5105105105105100, MASTERCARD",
        "2221000000000009, MASTERCARD",
        "2223003122003222, MASTERCARD",
        "2720990000000007, MASTERCARD",
        "378282246310005, AMERICAN_EXPRESS",
        "340000000000009, AMERICAN_EXPRESS",
        "3528000000000007, JCB",
        "3566002020360505, JCB",
        "3589000000000003, JCB",
        "3056930009020004, DINERS_CLUB",
        "36227206271667, DINERS_CLUB",
        "6011111111111117, DISCOVER",
        "6500000000000002, DISCOVER",
        "6200000000000005, UNIONPAY",
    })
    void brandIsToldByTheBin(String number, CardBrand brand) {
        assertThat(CardBrand.fromBin(number)).isEqualTo(brand);
    }

    @ParameterizedTest(name = "{0} is just outside a range")
    @CsvSource({
        "2220990000000000, UNKNOWN",
        "2721000000000000, UNKNOWN",
        "5000000000000000, UNKNOWN",
        "5600000000000000, UNKNOWN",
        "3527000000000000, UNKNOWN",
        "3590000000000000, UNKNOWN",
        "9999000000000000, UNKNOWN",
    })
    void mastercardTwoSeriesAndJcbRangesAreInclusiveAndNoWider(String number, CardBrand brand) {
        assertThat(CardBrand.fromBin(number)).isEqualTo(brand);
    }

    @Test
    void apiCodesAreLowerCaseAndRoundTrip() {
        for (CardBrand brand : CardBrand.values()) {
            assertThat(brand.code()).matches("[a-z]+");
            assertThat(CardBrand.ofCode(brand.code())).isEqualTo(brand);
        }
        assertThat(CardBrand.AMERICAN_EXPRESS.code()).isEqualTo("amex");
    }

    @Test
    void aBinNeedsAtLeastFourDigits() {
        assertThatThrownBy(() -> CardBrand.fromBin("42")).hasMessageContaining("at least 4 digits");
        assertThatThrownBy(() -> CardBrand.fromBin("42a4")).hasMessageContaining("at least 4 digits");
    }
}

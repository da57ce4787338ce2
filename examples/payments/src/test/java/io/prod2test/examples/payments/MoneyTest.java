package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void majorUnitsCarryExactlyTheCurrencysDecimals() {
        assertThat(new Money(4980, SupportedCurrency.JPY).major().toPlainString()).isEqualTo("4980");
        assertThat(new Money(4980, SupportedCurrency.USD).major().toPlainString()).isEqualTo("49.80");
        assertThat(new Money(5, SupportedCurrency.EUR).major().toPlainString()).isEqualTo("0.05");
        assertThat(Money.zero(SupportedCurrency.USD).major().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void ofMajorIsExactAndRejectsExtraDecimals() {
        assertThat(Money.ofMajor(new BigDecimal("49.8"), SupportedCurrency.USD).minor()).isEqualTo(4980);
        assertThat(Money.ofMajor(new BigDecimal("4980.00"), SupportedCurrency.JPY).minor()).isEqualTo(4980);
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("4980.5"), SupportedCurrency.JPY))
                .hasMessageContaining("at most 0 decimals");
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("1.001"), SupportedCurrency.USD))
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("1e30"), SupportedCurrency.USD))
                .hasMessageContaining("does not fit");
    }

    @Test
    void arithmeticStaysInOneCurrency() {
        Money a = new Money(300, SupportedCurrency.JPY);
        Money b = new Money(200, SupportedCurrency.JPY);
        assertThat(a.plus(b)).isEqualTo(new Money(500, SupportedCurrency.JPY));
        assertThat(a.minus(b)).isEqualTo(new Money(100, SupportedCurrency.JPY));
        assertThat(a.exceeds(b)).isTrue();
        assertThat(a.isAtLeast(a)).isTrue();
        assertThatThrownBy(() -> a.plus(new Money(1, SupportedCurrency.USD))).hasMessage("cannot combine JPY with USD");
        assertThatThrownBy(() -> new Money(-1, SupportedCurrency.JPY)).hasMessage("minor must not be negative, was -1");
    }

    @Test
    void currenciesHaveTheirLimitsAndThresholdsInMajorUnits() {
        assertThat(SupportedCurrency.JPY.maximum().toString()).isEqualTo("1000000 JPY");
        assertThat(SupportedCurrency.USD.maximum().toString()).isEqualTo("10000.00 USD");
        assertThat(SupportedCurrency.EUR.maximum().toString()).isEqualTo("10000.00 EUR");
        assertThat(SupportedCurrency.JPY.challengeThreshold().toString()).isEqualTo("30000 JPY");
        assertThat(SupportedCurrency.USD.challengeThreshold().toString()).isEqualTo("300.00 USD");
        assertThat(SupportedCurrency.find("JPY")).contains(SupportedCurrency.JPY);
        assertThat(SupportedCurrency.find("jpy")).isEmpty();
        assertThat(SupportedCurrency.find("GBP")).isEmpty();
    }
}

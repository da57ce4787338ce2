package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardExpiryTest {

    @Test
    void aCardIsValidThroughItsExpiryMonth() {
        CardExpiry expiry = new CardExpiry(11, 2025);
        assertThat(expiry.hasPassed(YearMonth.of(2025, 10))).isFalse();
        assertThat(expiry.hasPassed(YearMonth.of(2025, 11))).isFalse();
        assertThat(expiry.hasPassed(YearMonth.of(2025, 12))).isTrue();
        assertThat(expiry.hasPassed(YearMonth.of(2026, 1))).isTrue();
    }

    @Test
    void monthMustBeOneToTwelveAndYearFourDigits() {
        assertThatThrownBy(() -> new CardExpiry(0, 2030)).hasMessage("expMonth must be between 1 and 12, was 0");
        assertThatThrownBy(() -> new CardExpiry(13, 2030)).hasMessage("expMonth must be between 1 and 12, was 13");
        assertThatThrownBy(() -> new CardExpiry(1, 30)).hasMessageContaining("four-digit year");
        assertThat(new CardExpiry(1, 2000)).isNotNull();
        assertThat(new CardExpiry(12, 2099)).isNotNull();
    }
}

package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AmountRulesTest {
    private final AmountRules rules = new AmountRules(FaultSwitches.none());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "4980, JPY, 4980",
        "4980.0, JPY, 4980",
        "1, JPY, 1",
        "1000000, JPY, 1000000",
        "49.80, USD, 4980",
        "49.8, USD, 4980",
        "0.01, USD, 1",
        "10000.00, USD, 1000000",
        "10000, EUR, 1000000",
    })
    void validAmountsBecomeMinorUnits(String major, SupportedCurrency currency, long minor) {
        assertThat(rules.forAuthorisation(new BigDecimal(major), currency)).isEqualTo(new Money(minor, currency));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "4980.5, JPY, invalid_amount",
        "0.1, JPY, invalid_amount",
        "49.801, USD, invalid_amount",
        "0.001, EUR, invalid_amount",
        "0, JPY, amount_too_small",
        "0.00, USD, amount_too_small",
        "-1, JPY, amount_too_small",
        "1000001, JPY, amount_too_large",
        "10000.01, USD, amount_too_large",
        "10001, EUR, amount_too_large",
        "1e40, USD, amount_too_large",
    })
    void amountsBreakingARuleAre422OnAmount(String major, SupportedCurrency currency, String error) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> rules.forAuthorisation(new BigDecimal(major), currency));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void capturesAndRefundsHaveNoAuthorisationMaximum() {
        assertThat(rules.forMovement(new BigDecimal("2000000"), SupportedCurrency.JPY).minor()).isEqualTo(2_000_000);
    }

    @Test
    void theJpyRoundingFaultRoundsFractionalYenButLeavesOtherCurrenciesAlone() {
        AmountRules faulty = new AmountRules(FaultSwitches.of(Fault.JPY_ROUNDED));
        assertThat(faulty.forAuthorisation(new BigDecimal("4980.5"), SupportedCurrency.JPY).minor()).isEqualTo(4981);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> faulty.forAuthorisation(new BigDecimal("49.801"), SupportedCurrency.USD)).error()).isEqualTo("invalid_amount");
    }
}

package io.prod2test.examples.payments;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns an amount as a client sent it (major units) into {@link Money}, applying the currency
 * rules of the API: no more decimals than the currency has, at least one minor unit and, for an
 * authorisation, no more than the currency's maximum. Breaking a rule is a 422 on {@code amount}.
 */
public final class AmountRules {
    /** The JSON field every amount rule is about. */
    public static final String FIELD = "amount";

    private final FaultSwitches faults;

    public AmountRules(FaultSwitches faults) {
        this.faults = faults;
    }

    /** The amount of a new payment: precision, minimum and the currency's maximum (inclusive). */
    public Money forAuthorisation(BigDecimal major, SupportedCurrency currency) {
        Money money = forMovement(major, currency);
        if (money.exceeds(currency.maximum())) {
            throw ApiException.validation("amount_too_large", FIELD,
                    "amount must be at most " + currency.maximum() + ", was " + major.toPlainString());
        }
        return money;
    }

    /**
     * The amount of a capture or refund: precision and minimum. The upper bound of those is what
     * remains to capture or refund, which only the payment knows.
     */
    public Money forMovement(BigDecimal major, SupportedCurrency currency) {
        BigDecimal value = major.stripTrailingZeros();
        if (value.scale() > currency.digits()) {
            if (currency == SupportedCurrency.JPY && faults.isOn(Fault.JPY_ROUNDED)) {
                // The regression: someone "helpfully" rounds instead of rejecting a fractional yen amount.
                value = value.setScale(0, RoundingMode.HALF_UP);
            } else {
                throw ApiException.validation("invalid_amount", FIELD, currency + " amounts have "
                        + (currency.digits() == 0 ? "no decimals" : "at most " + currency.digits() + " decimals")
                        + ", was " + major.toPlainString());
            }
        }
        if (value.signum() <= 0) {
            throw ApiException.validation("amount_too_small", FIELD,
                    "amount must be at least " + new Money(1, currency) + ", was " + major.toPlainString());
        }
        try {
            return Money.ofMajor(value, currency);
        } catch (IllegalArgumentException tooManyDigits) {
            throw ApiException.validation("amount_too_large", FIELD, "amount is far too large: " + major.toPlainString());
        }
    }
}

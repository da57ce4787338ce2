package io.prod2test.examples.payments;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in minor units of a supported currency (yen, cents). Money is stored and compared in
 * minor units so that no floating-point or rounding question ever reaches the ledger.
 *
 * @param minor    the amount in minor units, not negative (zero is a valid total, not a valid payment)
 * @param currency the currency
 */
public record Money(long minor, SupportedCurrency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency is required");
        if (minor < 0) {
            throw new IllegalArgumentException("minor must not be negative, was " + minor);
        }
    }

    public static Money zero(SupportedCurrency currency) {
        return new Money(0, currency);
    }

    /**
     * The exact amount of a major-unit value.
     *
     * @throws IllegalArgumentException when the value has more decimals than the currency, is
     *     negative, or does not fit in a {@code long} of minor units
     */
    public static Money ofMajor(BigDecimal major, SupportedCurrency currency) {
        Objects.requireNonNull(major, "major is required");
        Objects.requireNonNull(currency, "currency is required");
        BigDecimal exact = major.stripTrailingZeros();
        if (exact.scale() > currency.digits()) {
            throw new IllegalArgumentException("a " + currency + " amount has at most " + currency.digits()
                    + " decimals, was " + major.toPlainString());
        }
        try {
            return new Money(exact.movePointRight(currency.digits()).longValueExact(), currency);
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("amount does not fit in minor units: " + major.toPlainString(), tooLarge);
        }
    }

    /** The amount in major units with exactly the currency's decimals: {@code 4980} yen, {@code 49.80} dollars. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minor, currency.digits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(minor - other.minor, currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return minor >= other.minor;
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return major().toPlainString() + " " + currency;
    }
}

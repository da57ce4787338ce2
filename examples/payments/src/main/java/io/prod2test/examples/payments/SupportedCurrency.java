package io.prod2test.examples.payments;

import java.util.Arrays;
import java.util.Optional;

/**
 * The currencies the service settles, each with its number of minor-unit digits, its largest
 * single payment and the amount from which 3-D Secure is required (both in minor units).
 */
public enum SupportedCurrency {
    /** Yen have no minor unit: 1,000,000 JPY at most, a challenge from 30,000 JPY. */
    JPY(0, 1_000_000L, 30_000L),
    /** 10,000.00 USD at most, a challenge from 300.00 USD. */
    USD(2, 1_000_000L, 30_000L),
    /** 10,000.00 EUR at most, a challenge from 300.00 EUR. */
    EUR(2, 1_000_000L, 30_000L);

    private final int digits;
    private final long maximumMinor;
    private final long challengeThresholdMinor;

    SupportedCurrency(int digits, long maximumMinor, long challengeThresholdMinor) {
        this.digits = digits;
        this.maximumMinor = maximumMinor;
        this.challengeThresholdMinor = challengeThresholdMinor;
    }

    /** Decimal places of the major unit (ISO 4217 minor unit). */
    public int digits() {
        return digits;
    }

    /** The largest amount one payment may authorise, inclusive. */
    public Money maximum() {
        return new Money(maximumMinor, this);
    }

    /** Payments of at least this amount go through a 3-D Secure challenge. */
    public Money challengeThreshold() {
        return new Money(challengeThresholdMinor, this);
    }

    /** The currency with this ISO code, exactly as written (upper case), if supported. */
    public static Optional<SupportedCurrency> find(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}

package io.prod2test.examples.payments;

import java.time.YearMonth;

/**
 * The month a card expires. A card is valid up to and including the last day of that month.
 *
 * @param month 1–12
 * @param year  the four-digit year, 2000–2099
 */
public record CardExpiry(int month, int year) {

    public CardExpiry {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("expMonth must be between 1 and 12, was " + month);
        }
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("expYear must be a four-digit year between 2000 and 2099, was " + year);
        }
    }

    /** Whether the expiry month is over by {@code now}. */
    public boolean hasPassed(YearMonth now) {
        return YearMonth.of(year, month).isBefore(now);
    }
}

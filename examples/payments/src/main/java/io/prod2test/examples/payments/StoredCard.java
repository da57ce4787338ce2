package io.prod2test.examples.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * What a card token keeps of a card: never the number or the CVC.
 *
 * @param token     {@code tok_} and 24 hex digits
 * @param bin       the first six digits
 * @param last4     the last four digits
 * @param brand     the scheme
 * @param expiry    the expiry month
 * @param createdAt when the card was tokenised
 */
public record StoredCard(String token, String bin, String last4, CardBrand brand, CardExpiry expiry, Instant createdAt) {

    public StoredCard {
        Objects.requireNonNull(token, "token is required");
        if (bin == null || !bin.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("bin must be 6 digits");
        }
        if (last4 == null || !last4.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("last4 must be 4 digits");
        }
        Objects.requireNonNull(brand, "brand is required");
        Objects.requireNonNull(expiry, "expiry is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
    }

    /** The stored form of a freshly entered card. */
    public static StoredCard of(String token, CardNumber number, CardExpiry expiry, Instant createdAt) {
        return new StoredCard(token, number.bin(), number.last4(), number.brand(), expiry, createdAt);
    }
}

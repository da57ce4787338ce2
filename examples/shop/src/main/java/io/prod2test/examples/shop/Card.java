package io.prod2test.examples.shop;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A saved card: payments' token and what may be shown of the card. The number and CVC never reach
 * the shop's database.
 */
record Card(String id, @JsonIgnore String customerId, @JsonIgnore String token, String brand, String last4,
            int expMonth, int expYear) {
}

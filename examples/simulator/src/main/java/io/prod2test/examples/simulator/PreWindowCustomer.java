package io.prod2test.examples.simulator;

import java.util.Objects;

/**
 * A customer who signed up before the capture window, as planned: who they are and whether they
 * verified their identity. Like session plans, it depends only on the run's seed and its index.
 *
 * @param index     the customer's position among the run's pre-window customers, from 0
 * @param persona   who the customer is and what they typed at sign-up
 * @param kycNumber the My Number the customer verified with ({@code PUT /customers/{id}/kyc}), or
 *                  {@code null} for a customer who never did
 */
public record PreWindowCustomer(int index, Persona persona, String kycNumber) {
    public PreWindowCustomer {
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, was " + index);
        }
        Objects.requireNonNull(persona, "persona must not be null");
    }

    /** Whether the customer verified their identity before the window. */
    public boolean kycVerified() {
        return kycNumber != null;
    }
}

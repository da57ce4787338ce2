package io.prod2test.examples.payments;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;

/** Rules shared by the money movements on an existing payment: captures and refunds. */
final class Movements {
    private Movements() {
    }

    /**
     * Checks that a capture or refund names the payment's currency (else 422
     * {@code currency_mismatch}): a movement never converts currencies.
     */
    static void requireCurrency(SupportedCurrency requested, Payment payment, FaultSwitches faults) {
        if (requested != payment.currency() && !faults.isOn(Fault.CURRENCY_MISMATCH_ACCEPTED)) {
            throw ApiException.validation("currency_mismatch", "currency",
                    "payment " + payment.id() + " is in " + payment.currency() + ", not " + requested);
        }
    }

    /** The requested amount in the payment's currency, once {@link #requireCurrency} has passed. */
    static Money inPaymentCurrency(Money requested, Payment payment) {
        // Only reached with a foreign currency when the currency-mismatch fault let it through:
        // the number is then taken as the payment's minor units, as the buggy code would.
        return requested.currency() == payment.currency() ? requested : new Money(requested.minor(), payment.currency());
    }
}

package io.prod2test.examples.payments;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.time.YearMonth;

/**
 * Decides what happens to an authorisation: the issuer's checks come first (expiry, then the
 * declining test cards), then strong customer authentication (3-D Secure by amount or card).
 */
public final class AuthorisationRules {
    private final FaultSwitches faults;

    public AuthorisationRules(FaultSwitches faults) {
        this.faults = faults;
    }

    /** The outcome of authorising {@code amount} on {@code card} in the month {@code now}. */
    public Decision decide(StoredCard card, Money amount, YearMonth now) {
        if (card.expiry().hasPassed(now) && !faults.isOn(Fault.EXPIRED_CARD_ACCEPTED)) {
            return new Decision.Decline(DeclineCode.EXPIRED_CARD);
        }
        var testDecline = TestCards.declineFor(card.bin(), card.last4());
        if (testDecline.isPresent()) {
            DeclineCode code = testDecline.get();
            if (code == DeclineCode.INSUFFICIENT_FUNDS && faults.isOn(Fault.WRONG_DECLINE_CODE)) {
                // The regression: the issuer's reason is collapsed into the generic code.
                code = DeclineCode.DO_NOT_HONOR;
            }
            return new Decision.Decline(code);
        }
        boolean challenge = amount.isAtLeast(amount.currency().challengeThreshold())
                || TestCards.alwaysChallenged(card.bin(), card.last4());
        if (challenge && !faults.isOn(Fault.THREE_DS_SKIPPED)) {
            return new Decision.Challenge();
        }
        return new Decision.Approve();
    }

    /** The outcome of the rules. */
    public sealed interface Decision {
        /** Authorised at once. */
        record Approve() implements Decision {
        }

        /** The payer must pass a 3-D Secure challenge first. */
        record Challenge() implements Decision {
        }

        /** The issuer said no. */
        record Decline(DeclineCode code) implements Decision {
        }
    }
}

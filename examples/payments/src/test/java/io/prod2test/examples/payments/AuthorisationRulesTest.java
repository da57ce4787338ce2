package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.AuthorisationRules.Decision;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorisationRulesTest {
    private static final YearMonth NOW = YearMonth.of(2025, 11);
    private final AuthorisationRules rules = new AuthorisationRules(FaultSwitches.none());

    private static StoredCard card(String number, int month, int year) {
        return StoredCard.of("tok_test", new CardNumber(number), new CardExpiry(month, year), Instant.EPOCH);
    }

    private static StoredCard card(String number) {
        return card(number, 12, 2030);
    }

    private static Money jpy(long yen) {
        return new Money(yen, SupportedCurrency.JPY);
    }

    @Test
    void anOrdinaryCardBelowTheThresholdIsApproved() {
        assertThat(rules.decide(card("4242424242424242"), jpy(29_999), NOW)).isEqualTo(new Decision.Approve());
        assertThat(rules.decide(card("4242424242424242"), new Money(29_999, SupportedCurrency.USD), NOW))
                .isEqualTo(new Decision.Approve());
    }

    @Test
    void aChallengeIsAskedAtOrAboveTheThreshold() {
        assertThat(rules.decide(card("4242424242424242"), jpy(30_000), NOW)).isEqualTo(new Decision.Challenge());
        assertThat(rules.decide(card("4242424242424242"), new Money(30_000, SupportedCurrency.EUR), NOW))
                .isEqualTo(new Decision.Challenge());
    }

    @ParameterizedTest
    @CsvSource({"4000000000003220", "4000002760003184"})
    void threeDSecureTestCardsAreAlwaysChallenged(String number) {
        assertThat(rules.decide(card(number), jpy(100), NOW)).isEqualTo(new Decision.Challenge());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4000000000000002, DO_NOT_HONOR",
        "4000000000009995, INSUFFICIENT_FUNDS",
        "4000000000009987, LOST_CARD",
        "4000000000000127, INCORRECT_CVC",
        "4000000000000119, PROCESSING_ERROR",
    })
    void decliningTestCardsDeclineWithTheirCode(String number, DeclineCode code) {
        assertThat(rules.decide(card(number), jpy(100), NOW)).isEqualTo(new Decision.Decline(code));
        assertThat(rules.decide(card(number), jpy(50_000), NOW)).isEqualTo(new Decision.Decline(code));
    }

    @Test
    void aCardIsExpiredOnlyAfterItsExpiryMonth() {
        assertThat(rules.decide(card("4242424242424242", 10, 2025), jpy(100), NOW))
                .isEqualTo(new Decision.Decline(DeclineCode.EXPIRED_CARD));
        assertThat(rules.decide(card("4242424242424242", 11, 2025), jpy(100), NOW)).isEqualTo(new Decision.Approve());
    }

    @Test
    void faultsChangeExactlyTheirRule() {
        assertThat(new AuthorisationRules(FaultSwitches.of(Fault.THREE_DS_SKIPPED)).decide(card("4000000000003220"), jpy(50_000), NOW))
                .isEqualTo(new Decision.Approve());
        assertThat(new AuthorisationRules(FaultSwitches.of(Fault.WRONG_DECLINE_CODE)).decide(card("4000000000009995"), jpy(100), NOW))
                .isEqualTo(new Decision.Decline(DeclineCode.DO_NOT_HONOR));
        assertThat(new AuthorisationRules(FaultSwitches.of(Fault.WRONG_DECLINE_CODE)).decide(card("4000000000009987"), jpy(100), NOW))
                .isEqualTo(new Decision.Decline(DeclineCode.LOST_CARD));
        assertThat(new AuthorisationRules(FaultSwitches.of(Fault.EXPIRED_CARD_ACCEPTED)).decide(card("4242424242424242", 1, 2020), jpy(100), NOW))
                .isEqualTo(new Decision.Approve());
    }

    @Test
    void declineCodesAreTheApiNames() {
        assertThat(DeclineCode.INSUFFICIENT_FUNDS.code()).isEqualTo("insufficient_funds");
        assertThat(DeclineCode.EXPIRED_CARD.code()).isEqualTo("expired_card");
    }
}

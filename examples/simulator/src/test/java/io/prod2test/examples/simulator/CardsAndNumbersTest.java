package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CardsAndNumbersTest {
    @Test
    void everyCardTheSimulatorUsesPassesLuhn() {
        new Simulator(new SimulationConfig(3, 5_000, 8, URI.create("http://localhost:1")), UsageModel.standard(), Clock.systemUTC())
                .plan().forEach(plan -> {
                    if (plan.card() != null) {
                        assertThat(TestCards.luhnValid(plan.card().number())).as(plan.card().number()).isTrue();
                        assertThat(plan.card().cvc()).hasSize(plan.card().testCard().fourDigitCvc() ? 4 : 3);
                        assertThat(plan.card().expMonth()).isBetween(1, 12);
                    }
                });
        TestCards.good().forEach(c -> assertThat(TestCards.luhnValid(c.number())).isTrue());
        TestCards.DECLINING.forEach(c -> assertThat(TestCards.luhnValid(c.number())).isTrue());
        TestCards.THREE_D_SECURE.forEach(c -> assertThat(TestCards.luhnValid(c.number())).isTrue());
    }

    @Test
    void theBrandMixHasEveryNetworkIncludingTwoSeriesMastercard() {
        assertThat(TestCards.good()).extracting(TestCard::brand)
                .contains("Visa", "Mastercard", "American Express", "JCB", "Diners Club", "Discover", "UnionPay");
        assertThat(TestCards.good()).extracting(TestCard::number).contains("2223003122003222");
        Random random = new Random(1);
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            drawn.add(TestCards.pickGood(random).brand());
        }
        assertThat(drawn).hasSize(7);
    }

    @Test
    void theDecliningCardsAreTheReadmes() {
        assertThat(TestCards.DECLINING).extracting(TestCard::number, TestCard::declineCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("4000000000000002", "do_not_honor"),
                org.assertj.core.groups.Tuple.tuple("4000000000009995", "insufficient_funds"),
                org.assertj.core.groups.Tuple.tuple("4000000000009987", "lost_card"),
                org.assertj.core.groups.Tuple.tuple("4000000000000127", "incorrect_cvc"),
                org.assertj.core.groups.Tuple.tuple("4000000000000119", "processing_error"));
    }

    @Test
    void luhnRejectsATypo() {
        assertThat(TestCards.luhnValid("4242424242424242")).isTrue();
        assertThat(TestCards.luhnValid("4242424242424241")).isFalse();
        assertThatThrownBy(() -> new TestCard("4242424242424241", "Visa", null, false))
                .hasMessageContaining("Luhn");
    }

    @Test
    void myNumberCheckDigitFollowsTheRule() {
        // 11 leading digits 12345678901: weights from the right 2..7 then 2..6
        // sum = 1*2 + 0*3 + 9*4 + 8*5 + 7*6 + 6*7 + 5*2 + 4*3 + 3*4 + 2*5 + 1*6 = 212; 212 mod 11 = 3; 11 - 3 = 8
        assertThat(MyNumbers.checkDigit("12345678901")).isEqualTo(8);
        assertThat(MyNumbers.isValid("123456789018")).isTrue();
        assertThat(MyNumbers.isValid("123456789017")).isFalse();
        assertThat(MyNumbers.checkDigit("00000000000")).isZero(); // remainder 0 gives 0
        assertThatThrownBy(() -> MyNumbers.checkDigit("1234")).hasMessageContaining("11 digits");
    }

    @Test
    void generatedMyNumbersAreValidAndTyposAreNot() {
        Random random = new Random(8);
        for (int i = 0; i < 10_000; i++) {
            String number = MyNumbers.generate(random);
            assertThat(MyNumbers.isValid(number)).isTrue();
            assertThat(MyNumbers.isValid(MyNumbers.withWrongCheckDigit(number, random))).isFalse();
        }
    }
}

package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.shop.MyNumber;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator's My Numbers against the shop's own check, which decides 200 or 422 in production. */
class ShopCrossCheckTest {
    @Test
    void theShopAcceptsEveryGeneratedMyNumberAndRejectsEveryTypo() {
        Random random = new Random(21);
        for (int i = 0; i < 20_000; i++) {
            String number = MyNumbers.generate(random);
            assertThat(MyNumber.isValid(number)).as(number).isTrue();
            assertThat(MyNumbers.checkDigit(number.substring(0, 11))).isEqualTo(MyNumber.checkDigit(number.substring(0, 11)));
            String typo = MyNumbers.withWrongCheckDigit(number, random);
            assertThat(MyNumber.isValid(typo)).as(typo).isFalse();
        }
    }
}

package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Worked by hand: weights 2..7 for the six rightmost digits, 2..6 for the five before.
            "12345678901, 8", // sum 212, 212 mod 11 = 3, 11 - 3 = 8
            "00000000000, 0", // remainder 0
            "00000000006, 0", // 6 x 2 = 12, remainder 1 -> 0
            "00000000001, 9", // 1 x 2 = 2, remainder 2 -> 9
            "00000000005, 1", // 5 x 2 = 10, remainder 10 -> 1
            "00000100000, 4", // n = 6 weighs 7, remainder 7 -> 4
            "00001000000, 9", // n = 7 weighs 2 again, remainder 2 -> 9
            "10000000000, 5"  // n = 11 weighs 6, remainder 6 -> 5
    })
    void computesTheCheckDigitOfTheStatutoryFormula(String first11, int expected) {
        assertThat(MyNumber.checkDigit(first11)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789018", "000000000000", "000000000060", "000000000019", "100000000005"})
    void acceptsNumbersWithTheirCheckDigit(String number) {
        assertThat(MyNumber.isValid(number)).isTrue();
    }

    @Test
    void rejectsEveryOtherLastDigit() {
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(MyNumber.isValid("12345678901" + digit)).as("last digit %d", digit).isEqualTo(digit == 8);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345678901", "1234567890188", "1234-5678-9018", "12345678901a", "１２３４５６７８９０１８", " 123456789018"})
    void rejectsAnythingButTwelveAsciiDigits(String number) {
        assertThat(MyNumber.isValid(number)).isFalse();
    }

    @Test
    void generatedNumbersAreValid() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1_000; i++) {
            String first11 = String.format("%011d", random.nextLong(100_000_000_000L));
            assertThat(MyNumber.isValid(first11 + MyNumber.checkDigit(first11))).isTrue();
        }
    }

    @Test
    void checkDigitStatesItsInputRule() {
        assertThatThrownBy(() -> MyNumber.checkDigit("1234567890"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 11 digits");
        assertThatThrownBy(() -> MyNumber.checkDigit("1234567890x")).hasMessageContaining("exactly 11 digits");
        assertThatThrownBy(() -> MyNumber.checkDigit(null)).hasMessageContaining("exactly 11 digits");
    }
}

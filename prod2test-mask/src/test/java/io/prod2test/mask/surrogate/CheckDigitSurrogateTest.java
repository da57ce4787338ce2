package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckDigitSurrogateTest {
    @Test
    void theCheckDigitRulesMatchPublishedExamples() {
        // the National Tax Agency's own corporate number, and a My Number built by the rule by hand
        assertThat(CheckDigits.corporateValid("7000012050002")).isTrue();
        assertThat(CheckDigits.corporateValid("8000012050002")).isFalse();
        assertThat(CheckDigits.myNumber("12345678901")).isEqualTo(8);
        assertThat(CheckDigits.myNumberValid("123456789018")).isTrue();
        assertThat(CheckDigits.luhnValid("4242424242424242")).isTrue();
        assertThat(CheckDigits.luhnValid("4242424242424241")).isFalse();
    }

    @Test
    void myNumbersKeepAValidCheckDigit() {
        List<String> numbers = SurrogateTesting.generate(21, 1_000, SurrogateTesting::myNumber);
        for (String number : numbers) {
            String written = number.hashCode() % 3 == 0 ? number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8) : number;
            String surrogate = SURROGATES.myNumber(written);
            assertThat(SurrogateFormats.isValid(PiiKind.MY_NUMBER, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(written).hasSameSizeAs(written);
            assertThat(SurrogateTesting.separators(surrogate)).isEqualTo(SurrogateTesting.separators(written));
            assertThat(Chars.digitsOf(surrogate)).isEqualTo(Chars.digitsOf(SURROGATES.myNumber(number)));
        }
        assertThat(numbers.stream().filter(n -> SURROGATES.myNumber(n).equals(OTHER.myNumber(n)))).isEmpty();
    }

    @Test
    void corporateNumbersKeepAValidCheckDigit() {
        List<String> numbers = SurrogateTesting.generate(22, 1_000, SurrogateTesting::corporateNumber);
        for (String number : numbers) {
            String surrogate = SURROGATES.corporateNumber(number);
            assertThat(SurrogateFormats.isValid(PiiKind.CORPORATE_NUMBER, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(number).hasSize(13);
            assertThat(SURROGATES.corporateNumber(number)).isEqualTo(surrogate);
        }
        assertThat(numbers.stream().filter(n -> SURROGATES.corporateNumber(n).equals(OTHER.corporateNumber(n)))).isEmpty();
    }

    @Test
    void aNumberOfTheWrongLengthStillLosesItsDigits() {
        assertThat(SURROGATES.myNumber("1234-5678")).matches("\\d{4}-\\d{4}").isNotEqualTo("1234-5678");
    }
}

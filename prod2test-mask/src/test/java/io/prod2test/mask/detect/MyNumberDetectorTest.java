package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumberDetectorTest {
    private final MyNumberDetector detector = new MyNumberDetector();

    /** Valid numbers made from random digits with the check digit of the rule (Found.myNumber). */
    private static List<String> validNumbers(int count, long seed) {
        Random random = new Random(seed);
        List<String> numbers = new ArrayList<>();
        while (numbers.size() < count) {
            StringBuilder first11 = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                first11.append(random.nextInt(10));
            }
            String number = Found.myNumber(first11.toString());
            if (!number.chars().allMatch(c -> c == number.charAt(0))) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    @Test
    void theRuleMatchesAPublishedExample() {
        assertThat(Found.myNumber("12345678901")).isEqualTo("123456789018");
    }

    @Test
    void findsValidNumbersWrittenTogetherOrIn444Groups() {
        for (String number : validNumbers(200, 1)) {
            if (Numbers.looksLikeDateTime(number.toCharArray())) {
                continue; // yyyyMMddHHmm-shaped: left alone by design, see below
            }
            String spaced = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
            String dashed = spaced.replace(' ', '-');
            assertThat(Found.in(detector, number)).as(number).containsExactly("MY_NUMBER:" + number);
            assertThat(Found.in(detector, "→ " + spaced)).as(spaced).containsExactly("MY_NUMBER:" + spaced);
            assertThat(Found.in(detector, "個人番号 " + dashed + " です")).as(dashed).containsExactly("MY_NUMBER:" + dashed);
        }
    }

    @Test
    void rejectsEveryWrongCheckDigit() {
        for (String number : validNumbers(50, 2)) {
            for (int offset = 1; offset <= 9; offset++) {
                String wrong = Found.wrongCheckDigit(number, offset);
                assertThat(Found.in(detector, wrong)).as(wrong).isEmpty();
            }
        }
    }

    @Test
    void findsFullWidthNumbers() {
        assertThat(Found.in(detector, "マイナンバー：１２３４５６７８９０１８")).containsExactly("MY_NUMBER:１２３４５６７８９０１８");
    }

    @Test
    void reportsA12DigitValueInAMyNumberFieldEvenWithAWrongCheckDigit() {
        String mistyped = Found.wrongCheckDigit("123456789018", 3);
        assertThat(Found.in(detector, mistyped)).isEmpty();
        assertThat(Found.in(detector, mistyped, Found.body("myNumber"))).containsExactly("MY_NUMBER:" + mistyped);
    }

    @Test
    void aLabelOutweighsTheWordsThatOtherwiseMeanAnotherNumber() {
        assertThat(Found.in(detector, "注文 123456789018")).isEmpty();
        assertThat(Found.in(detector, "注文時の個人番号 123456789018")).containsExactly("MY_NUMBER:123456789018");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "1234567890123", "12345678901", "1234567890189", "x123456789018",
            "ord_123456789018", "123456789018.5", "1.123456789018", "123-456-789-018", "1234 5678 9018 1234",
            "1234 5678-9018", "202405011230", "0000 0000 0000", "arn:aws:iam::123456789018:role/deploy",
            "order 123456789018", "ご注文番号 123456789018", "お客様番号 123456789018", "account 123456789018"})
    void leavesNearMissesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }

    @Test
    void anOrderIdFieldIsNotAMyNumber() {
        assertThat(Found.in(detector, "123456789018", Found.body("orderNumber"))).isEmpty();
    }
}

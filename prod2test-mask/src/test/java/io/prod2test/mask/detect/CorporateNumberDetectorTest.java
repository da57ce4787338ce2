package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberDetectorTest {
    private final CorporateNumberDetector detector = new CorporateNumberDetector();

    @Test
    void theRuleMatchesPublishedNumbers() {
        // the National Tax Agency's own corporate number, and another from the public register
        assertThat(Found.corporateNumber("000012050002")).isEqualTo("7000012050002");
        assertThat(Found.corporateNumber("180301018771")).isEqualTo("1180301018771");
    }

    @Test
    void findsNumbersInTheirField() {
        for (String body : new String[] {"000012050002", "180301018771", "010401050387", "999999999999", "000000000001"}) {
            String number = Found.corporateNumber(body);
            assertThat(Found.in(detector, number, Found.body("corporateNumber"))).containsExactly("CORPORATE_NUMBER:" + number);
            assertThat(Found.in(detector, number, Found.body("法人番号"))).containsExactly("CORPORATE_NUMBER:" + number);
        }
    }

    @Test
    void findsNumbersAfterALabel() {
        assertThat(Found.in(detector, "法人番号 7000012050002 の請求書")).containsExactly("CORPORATE_NUMBER:7000012050002");
        assertThat(Found.in(detector, "Corporate Number: 1180301018771")).containsExactly("CORPORATE_NUMBER:1180301018771");
        assertThat(Found.in(detector, "法人番号：７００００１２０５０００２")).containsExactly("CORPORATE_NUMBER:７００００１２０５０００２");
    }

    @Test
    void findsInvoiceRegistrationNumbersWithoutTheirT() {
        assertThat(Found.in(detector, "登録番号 T1180301018771")).containsExactly("CORPORATE_NUMBER:1180301018771");
        assertThat(Found.in(detector, "(T7000012050002)")).containsExactly("CORPORATE_NUMBER:7000012050002");
    }

    @Test
    void rejectsAWrongCheckDigitEvenInItsField() {
        assertThat(Found.in(detector, "8000012050002", Found.body("corporateNumber"))).isEmpty();
        assertThat(Found.in(detector, "T8000012050002")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7000012050002", "ts 1180301018771", "1700000000000", "createdAt=1714560000123",
            "AT7000012050002", "T70000120500021", "T700001205000", "法人番号 70000120500021", "9784065199816"})
    void needsContextAndAWholeNumber(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}

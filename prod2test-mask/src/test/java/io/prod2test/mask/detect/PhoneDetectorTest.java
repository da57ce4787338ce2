package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
    private final PhoneDetector detector = new PhoneDetector();

    @ParameterizedTest
    @ValueSource(strings = {"090-1234-5678", "080 1234 5678", "070-1234-5678", "09012345678", "03-1234-5678",
            "06-6123-4567", "0466-12-3456", "0120-123-456", "050-3123-4567", "(03) 1234-5678",
            "+81 90 1234 5678", "+81-3-1234-5678", "+1 212-555-0147", "+44 20 7946 0958", "０９０－１２３４－５６７８",
            "090-0436-6932"}) // a mobile block libphonenumber does not list yet, in the unmistakable 0X0-NNNN-NNNN shape
    void findsJapaneseAndInternationalNumbers(String number) {
        assertThat(Found.in(detector, number)).containsExactly("PHONE:" + number);
        assertThat(Found.in(detector, "電話番号は" + number + "です")).containsExactly("PHONE:" + number);
    }

    @Test
    void findsNorthAmericanNumbersInTheirOwnGrouping() {
        assertThat(Found.in(detector, "call (415) 555-0132 after 6pm")).containsExactly("PHONE:(415) 555-0132");
        assertThat(Found.in(detector, "call 212-555-0147")).containsExactly("PHONE:212-555-0147");
    }

    @Test
    void dropsABracketWithoutItsPartner() {
        assertThat(Found.in(detector, "電話がありました（080-0407-2743）。")).containsExactly("PHONE:080-0407-2743");
    }

    @Test
    void takesTheWholeValueOfAPhoneField() {
        assertThat(Found.in(detector, "212-555-0147", Found.body("phone"))).containsExactly("PHONE:212-555-0147");
        assertThat(Found.in(detector, " +81 (0)90-1234-5678 ", Found.body("mobilePhone")))
                .containsExactly("PHONE:+81 (0)90-1234-5678");
        assertThat(Found.in(detector, "not a number", Found.body("phone"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000000", "9012345678", "ord_09012345678", "09012345678x",
            "¥4,980", "49.80", "1,000,000", "合計 1234567890円", "¥0312345678", "2024-05-01", "2024-05-01 12:34:56",
            "4242 4242 4242 4242", "123456789012", "10.0.19045.3803", "0120-1234-5678", "010-1234-5678",
            "12:34:56", "3.14159265358979", "1.0312345678", "id=0312345678901"})
    void leavesAmountsIdsAndTimestampsAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}

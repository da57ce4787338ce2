package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeDetectorTest {
    private final PostalCodeDetector detector = new PostalCodeDetector();

    @Test
    void findsJapaneseCodesAnywhereLeavingTheMark() {
        assertThat(Found.in(detector, "160-0023")).containsExactly("POSTAL_CODE:160-0023");
        assertThat(Found.in(detector, "〒160-0023 東京都新宿区")).containsExactly("POSTAL_CODE:160-0023");
        assertThat(Found.in(detector, "〒 530-0001")).containsExactly("POSTAL_CODE:530-0001");
        assertThat(Found.in(detector, "〒1600023")).containsExactly("POSTAL_CODE:1600023");
        assertThat(Found.in(detector, "郵便番号は060-0001です")).containsExactly("POSTAL_CODE:060-0001");
        assertThat(Found.in(detector, "〒１６０－００２３")).containsExactly("POSTAL_CODE:１６０－００２３");
    }

    @Test
    void takesAnyCountrysCodeInAPostalField() {
        assertThat(Found.in(detector, "1600023", Found.body("postalCode"))).containsExactly("POSTAL_CODE:1600023");
        assertThat(Found.in(detector, "94105-1234", Found.body("zip"))).containsExactly("POSTAL_CODE:94105-1234");
        assertThat(Found.in(detector, "SW1A 1AA", Found.body("postcode"))).containsExactly("POSTAL_CODE:SW1A 1AA");
        assertThat(Found.in(detector, "〒160-0023", Found.body("郵便番号"))).containsExactly("POSTAL_CODE:160-0023");
        assertThat(Found.in(detector, "order ord_1 shipping_postal_code=02108 total=1")).containsExactly("POSTAL_CODE:02108");
    }

    @Test
    void aBareSevenDigitNumberNeedsAPostalField() {
        assertThat(Found.in(detector, "1600023")).isEmpty();
        assertThat(Found.in(detector, "not a code", Found.body("postalCode"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-123-4567", "090-123-4567", "123-4567-8901", "ABC-123-4567", "100-2000円", "¥100-2000",
            "第123-4567号", "1234-5678", "12-3456", "123-45678", "2024-05-01", "x123-4567", "123-4567.5", "+123-4567"})
    void leavesPhoneTailsCodesAndAmountsAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}

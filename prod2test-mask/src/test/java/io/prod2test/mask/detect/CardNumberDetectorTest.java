package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberDetectorTest {
    private final CardNumberDetector detector = new CardNumberDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "4242 4242 4242 4242", "4012888888881881", "4000056655665556", // Visa
            "5555-5555-5555-4444", "5200828282828210", "2223003122003222", // Mastercard, 2-series too
            "378282246310005", "371449635398431", "3782 822463 10005", // American Express, 4-6-5
            "3566002020360505", "3530 1113 3330 0000", // JCB
            "36227206271667", "3622 720627 1667", "3056930009020004", // Diners Club, 4-6-4
            "6011111111111117", "6011000990139424", // Discover
            "6200000000000005", // UnionPay
            "6759649826438453"}) // Maestro
    void findsEveryBrandsTestNumbers(String number) {
        assertThat(Found.in(detector, number)).containsExactly("CARD_NUMBER:" + number);
        assertThat(Found.in(detector, "paid with " + number + ", thanks")).containsExactly("CARD_NUMBER:" + number);
    }

    @Test
    void findsEdgesOfTheBrandRanges() {
        for (String prefix : new String[] {"222100000000000", "272099999999999", "352800000000000", "358999999999999",
                "644000000000000", "649999999999999", "650000000000000", "300000000000" + "0", "305999999999" + "9"}) {
            String number = Found.withLuhn(prefix);
            assertThat(Found.in(detector, number)).as(number).containsExactly("CARD_NUMBER:" + number);
        }
        String visa19 = Found.withLuhn("400000000000000000");
        assertThat(Found.in(detector, visa19)).containsExactly("CARD_NUMBER:" + visa19);
    }

    @Test
    void findsFullWidthNumbersInJapaneseText() {
        assertThat(Found.in(detector, "カード番号４２４２－４２４２－４２４２－４２４２で決済"))
                .containsExactly("CARD_NUMBER:４２４２－４２４２－４２４２－４２４２");
    }

    @Test
    void stopsBeforeDigitsThatFollowTheCard() {
        assertThat(Found.in(detector, "4242 4242 4242 4242 12 27")).containsExactly("CARD_NUMBER:4242 4242 4242 4242");
    }

    @Test
    void acceptsAnyLuhnValidNumberInACardNumberField() {
        String unbranded = Found.withLuhn("990000000000000"); // no brand, but the field says what it is
        assertThat(Found.in(detector, unbranded)).isEmpty();
        assertThat(Found.in(detector, unbranded, Found.body("cardNumber"))).containsExactly("CARD_NUMBER:" + unbranded);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4242424242424241", "4242 4242 4242 4241", "5555-5555-5555-4445", // Luhn-invalid
            "1700000000", "1700000000000", "ts=1714560000123", // Unix timestamps, seconds and milliseconds
            "ord_1234567890123", "pay_4242424242424242", "x4242424242424242", "4242424242424242abc", // in identifiers
            "ISBN 978-4-06-519981-6", "9784065199816", "JAN 4901234567894", // ISBN and JAN barcodes (EAN-13)
            "4242424242424242424242", "tracking 4242424242424242424", // longer digit runs
            "12345678-1234-1234-1234-123456789012", "3f2b8c1e-4242-4242-4242-424242424242", // UUIDs
            "0x4242424242424242", "1.4242424242424242", "4242424242424242.50", "ORD-4242424242424242",
            "IMEI 490154203237518", "1234567812345678", "0000 0000 0000 0000", "4242 4242 4242", "42424 2424 2424 242",
            "¥4,980", "1,000,000", "49.80", "10.0.19045.3803", "code 1234-5678-9012-3456-7890"})
    void leavesNearMissesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }

    @Test
    void mixedSeparatorsAreNotOneNumber() {
        assertThat(Found.in(detector, "4242 4242-4242 4242")).isEmpty();
    }
}

package io.prod2test.mask.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurrogateFormatsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EMAIL|u2b3c@example.com|true",
        "EMAIL|someone@example.co.jp|true",
        "EMAIL|someone@gmail.com|false",
        "EMAIL|no-at-sign|false",
        "CARD_NUMBER|4242 4242 4242 4242|true",
        "CARD_NUMBER|4242 4242 4242 4241|false",
        "CARD_NUMBER|4242|false",
        "PHONE|090-1234-5678|true",
        "PHONE|+1 212-555-0147|true",
        "PHONE|090-1234|false",
        "MY_NUMBER|123456789018|true",
        "MY_NUMBER|123456789019|false",
        "CORPORATE_NUMBER|7000012050002|true",
        "CORPORATE_NUMBER|7000012050003|false",
        "IBAN|DE89 3704 0044 0532 0130 00|true",
        "IBAN|DE88 3704 0044 0532 0130 00|false",
        "IP_ADDRESS|192.0.2.10|true",
        "IP_ADDRESS|2001:db8::1|true",
        "IP_ADDRESS|10.0.0.1|false",
        "IP_ADDRESS|192.0.2.1, 203.0.113.9|true",
        "JWT|not.a.jwt|false",
        "POSTAL_CODE|160-0023|true",
        "POSTAL_CODE|〒160-0023|true",
        "POSTAL_CODE|000-0023|false",
        "ADDRESS|東京都新宿区西新宿2-8-1|true",
        "ADDRESS|どこか|false",
        "PERSON_NAME|佐藤 太郎|true",
        "PERSON_NAME|12345|false",
        "DATE_OF_BIRTH|1985-04-07|true",
        "DATE_OF_BIRTH|1985年4月7日|true",
        "DATE_OF_BIRTH|1985-02-30|false",
        "IDENTIFIER|cus_1|true"
    })
    void tellsWellFormedValuesFromOthers(PiiKind kind, String value, boolean valid) {
        assertThat(SurrogateFormats.isValid(kind, value)).isEqualTo(valid);
    }

    @Test
    void neverThrows() {
        for (PiiKind kind : PiiKind.values()) {
            assertThat(SurrogateFormats.isValid(kind, null)).isFalse();
            assertThat(SurrogateFormats.isValid(kind, "")).isFalse();
            assertThat(SurrogateFormats.isValid(kind, "\u0000\uD800")).isNotNull();
        }
        assertThat(SurrogateFormats.isValid(null, "x")).isFalse();
    }

    @Test
    void namesBrands() {
        assertThat(SurrogateFormats.cardBrand("3566 0020 2036 0505")).isEqualTo(CardBrand.JCB);
        assertThat(SurrogateFormats.cardBrand("2223003122003222")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(SurrogateFormats.cardBrand("36227206271667")).isEqualTo(CardBrand.DINERS_CLUB);
        assertThat(SurrogateFormats.cardBrand("6200000000000005")).isEqualTo(CardBrand.UNIONPAY);
        assertThat(SurrogateFormats.cardBrand("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
        assertThat(SurrogateFormats.cardBrand("378282246310005")).isEqualTo(CardBrand.AMERICAN_EXPRESS);
        assertThat(SurrogateFormats.cardBrand("9999")).isEqualTo(CardBrand.UNKNOWN);
    }
}

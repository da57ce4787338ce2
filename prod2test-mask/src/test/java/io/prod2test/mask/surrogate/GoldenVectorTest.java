package io.prod2test.mask.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scheme V1 outputs pinned for a fixed key: test assets masked by one release must match those
 * of the next. If this fails, a change altered V1 outputs — undo it, or put it in a new scheme.
 * The unkeyed recognisability marks are part of V1, so every vector here also carries its mark
 * ({@link #everyVectorCarriesItsMark}).
 */
class GoldenVectorTest {
    private static final Surrogates V1 = Surrogates.builder(MaskingKey.ofText("prod2test-golden-vector-key-v1"))
            .scheme(SurrogateScheme.V1).referenceDate(LocalDate.of(2025, 1, 1)).build();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "EMAIL|taro.sato42@example.co.jp|utrvozntvz2aggq25@example.co.jp",
        "EMAIL|Emily.Johnson7@Example.com|ut57z5zmjryhjaon5@example.com",
        "CARD_NUMBER|4242 4242 4242 4242|4891 5886 8665 8020",
        "CARD_NUMBER|378282246310005|341534525231102",
        "CARD_NUMBER|3566-0020-2036-0505|3544-2102-8874-0048",
        "CARD_NUMBER|5555555555554444|5352859415337338",
        "PHONE|090-1234-5678|090-4521-1815",
        "PHONE|03-1234-5678|03-6218-2872",
        "PHONE|+1 212-555-0147|+1 212-209-9915",
        "MY_NUMBER|123456789018|516521786260",
        "CORPORATE_NUMBER|7000012050002|1293838555905",
        "IBAN|DE89 3704 0044 0532 0130 00|DE70 5748 9731 7667 6089 91",
        "IBAN|GB29NWBK60161331926819|GB92HRAK88519775426061",
        "IP_ADDRESS|10.1.2.3|203.0.113.220",
        "IP_ADDRESS|2400:4050:a0c1::1|2001:db8:6af0:ce2f:686a:39e3:1a77:8f7c",
        "JWT|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1NzEwMDk0MDY2IiwibmFtZSI6IkplZmZyZXkgSGFycmlzIiwiaWF0IjoxNTE2MjM5MDIyfQ.DqPH4Lpd-JRwEkj_qFpHDiZcaJQ36y7v5UHsaXny0J4",
        "SECRET|sk_live_51HxYzAbCdEf0123456789|sk_live_09AbAzNaHmRn2657455109",
        "SECRET|Bearer abc123DEF456ghi789|Bearer iuk942SLC831ptf647",
        "POSTAL_CODE|160-0023|325-8110",
        "POSTAL_CODE|〒530-0001|〒581-2357",
        "POSTAL_CODE|94105|84151",
        "ADDRESS|東京都新宿区西新宿2-8-1|東京都大田区田園調布3-21-20",
        "ADDRESS|大阪府大阪市北区梅田1丁目2-3 メゾン桜 301号室|愛知県豊田市若宮町1丁目21-30 メゾン南 172号室",
        "ADDRESS|123 Main St, Apt 4, Springfield, IL|897 Harbor St, Apt 9, Monroe, IL",
        "PERSON_NAME|佐藤 太郎|佐野 美香",
        "PERSON_NAME|サトウ タロウ|ナカタ テツヤ",
        "PERSON_NAME|さとう たろう|たむら さちこ",
        "PERSON_NAME|Emily Johnson|Jessica Brooks",
        "PERSON_NAME|EMILY JOHNSON|JESSICA BROOKS",
        "DATE_OF_BIRTH|1985-04-07|1985-08-01",
        "DATE_OF_BIRTH|1990年12月1日|1990年10月6日",
        "DATE_OF_BIRTH|2006/11/30|2006/09/08",
        "IDENTIFIER|12345678|13967955",
        "IDENTIFIER|cus_NffrFeUfNV2Hib|cus_Xl6xqeahumCdFU",
        "IDENTIFIER|pay_3fa9c01b2e4d5a6f|pay_9195223e1ff7a8c7",
        "IDENTIFIER|C00012345|C08224627",
        "IDENTIFIER|3fa85f64-5717-4562-b3fc-2c963f66afa6|a06b0210-697b-43d8-873f-018fc0bf6774",
        "IDENTIFIER|12345|97530",
        "IDENTIFIER|7|8",
        "PERSON_NAME|佐藤太郎|野田陸",
        "PERSON_NAME|Emily|Thomas",
        "ADDRESS|東京都新宿区|愛知県名古屋市中村区太閤",
        "ADDRESS|Springfield|Lebanon",
        "SECRET|whsec_0123456789abcdef0123456789abcdef|whsec_4643273970cfbcfe1852677188acfcfe",
        "POSTAL_CODE|SW1A 1AA|ZO9Y 0XY",
        "DATE_OF_BIRTH|2007-12-31|2008-01-12"
    })
    void v1OutputsNeverChange(PiiKind kind, String input, String expected) {
        assertThat(V1.surrogate(kind, input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void everyVectorCarriesItsMark(PiiKind kind, String input, String expected) {
        assertThat(SurrogateFormats.isSurrogate(kind, expected)).isEqualTo(kind != PiiKind.IDENTIFIER);
    }

    static java.util.stream.Stream<Arguments> vectors() throws NoSuchMethodException {
        CsvSource source = GoldenVectorTest.class.getDeclaredMethod("v1OutputsNeverChange", PiiKind.class, String.class, String.class)
                .getAnnotation(CsvSource.class);
        return java.util.Arrays.stream(source.value()).map(line -> line.split("\\|", -1))
                .map(f -> Arguments.of(PiiKind.valueOf(f[0]), f[1], f[2]));
    }
}

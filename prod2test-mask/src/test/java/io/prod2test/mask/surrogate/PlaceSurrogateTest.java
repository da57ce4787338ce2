package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceSurrogateTest {
    private static final List<String> BUILDINGS = List.of("", " メゾン桜 301号室", " パークハイツ南 1203", "\u3000コーポ若葉 5", " ハイツ光 12階");

    /** Japanese addresses of the simulator's shape, from this module's own area table. */
    private static String japaneseAddress(Random random) {
        Tables.JaArea area = Tables.JA_AREAS.get(random.nextInt(Tables.JA_AREAS.size()));
        String district = area.districts().get(random.nextInt(area.districts().size()));
        String block = random.nextInt(3) == 0
                ? (1 + random.nextInt(6)) + "丁目" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20))
                : (1 + random.nextInt(6)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
        return (random.nextInt(5) == 0 ? "" : area.prefecture()) + area.city() + district + block + BUILDINGS.get(random.nextInt(BUILDINGS.size()));
    }

    @Test
    void japanesePostalCodesKeepTheirFormAndARealPrefectureBlock() {
        List<String> codes = SurrogateTesting.generate(61, 1_000, r -> {
            String code = String.format("%03d-%04d", 1 + r.nextInt(999), r.nextInt(10_000));
            return switch (r.nextInt(3)) {
                case 0 -> code;
                case 1 -> "〒" + code;
                default -> code.replace("-", "");
            };
        });
        for (String code : codes) {
            String surrogate = SURROGATES.postalCode(code);
            assertThat(SurrogateFormats.isValid(PiiKind.POSTAL_CODE, surrogate)).as(surrogate).isTrue();
            assertThat(Places.isJapanesePostalCode(surrogate)).isTrue();
            assertThat(surrogate).hasSameSizeAs(code).isNotEqualTo(code);
            assertThat(surrogate.startsWith("〒")).isEqualTo(code.startsWith("〒"));
            assertThat(surrogate.contains("-")).isEqualTo(code.contains("-"));
        }
        assertThat(codes.stream().filter(c -> SURROGATES.postalCode(c).equals(OTHER.postalCode(c))).count()).isLessThan(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"94105|^\\d{5}$", "94105-1234|^\\d{5}-\\d{4}$", "SW1A 1AA|^[A-Z]{2}\\d[A-Z] \\d[A-Z]{2}$",
        "K1A 0B1|^[A-Z]\\d[A-Z] \\d[A-Z]\\d$", "１６０－００２３|^[０-９]{3}－[０-９]{4}$"})
    void otherPostalCodesKeepTheirShape(String code, String pattern) {
        assertThat(SURROGATES.postalCode(code)).matches(pattern).isNotEqualTo(code);
    }

    @Test
    void japaneseAddressesStayPlausibleAndKeepTheirStructure() {
        List<String> addresses = SurrogateTesting.generate(62, 1_000, PlaceSurrogateTest::japaneseAddress);
        for (String address : addresses) {
            String surrogate = SURROGATES.address(address);
            assertThat(SurrogateFormats.isValid(PiiKind.ADDRESS, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(address);
            boolean prefecture = Tables.JA_PREFECTURES.stream().anyMatch(address::startsWith);
            assertThat(Tables.JA_PREFECTURES.stream().anyMatch(surrogate::startsWith)).as(surrogate).isEqualTo(prefecture);
            assertThat(surrogate.contains("丁目")).isEqualTo(address.contains("丁目"));
            assertThat(surrogate.contains("号室")).isEqualTo(address.contains("号室"));
            assertThat(surrogate.contains("\u3000")).isEqualTo(address.contains("\u3000"));
            assertThat(surrogate.chars().filter(c -> c == '-').count()).isEqualTo(address.chars().filter(c -> c == '-').count());
            assertThat(Scripts.hasJapanese(surrogate)).isTrue();
        }
        assertThat(addresses.stream().filter(a -> SURROGATES.address(a).equals(OTHER.address(a)))).isEmpty();
    }

    @Test
    void aVeryLongAddressBecomesAnOrdinaryOne() {
        String address = "東京都新宿区西新宿2-8-1 グランドパレス桜ガーデンタワーレジデンス・ザ・ファースト 第二期 イーストウイング 23階 5号室（管理人室経由・宅配ボックス希望）";
        assertThat(SURROGATES.address(address)).matches("^\\S+[都道府県]\\S+\\d-\\d+-\\d+ \\S+ \\d号室$");
    }

    @Test
    void latinAddressesKeepNumberStreetTypeLabelsAndState() {
        List<String> addresses = SurrogateTesting.generate(63, 1_000, r -> (100 + r.nextInt(9_900)) + " "
                + Tables.LATIN_STREETS.get(r.nextInt(Tables.LATIN_STREETS.size())) + " " + List.of("St", "Ave", "Rd", "Blvd").get(r.nextInt(4))
                + (r.nextBoolean() ? ", Apt " + (1 + r.nextInt(50)) : "") + ", " + Tables.LATIN_CITIES.get(r.nextInt(Tables.LATIN_CITIES.size()))
                + ", " + List.of("IL", "OR", "NY", "CA").get(r.nextInt(4)));
        for (String address : addresses) {
            String surrogate = SURROGATES.address(address);
            String[] in = address.split(", ");
            String[] out = surrogate.split(", ");
            assertThat(out).as(surrogate).hasSameSizeAs(in);
            assertThat(out[0]).matches("\\d+ [A-Z][a-z]+ (St|Ave|Rd|Blvd)");
            assertThat(out[0].split(" ")[0]).hasSameSizeAs(in[0].split(" ")[0]);
            assertThat(out[out.length - 1]).isEqualTo(in[in.length - 1]);
            if (in.length == 4) {
                assertThat(out[1]).startsWith("Apt ");
            }
            assertThat(Tables.LATIN_CITIES).contains(out[out.length - 2]);
            assertThat(surrogate).isNotEqualTo(address);
        }
    }

    @Test
    void upperCaseAddressesStayUpperCase() {
        assertThat(SURROGATES.address("742 EVERGREEN TERRACE, SPRINGFIELD")).matches("\\d{3} [A-Z]+ TERRACE, [A-Z ]+");
    }

    @Test
    void addressesInOtherScriptsKeepTheirScript() {
        String surrogate = SURROGATES.address("서울특별시 강남구 테헤란로 152");
        assertThat(surrogate).matches("\\p{IsHangul}+ \\p{IsHangul}+ \\p{IsHangul}+ \\d{3}").isNotEqualTo("서울특별시 강남구 테헤란로 152");
        assertThat(SURROGATES.address("አዲስ አበባ")).matches("\\p{IsEthiopic}{3} \\p{IsEthiopic}{3}").isNotEqualTo("አዲስ አበባ");
    }
}

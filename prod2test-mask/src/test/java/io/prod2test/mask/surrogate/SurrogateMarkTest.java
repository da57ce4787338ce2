package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.REFERENCE;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unkeyed marks: every surrogate of every kind is recognised by
 * {@link SurrogateFormats#isSurrogate} (under two keys), and the share of random, valid, raw
 * values that carry a mark by chance — the scan's false recognition, a cost in recall — is
 * measured per kind and held below the bound {@link SurrogateScheme} documents. The measured
 * rates are printed (surefire's {@code -output.txt}).
 */
class SurrogateMarkTest {
    private static final int SURROGATES_PER_FORM = 1_000;
    private static final int RAW_PER_FORM = 10_000;

    private static final List<String> JP_LANDLINE_AREAS = List.of("03", "06", "045", "052", "011", "092", "075", "078");
    private static final List<String> US_AREAS = List.of("212", "415", "312", "617", "206", "512", "303", "404", "305", "213", "718", "646");
    private static final List<String> MAIL_DOMAINS = List.of("docomo.ne.jp", "ezweb.ne.jp", "gmail.com", "yahoo.co.jp", "outlook.com",
            "company.co.jp", "univ.ac.jp", "mail.fr", "nonprofit.org", "isp.net");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * One form of raw values of a kind: how to make a random valid one, and the largest share of
     * them the documented marks may recognise.
     */
    record Form(PiiKind kind, String name, Function<Random, String> raw, double bound) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static Stream<Form> forms() {
        return Stream.of(
                new Form(PiiKind.EMAIL, "addresses at real-world domains", r -> "user." + Integer.toString(r.nextInt(1 << 30), 36)
                        + (r.nextBoolean() ? "+" + r.nextInt(100) : "") + "@" + pick(r, MAIL_DOMAINS), 0.0),
                new Form(PiiKind.EMAIL, "u + 16 base32 at example.com (shaped like a surrogate)", r -> "u" + chars(r, BASE32, 16) + "@example.com", 0.05),
                new Form(PiiKind.CARD_NUMBER, "15-19 digits, every brand", r -> SurrogateTesting.layout(r, longCard(r)), 0.003),
                new Form(PiiKind.CARD_NUMBER, "13-14 digits (Visa 13, Diners 14)", r -> r.nextBoolean()
                        ? SurrogateTesting.card(r, CardBrand.VISA, 13) : SurrogateTesting.card(r, CardBrand.DINERS_CLUB, 14), 0.02),
                new Form(PiiKind.PHONE, "JP mobile", validPhone(SurrogateMarkTest::jpMobile), 0.015),
                new Form(PiiKind.PHONE, "JP landline", validPhone(SurrogateMarkTest::jpLandline), 0.015),
                new Form(PiiKind.PHONE, "US and +81", validPhone(r -> r.nextBoolean() ? usNumber(r) : "+81 " + jpMobile(r).substring(1).replace('-', ' ')), 0.015),
                new Form(PiiKind.MY_NUMBER, "12 digits", SurrogateTesting::myNumber, 0.015),
                new Form(PiiKind.CORPORATE_NUMBER, "13 digits", SurrogateTesting::corporateNumber, 0.015),
                new Form(PiiKind.IBAN, "DE, GB, FR, NL", SurrogateMarkTest::iban, 0.015),
                new Form(PiiKind.IP_ADDRESS, "public IPv4 and IPv6", r -> r.nextBoolean()
                        ? (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254))
                        : "2400:" + Integer.toHexString(r.nextInt(65_536)) + "::" + Integer.toHexString(1 + r.nextInt(65_535)), 0.001),
                new Form(PiiKind.JWT, "HS256 with claims", SurrogateMarkTest::jwt, 0.001),
                new Form(PiiKind.SECRET, "API keys, bearer tokens, hex, passwords", SurrogateMarkTest::secret, 0.015),
                new Form(PiiKind.POSTAL_CODE, "JP NNN-NNNN", r -> String.format(Locale.ROOT, "%03d-%04d", Tables.jpPostalPrefixAt(
                        r.nextInt(Tables.jpPostalPrefixCount())), r.nextInt(10_000)), 0.015),
                new Form(PiiKind.POSTAL_CODE, "US ZIP and UK", r -> r.nextBoolean() ? SurrogateTesting.digits(r, 5)
                        : chars(r, Chars.UPPER, 2) + (1 + r.nextInt(9)) + " " + r.nextInt(10) + chars(r, Chars.UPPER, 2), 0.015),
                new Form(PiiKind.ADDRESS, "JP from the tables, 3 block numbers", r -> japaneseAddress(r, 3), 0.005),
                new Form(PiiKind.ADDRESS, "JP from the tables, 2 block numbers", r -> japaneseAddress(r, 2), 0.045),
                new Form(PiiKind.ADDRESS, "JP from the tables, no block numbers", r -> japaneseAddress(r, 0), 0.15),
                new Form(PiiKind.ADDRESS, "Latin with a street number", SurrogateMarkTest::latinAddress, 0.015),
                new Form(PiiKind.ADDRESS, "Latin city from the table", r -> pick(r, Tables.LATIN_CITIES), 0.15),
                new Form(PiiKind.PERSON_NAME, "kanji from the tables", r -> pick(r, Tables.JA_FAMILY).written() + " "
                        + pick(r, Tables.JA_GIVEN.stream().filter(n -> Scripts.of(n.written()) == Scripts.Script.HAN).toList()).written(), 0.075),
                new Form(PiiKind.PERSON_NAME, "katakana and hiragana from the tables", r -> {
                    String kana = pick(r, Tables.JA_FAMILY).kana() + (r.nextBoolean() ? " " : "\u3000") + pick(r, Tables.JA_GIVEN).kana();
                    return r.nextBoolean() ? kana : Chars.toHiragana(kana);
                }, 0.075),
                new Form(PiiKind.PERSON_NAME, "Latin from the tables", r -> pick(r, Tables.LATIN_GIVEN) + " " + pick(r, Tables.LATIN_FAMILY), 0.075),
                new Form(PiiKind.PERSON_NAME, "single given names from the tables", r -> pick(r, Tables.LATIN_GIVEN), 0.075),
                new Form(PiiKind.PERSON_NAME, "names outside the tables", r -> "Zq" + chars(r, Chars.LOWER, 5) + " Xv" + chars(r, Chars.LOWER, 6), 0.0),
                new Form(PiiKind.DATE_OF_BIRTH, "ISO dates over 90 years", r -> REFERENCE.minusDays(r.nextInt(365 * 90)).toString(), 0.04));
    }

    /** Surrogates recognised per kind, over all forms and both keys. */
    private static final Map<PiiKind, Integer> RECOGNISED = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everySurrogateIsRecognisedWithoutTheKey(Form form) {
        // small domains (the 42 cities of the table) give fewer distinct values: all of them
        List<String> raws = SurrogateTesting.generate(form.name().hashCode(), SURROGATES_PER_FORM, form.raw());
        assertThat(raws).hasSizeGreaterThanOrEqualTo(40);
        for (String raw : raws) {
            for (Surrogates surrogates : List.of(SURROGATES, OTHER)) {
                String surrogate = surrogates.surrogate(form.kind(), raw);
                assertThat(SurrogateFormats.isSurrogate(form.kind(), surrogate)).as("%s -> %s", raw, surrogate).isTrue();
                assertThat(SurrogateFormats.isValid(form.kind(), surrogate)).as(surrogate).isTrue();
                RECOGNISED.merge(form.kind(), 1, Integer::sum);
            }
        }
    }

    @AfterAll
    static void atLeastAThousandSurrogatesOfEveryMarkedKindWereRecognised() {
        if (RECOGNISED.size() == forms().map(Form::kind).distinct().count()) { // the whole class ran
            RECOGNISED.forEach((kind, count) -> assertThat(count).as("%s surrogates recognised", kind).isGreaterThanOrEqualTo(1_000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void fewRawValuesCarryAMarkByChance(Form form) {
        Random random = new Random(~form.name().hashCode());
        int recognised = 0;
        for (int i = 0; i < RAW_PER_FORM; i++) {
            String raw = form.raw().apply(random);
            assertThat(SurrogateFormats.isValid(form.kind(), raw) || form.kind() == PiiKind.EMAIL || form.kind() == PiiKind.IP_ADDRESS)
                    .as("a valid raw value: %s", raw).isTrue();
            if (SurrogateFormats.isSurrogate(form.kind(), raw)) {
                recognised++;
            }
        }
        double rate = (double) recognised / RAW_PER_FORM;
        System.out.printf(Locale.ROOT, "false recognition %-13s %-55s %6.3f%% (%d of %d)%n", form.kind(), form.name(), 100 * rate, recognised, RAW_PER_FORM);
        assertThat(rate).as("false recognition of %s", form).isLessThanOrEqualTo(form.bound());
    }

    @Test
    void surrogatesOfUnusualShapesAreRecognisedToo() {
        for (String[] sample : new String[][] {
            {"PERSON_NAME", "佐藤太郎"}, {"PERSON_NAME", "ｻﾄｳ ﾀﾛｳ"}, {"PERSON_NAME", "Johnson, Emily"}, {"PERSON_NAME", "J. R. Smith"},
            {"PERSON_NAME", "María de los Ángeles"}, {"PERSON_NAME", "Zoë Ångström-Núñez"}, {"PERSON_NAME", "佐藤 太郎 🌸"},
            {"PERSON_NAME", "EMILY JOHNSON"}, {"PERSON_NAME", "佐藤 さくら"}, {"PERSON_NAME", "マリア・デ・ロス・アンヘレス"},
            {"ADDRESS", "大阪府大阪市北区梅田1丁目2-3 メゾン桜 301号室"}, {"ADDRESS", "東京都新宿区西新宿２－８－１"},
            {"ADDRESS", "北海道札幌市中央区北一条西123番地"}, {"ADDRESS", "742 EVERGREEN TERRACE, SPRINGFIELD"},
            {"ADDRESS", "Springfield, 12 Oak Ave"}, {"ADDRESS", "新宿区"},
            {"POSTAL_CODE", "〒530-0001"}, {"POSTAL_CODE", "１６０－００２３"}, {"POSTAL_CODE", "1600023"}, {"POSTAL_CODE", "K1A 0B1"},
            {"PHONE", "０９０－１２３４－５６７８"}, {"PHONE", "(03) 1234-5678"}, {"PHONE", "0120-123-456"}, {"PHONE", "+819012345678"},
            {"CARD_NUMBER", "４２４２４２４２４２４２４２４２"}, {"CARD_NUMBER", "3782-822463-10005"},
            {"SECRET", "Bearer abc123DEF456ghi789"}, {"SECRET", "Basic dXNlcjpwYXNzd29yZA=="}, {"SECRET", "AKIAIOSFODNN7EXAMPLE"},
            {"SECRET", "ghp_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8"}, {"SECRET", "123"}, {"SECRET", "hunter2!"},
            {"DATE_OF_BIRTH", "1985年4月7日"}, {"DATE_OF_BIRTH", "１９８５年４月７日"}, {"DATE_OF_BIRTH", "19850407"},
            {"MY_NUMBER", "1234 5678 9018"}, {"IBAN", "de89 3704 0044 0532 0130 00"}}) {
            PiiKind kind = PiiKind.valueOf(sample[0]);
            String surrogate = SURROGATES.surrogate(kind, sample[1]);
            assertThat(SurrogateFormats.isSurrogate(kind, surrogate)).as("%s -> %s", sample[1], surrogate).isTrue();
        }
    }

    @Test
    void theMarkSurvivesWhatAScanSeesOfASurrogate() {
        String bearer = SURROGATES.secret("Bearer abc123DEF456ghi789");
        assertThat(SurrogateFormats.isSurrogate(PiiKind.SECRET, bearer.substring("Bearer ".length()))).isTrue();
        String key = SURROGATES.secret("sk_live_51HxYzAbCdEf0123456789");
        assertThat(SurrogateFormats.isSurrogate(PiiKind.SECRET, key.substring("sk_live_".length()))).isTrue();
        String email = SURROGATES.email("taro@docomo.ne.jp");
        assertThat(SurrogateFormats.isSurrogate(PiiKind.EMAIL, email.replace("@", "%40"))).isTrue();
        assertThat(SurrogateFormats.isSurrogate(PiiKind.EMAIL, email.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(SurrogateFormats.isSurrogate(PiiKind.PHONE, "  " + SURROGATES.phone("090-1234-5678") + " ")).isTrue();
        String address = SURROGATES.address("東京都新宿区西新宿2-8-1 メゾン桜 301号室");
        assertThat(SurrogateFormats.isSurrogate(PiiKind.ADDRESS, address.substring(0, address.indexOf(' ')))).isTrue();
    }

    @Test
    void identifiersCarryNoMarkAndOddInputIsNoSurrogate() {
        assertThat(SurrogateFormats.isSurrogate(PiiKind.IDENTIFIER, SURROGATES.identifier("cus_123456789"))).isFalse();
        for (PiiKind kind : PiiKind.values()) {
            assertThat(SurrogateFormats.isSurrogate(kind, null)).isFalse();
            assertThat(SurrogateFormats.isSurrogate(kind, "")).isFalse();
            for (String odd : List.of("x", "@", "0", "🌸", "\u0000\uD800", "1".repeat(400), "東京都", "a@b", ".", "--", "Bearer ")) {
                assertThat(SurrogateFormats.isSurrogate(kind, odd)).as("%s %s", kind, odd).isFalse();
            }
        }
        assertThat(SurrogateFormats.isSurrogate(null, "x")).isFalse();
    }

    @Test
    void randomTextNeverThrows() {
        String alphabet = "0123456789０１２-－ @.,:/丁目番地号東京都新宿区山田花子サトウタロウさくらAaZz+()\u3000\uD83C\uDF38\u0000";
        Random random = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            String text = chars(random, alphabet, random.nextInt(40));
            for (PiiKind kind : PiiKind.values()) {
                SurrogateFormats.isSurrogate(kind, text); // answers, whatever the text
            }
        }
    }

    @Test
    void marksDependOnThePublicFunctionOnly() {
        // two keys, two surrogates, both marked: the mark is computed from the surrogate, not from the key or the input
        String card = "4242424242424242";
        assertThat(SURROGATES.cardNumber(card)).isNotEqualTo(OTHER.cardNumber(card));
        String a = SURROGATES.cardNumber(card);
        assertThat(a.substring(12, 15)).isEqualTo(Marks.digits("card", a.substring(0, 12), 3));
        assertThat(Marks.digits("x", "y", 4)).hasSize(4).isEqualTo(Marks.digits("x", "y", 4));
        assertThat(Marks.markTail("t", "a", false)).isEqualTo("a");
        assertThat(Marks.hasTailMark("t", "a", false)).isFalse();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String chars(Random random, String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String longCard(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> SurrogateTesting.card(random, CardBrand.VISA, random.nextBoolean() ? 16 : 19);
            case 1 -> SurrogateTesting.card(random, CardBrand.MASTERCARD, 16);
            case 2 -> SurrogateTesting.card(random, CardBrand.AMERICAN_EXPRESS, 15);
            case 3 -> SurrogateTesting.card(random, CardBrand.JCB, 16);
            case 4 -> SurrogateTesting.card(random, CardBrand.DISCOVER, 16);
            case 5 -> SurrogateTesting.card(random, CardBrand.UNIONPAY, 19);
            default -> SurrogateTesting.card(random, CardBrand.DINERS_CLUB, 16);
        };
    }

    /** Numbers of {@code generator} that libphonenumber calls valid. */
    private static Function<Random, String> validPhone(Function<Random, String> generator) {
        return random -> {
            while (true) {
                String number = generator.apply(random);
                if (SurrogateFormats.isValidPhone(number, "JP")) {
                    return number;
                }
            }
        };
    }

    private static String jpMobile(Random random) {
        return "0" + (7 + random.nextInt(3)) + "0-" + SurrogateTesting.digits(random, 4) + "-" + SurrogateTesting.digits(random, 4);
    }

    private static String jpLandline(Random random) {
        String area = pick(random, JP_LANDLINE_AREAS);
        return area + "-" + (2 + random.nextInt(8)) + SurrogateTesting.digits(random, 10 - area.length() - 5) + "-" + SurrogateTesting.digits(random, 4);
    }

    private static String usNumber(Random random) {
        return (random.nextBoolean() ? "+1 " : "") + pick(random, US_AREAS) + "-" + (2 + random.nextInt(8)) + SurrogateTesting.digits(random, 2)
                + "-" + SurrogateTesting.digits(random, 4);
    }

    private static String iban(Random random) {
        String country;
        String bban;
        switch (random.nextInt(4)) {
            case 0 -> { country = "DE"; bban = SurrogateTesting.digits(random, 18); }
            case 1 -> { country = "GB"; bban = chars(random, Chars.UPPER, 4) + SurrogateTesting.digits(random, 14); }
            case 2 -> { country = "FR"; bban = SurrogateTesting.digits(random, 10) + chars(random, Chars.UPPER, 3) + SurrogateTesting.digits(random, 10); }
            default -> { country = "NL"; bban = chars(random, Chars.UPPER, 4) + SurrogateTesting.digits(random, 10); }
        }
        String compact = country + CheckDigits.ibanCheck(country, bban) + bban;
        return random.nextBoolean() ? compact : compact.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String jwt(Random random) {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = "{\"sub\":\"cus_" + Long.toString(random.nextLong() >>> 1, 36) + "\",\"email\":\"user" + random.nextInt(1_000_000)
                + "@docomo.ne.jp\",\"iat\":" + (1_700_000_000 + random.nextInt(10_000_000)) + "}";
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        return header + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
    }

    private static String secret(Random random) {
        String alnum = Chars.DIGITS + Chars.LOWER + Chars.UPPER;
        return switch (random.nextInt(5)) {
            case 0 -> "sk_live_" + chars(random, alnum, 24);
            case 1 -> "ghp_" + chars(random, alnum, 36);
            case 2 -> chars(random, "0123456789abcdef", 32);
            case 3 -> "Bearer " + chars(random, alnum, 20);
            default -> chars(random, Chars.LOWER, 6) + SurrogateTesting.digits(random, 2) + "!";
        };
    }

    /** A Japanese address from the area table with {@code blocks} block numbers (none: city and district only). */
    private static String japaneseAddress(Random random, int blocks) {
        Tables.JaArea area = pick(random, Tables.JA_AREAS);
        String head = (random.nextBoolean() ? area.prefecture() : "") + area.city() + pick(random, area.districts());
        return switch (blocks) {
            case 0 -> head;
            case 2 -> head + (1 + random.nextInt(9)) + "丁目" + (1 + random.nextInt(30));
            default -> head + (1 + random.nextInt(9)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(30))
                    + (random.nextBoolean() ? " メゾン桜 " + (101 + random.nextInt(900)) + "号室" : "");
        };
    }

    private static String latinAddress(Random random) {
        return (1 + random.nextInt(9_999)) + " " + pick(random, Tables.LATIN_STREETS) + " " + pick(random, List.of("St", "Ave", "Rd", "Blvd"))
                + (random.nextBoolean() ? ", Apt " + (1 + random.nextInt(50)) : "") + ", " + pick(random, Tables.LATIN_CITIES) + ", "
                + pick(random, List.of("IL", "OR", "NY", "CA"));
    }
}

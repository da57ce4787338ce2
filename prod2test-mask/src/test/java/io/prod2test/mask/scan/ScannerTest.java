package io.prod2test.mask.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.Location;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.PiiKind;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan gate on synthetic files: public test card numbers, made-up people, documentation and
 * benchmark addresses. Raw files yield findings for every planted kind on its line; the same files
 * masked by the {@link Masker} with the default policy yield none.
 */
class ScannerTest {
    private static final MaskingKey KEY = MaskingKey.of("scanner-test-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));

    // synthetic values only
    private static final String EMAIL = "hanako.yamada42@docomo.ne.jp";
    private static final String EMAIL_2 = "jiro.sato@ezweb.ne.jp";
    private static final String VISA = "4242 4242 4242 4242";
    private static final String JCB = "3566002020360505";
    private static final String AMEX = "378282246310005";
    private static final String MASTERCARD = "5555555555554444";
    private static final String MOBILE = "090-1234-5678";
    private static final String LANDLINE = "03-3123-4567";
    private static final String MY_NUMBER = "123456789018";
    private static final String KANJI_NAME = "山田 花子";
    private static final String KANA_NAME = "ヤマダ ハナコ";
    private static final String ADDRESS = "大阪府大阪市北区梅田1丁目2-3 メゾン桜 301号室";
    private static final String POSTAL_CODE = "530-0001";
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";
    private static final String CLIENT_IP = "198.18.7.20";
    private static final String DATE_OF_BIRTH = "1990-04-01";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTc3In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final List<String> PLANTED = List.of(EMAIL, EMAIL_2, VISA, VISA.replace(" ", ""), JCB, AMEX, MASTERCARD, MOBILE,
            LANDLINE, MY_NUMBER, KANJI_NAME, KANA_NAME, ADDRESS, POSTAL_CODE, IBAN, CLIENT_IP, DATE_OF_BIRTH, JWT, "山田", "ハナコ");

    private final Masker masker = Masker.create(MaskingPolicy.defaults(), KEY);
    private final Scanner scanner = Scanner.standard();

    /** The raw log: one line per planted kind (line numbers in the comments). */
    private static List<String> rawLog() {
        return List.of(
                exchange("/customers", "{\"email\":\"" + EMAIL + "\",\"plan\":\"basic\"}", Map.of()),                          // 1 EMAIL
                exchange("/payments", "{\"card\":{\"number\":\"" + VISA + "\",\"cvc\":\"123\"},\"amount\":49.80}", Map.of()), // 2 CARD, SECRET (cvc)
                exchange("/payments", "{\"cards\":[\"" + JCB + "\",\"" + AMEX + "\",\"" + MASTERCARD + "\"]}", Map.of()),     // 3 CARD x3
                exchange("/contacts", "{\"phone\":\"" + MOBILE + "\",\"office\":\"" + LANDLINE + "\"}", Map.of()),           // 4 PHONE x2
                exchange("/customers/812", "{\"myNumber\":\"" + MY_NUMBER + "\"}", Map.of()),                                 // 5 MY_NUMBER
                exchange("/customers/812", "{\"customer\":{\"name\":\"" + KANJI_NAME + "\",\"id\":812}}", Map.of()),         // 6 PERSON_NAME
                exchange("/customers/812", "{\"nameKana\":\"" + KANA_NAME + "\"}", Map.of()),                                 // 7 PERSON_NAME
                exchange("/shipping", "{\"shippingAddress\":\"" + ADDRESS + "\",\"postalCode\":\"" + POSTAL_CODE + "\"}", Map.of()), // 8 ADDRESS, POSTAL_CODE
                "",                                                                                                             // 9
                "2026-11-02T09:14:03Z WARN retry for " + EMAIL_2 + " with card " + MASTERCARD + " failed",                     // 10 EMAIL, CARD
                exchange("/session", "{\"ok\":true}", Map.of("authorization", "Bearer " + JWT, "x-forwarded-for", CLIENT_IP)),  // 11 JWT, IP
                exchange("/customers/812", "{\"dateOfBirth\":\"" + DATE_OF_BIRTH + "\",\"iban\":\"" + IBAN + "\"}", Map.of())); // 12 DOB, IBAN
    }

    private static String exchange(String path, String requestBody, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("content-type", "application/json");
        all.putAll(headers);
        return ExchangeJson.write(Exchange.builder(Instant.parse("2026-11-02T09:14:03Z"), "POST", path).service("shop")
                .requestHeaders(all).requestBody(ExchangeJson.bodyOf(requestBody)).status(200)
                .responseBody(ExchangeJson.bodyOf("{\"status\":\"ok\"}")).build());
    }

    /** The log as the mask stage writes it: exchanges masked, free text masked as text. */
    private List<String> masked(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                out.add(ExchangeJson.write(masker.mask(ExchangeJson.read(line, "raw.jsonl", 1))));
            } else {
                out.add(masker.maskText(line));
            }
        }
        return out;
    }

    private static Map<PiiKind, List<Long>> linesByKind(ScanResult result) {
        return result.findings().stream().collect(Collectors.groupingBy(Finding::kind, LinkedHashMap::new,
                Collectors.mapping(Finding::line, Collectors.toList())));
    }

    private static void assertRevealsNothing(ScanResult result) {
        for (Finding finding : result.findings()) {
            assertThat(finding.redacted()).matches("<[A-Z_]+, \\d+ chars>");
            for (String value : PLANTED) {
                assertThat(finding.toString()).doesNotContain(value);
            }
        }
    }

    @Test
    void aRawCanonicalLogYieldsEveryPlantedKindOnItsLine(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("raw.jsonl"), rawLog(), StandardCharsets.UTF_8);

        ScanResult result = scanner.scan(List.of(log));

        Map<PiiKind, List<Long>> lines = linesByKind(result);
        assertThat(lines.get(PiiKind.EMAIL)).containsExactly(1L, 10L);
        assertThat(lines.get(PiiKind.CARD_NUMBER)).containsExactly(2L, 3L, 3L, 3L, 10L);
        assertThat(lines.get(PiiKind.PHONE)).containsExactly(4L, 4L);
        assertThat(lines.get(PiiKind.MY_NUMBER)).containsExactly(5L);
        assertThat(lines.get(PiiKind.PERSON_NAME)).containsExactly(6L, 7L);
        assertThat(lines.get(PiiKind.ADDRESS)).containsExactly(8L);
        assertThat(lines.get(PiiKind.POSTAL_CODE)).containsExactly(8L);
        assertThat(lines.get(PiiKind.JWT)).containsExactly(11L);
        assertThat(lines.get(PiiKind.IP_ADDRESS)).containsExactly(11L);
        assertThat(lines.get(PiiKind.DATE_OF_BIRTH)).containsExactly(12L);
        assertThat(lines.get(PiiKind.IBAN)).containsExactly(12L);
        assertThat(lines.get(PiiKind.SECRET)).containsExactly(2L); // the cvc
        assertThat(lines.keySet()).hasSize(12);
        assertThat(result.clean()).isFalse();
        assertThat(result.files()).isEqualTo(1);
        assertThat(result.lines()).isEqualTo(12);
        assertThat(result.totalFindings()).isEqualTo(result.findings().size());
        assertThat(result.findingsByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(result.totalFindings());
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.file()).isEqualTo(log));
        assertRevealsNothing(result);
    }

    @Test
    void theSameLogMaskedYieldsNothing(@TempDir Path dir) throws Exception {
        List<String> masked = masked(rawLog());
        Path log = Files.write(dir.resolve("masked.jsonl"), masked, StandardCharsets.UTF_8);

        ScanResult result = scanner.scan(List.of(log));

        assertThat(result.findings()).as(String.join("\n", masked)).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.surrogates()).isGreaterThanOrEqualTo(15);
        assertThat(result.surrogatesByKind()).containsKeys(PiiKind.EMAIL, PiiKind.CARD_NUMBER, PiiKind.PHONE, PiiKind.MY_NUMBER,
                PiiKind.PERSON_NAME, PiiKind.ADDRESS, PiiKind.POSTAL_CODE, PiiKind.IP_ADDRESS, PiiKind.DATE_OF_BIRTH, PiiKind.IBAN);
        for (String value : PLANTED) {
            assertThat(String.join("\n", masked)).doesNotContain(value);
        }
    }

    @Test
    void aMaskedLogWithOneRawValuePutBackFailsOnThatLine(@TempDir Path dir) throws Exception {
        List<String> masked = new ArrayList<>(masked(rawLog()));
        masked.set(6, exchange("/customers/812", "{\"nameKana\":\"" + KANA_NAME + "\"}", Map.of()));
        Path log = Files.write(dir.resolve("leaky.jsonl"), masked, StandardCharsets.UTF_8);

        ScanResult result = scanner.scan(List.of(log));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(tuple(7L, PiiKind.PERSON_NAME));
        assertThat(result.findings().get(0).toString()).isEqualTo(log + ":7:PERSON_NAME <PERSON_NAME, 7 chars> (person-name)");
    }

    /**
     * A larger synthetic log — exchanges with values in fields, free text inside JSON, headers,
     * query and path, and plain log lines — masked, scans clean: every surrogate is recognised.
     */
    @Test
    void aLargerSyntheticLogMaskedScansClean(@TempDir Path dir) throws Exception {
        Random r = new Random(7);
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = pick(r, "山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村") + (r.nextBoolean() ? " " : "\u3000")
                    + pick(r, "花子", "太郎", "美咲", "翔太", "陽菜", "蓮", "結衣", "さくら");
            String kana = pick(r, "ヤマダ", "サトウ", "スズキ", "タカハシ") + " " + pick(r, "ハナコ", "タロウ", "ミサキ", "ショウタ");
            String latin = pick(r, "Emily", "James", "Olivia", "Noah") + " " + pick(r, "Johnson", "Garcia", "Brown", "Miller");
            String email = "user" + r.nextInt(100_000) + "@" + pick(r, "docomo.ne.jp", "gmail.com", "company.co.jp");
            String card = luhn("4" + digits(r, 14));
            String phone = "0" + (7 + r.nextInt(3)) + "0-" + digits(r, 4) + "-" + digits(r, 4);
            String address = pick(r, "東京都新宿区西新宿", "大阪府大阪市北区梅田", "神奈川県横浜市中区山下町", "福岡県福岡市博多区博多駅前")
                    + (1 + r.nextInt(5)) + "-" + (1 + r.nextInt(20)) + "-" + (1 + r.nextInt(20));
            String postal = String.format(Locale.ROOT, "%03d-%04d", 100 + r.nextInt(800), r.nextInt(10_000));
            String body = switch (i % 6) {
                case 0 -> "{\"customer\":{\"name\":\"" + name + "\",\"nameKana\":\"" + kana + "\",\"email\":\"" + email
                        + "\",\"phone\":\"" + phone + "\"}}";
                case 1 -> "{\"card\":{\"number\":\"" + card + "\",\"holderName\":\"" + latin.toUpperCase(Locale.ROOT) + "\",\"cvc\":\""
                        + digits(r, 3) + "\"}}";
                case 2 -> "{\"shipping\":{\"address\":\"" + address + "\",\"postalCode\":\"" + postal + "\",\"recipientName\":\"" + name + "\"}}";
                case 3 -> "{\"message\":\"お問い合わせ: " + name + "様 電話 " + phone + " メール " + email + " 住所 " + address + "\"}";
                case 4 -> "{\"note\":\"Hi, this is " + latin + ", call me at +81 " + phone.substring(1).replace('-', ' ')
                        + "\",\"dateOfBirth\":\"19" + (50 + r.nextInt(50)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9) + "\"}";
                default -> "{\"firstName\":\"" + latin.split(" ")[0] + "\",\"lastName\":\"" + latin.split(" ")[1] + "\",\"address\":\""
                        + (100 + r.nextInt(900)) + " Oak St, Apt " + (1 + r.nextInt(30)) + ", Springfield, IL\",\"zip\":\"" + digits(r, 5) + "\"}";
            };
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("authorization", "Bearer " + digits(r, 6) + "abcDEF" + digits(r, 8));
            headers.put("cookie", "sid=s-" + digits(r, 6) + "; theme=dark");
            headers.put("x-forwarded-for", "198.18." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
            raw.add(ExchangeJson.write(Exchange.builder(Instant.parse("2026-11-02T09:14:03Z"), "POST", "/customers/" + email + "/orders")
                    .service("shop").query(Map.of("email", List.of(email), "q", List.of(name))).requestHeaders(headers)
                    .requestBody(ExchangeJson.bodyOf(body)).status(200).responseBody(ExchangeJson.bodyOf(body))
                    .sessionId("s-" + digits(r, 6)).userId("u-" + digits(r, 5)).clientIp("198.18.1." + (1 + r.nextInt(250))).build()));
            raw.add("2026-11-02 WARN customer " + name + "様 (" + email + ", " + phone + ") card " + card + " shipped to " + address);
        }
        Path rawLog = Files.write(dir.resolve("raw.jsonl"), raw, StandardCharsets.UTF_8);
        Path maskedLog = Files.write(dir.resolve("masked.jsonl"), masked(raw), StandardCharsets.UTF_8);

        ScanResult before = scanner.scan(List.of(rawLog));
        ScanResult after = scanner.scan(List.of(maskedLog));

        assertThat(before.findingsByKind()).containsKeys(PiiKind.EMAIL, PiiKind.CARD_NUMBER, PiiKind.PHONE, PiiKind.PERSON_NAME,
                PiiKind.ADDRESS, PiiKind.POSTAL_CODE, PiiKind.DATE_OF_BIRTH, PiiKind.SECRET, PiiKind.IP_ADDRESS);
        assertThat(after.findings()).isEmpty();
        assertThat(after.surrogates()).isGreaterThanOrEqualTo(before.totalFindings() + before.surrogates());
        System.out.println("raw:    " + before.summary() + " " + before.surrogatesByKind());
        System.out.println("masked: " + after.summary());
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... items) {
        return items[random.nextInt(items.length)];
    }

    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** {@code payload} and its Luhn digit. */
    private static String luhn(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return payload + (10 - sum % 10) % 10;
    }

    @Test
    void sqlInsertsAndCopyBlocksGiveColumnsAsFields(@TempDir Path dir) throws Exception {
        Path sql = Files.writeString(dir.resolve("seed.sql"), """
                -- customers of the sample shop
                CREATE TABLE customers (id bigint, name text, email text, phone text);
                INSERT INTO customers (id, name, email, phone) VALUES (1, '山田 花子', '%s', '%s');
                INSERT INTO "public"."customers" ("id", "name", "note") VALUES
                  (2, 'Emily Johnson', 'call after 6'),
                  (3, 'O''Brien Siobhan', NULL);
                COPY customers (id, name, email) FROM stdin;
                4\tサトウ タロウ\t%s
                \\.
                SELECT 1;
                """.formatted(EMAIL, MOBILE, EMAIL_2));

        ScanResult result = scanner.scan(List.of(sql));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactlyInAnyOrder(
                tuple(3L, PiiKind.PERSON_NAME), tuple(3L, PiiKind.EMAIL),
                tuple(3L, PiiKind.PHONE), tuple(5L, PiiKind.PERSON_NAME),
                tuple(6L, PiiKind.PERSON_NAME), tuple(8L, PiiKind.PERSON_NAME),
                tuple(8L, PiiKind.EMAIL));
        assertRevealsNothing(result);

        // the same rows masked as the mask stage masks rows
        Map<String, Object> one = row(1L, "山田 花子", EMAIL, MOBILE);
        Map<String, Object> four = row(4L, "サトウ タロウ", EMAIL_2, null);
        Map<String, Object> maskedOne = masker.maskRow("customers", one);
        Map<String, Object> maskedFour = masker.maskRow("customers", four);
        Map<String, Object> two = masker.maskRow("customers", Map.of("name", "Emily Johnson"));
        Map<String, Object> three = masker.maskRow("customers", Map.of("name", "O'Brien Siobhan"));
        Path maskedSql = Files.writeString(dir.resolve("seed.masked.sql"), """
                INSERT INTO customers (id, name, email, phone) VALUES (1, '%s', '%s', '%s');
                INSERT INTO "public"."customers" ("id", "name", "note") VALUES
                  (2, '%s', 'call after 6'),
                  (3, '%s', NULL);
                COPY customers (id, name, email) FROM stdin;
                4\t%s\t%s
                \\.
                """.formatted(maskedOne.get("name"), maskedOne.get("email"), maskedOne.get("phone"), two.get("name"),
                ((String) three.get("name")).replace("'", "''"), maskedFour.get("name"), maskedFour.get("email")));

        ScanResult clean = scanner.scan(List.of(maskedSql));
        assertThat(clean.findings()).as(Files.readString(maskedSql)).isEmpty();
        assertThat(clean.surrogates()).isEqualTo(7);
    }

    private static Map<String, Object> row(long id, String name, String email, String phone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("email", email);
        if (phone != null) {
            row.put("phone", phone);
        }
        return row;
    }

    @Test
    void yamlKeysAreFields(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("fixture.yaml"), """
                # a hand-written fixture
                customer:
                  name: 山田 花子
                  nameKana: "ヤマダ ハナコ"
                  email: %s   # the login
                  address: %s
                  dateOfBirth: %s
                  - card: '%s'
                  plan: basic
                """.formatted(EMAIL, ADDRESS, DATE_OF_BIRTH, VISA));

        ScanResult result = scanner.scan(List.of(yaml));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(
                tuple(3L, PiiKind.PERSON_NAME), tuple(4L, PiiKind.PERSON_NAME),
                tuple(5L, PiiKind.EMAIL), tuple(6L, PiiKind.ADDRESS),
                tuple(7L, PiiKind.DATE_OF_BIRTH), tuple(8L, PiiKind.CARD_NUMBER));

        // masked field by field, as the masker masks a JSON document of the same fields
        ObjectNode fields = ExchangeJson.mapper().createObjectNode().put("name", KANJI_NAME).put("nameKana", KANA_NAME).put("email", EMAIL)
                .put("address", ADDRESS).put("dateOfBirth", DATE_OF_BIRTH).put("card", VISA);
        JsonNode m = masker.maskJson(fields, Location.TEXT);
        Path maskedYaml = Files.writeString(dir.resolve("fixture.masked.yml"), """
                customer:
                  name: %s
                  nameKana: "%s"
                  email: %s   # the login
                  address: %s
                  dateOfBirth: %s
                  - card: '%s'
                """.formatted(m.get("name").asText(), m.get("nameKana").asText(), m.get("email").asText(), m.get("address").asText(),
                m.get("dateOfBirth").asText(), m.get("card").asText()));
        ScanResult clean = scanner.scan(List.of(maskedYaml));
        assertThat(clean.findings()).as(Files.readString(maskedYaml)).isEmpty();
        assertThat(clean.surrogates()).isEqualTo(6);
    }

    @Test
    void markdownTablesAndProse(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("README.md"), """
                # Test customers

                | id | name | email |
                |----|------|-------|
                | 1 | 山田 花子 | %s |
                | 2 | Emily Johnson | someone@example.com |

                Call %s if the build breaks, or write to <%s>.
                """.formatted(EMAIL, MOBILE, EMAIL_2));

        ScanResult result = scanner.scan(List.of(md));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(
                tuple(5L, PiiKind.PERSON_NAME), tuple(5L, PiiKind.EMAIL),
                tuple(6L, PiiKind.PERSON_NAME), tuple(8L, PiiKind.PHONE),
                tuple(8L, PiiKind.EMAIL));
        assertThat(result.reserved()).isEqualTo(1); // someone@example.com is nobody's
    }

    @Test
    void csvHeadersNameTheColumns(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("customers.csv"), """
                id,fullName,email,note
                1,"山田 花子",%s,"likes tea, not coffee"
                2,Emily Johnson,%s,
                """.formatted(EMAIL, EMAIL_2));

        ScanResult result = scanner.scan(List.of(csv));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(
                tuple(2L, PiiKind.PERSON_NAME), tuple(2L, PiiKind.EMAIL),
                tuple(3L, PiiKind.PERSON_NAME), tuple(3L, PiiKind.EMAIL));
    }

    @Test
    void aPrettyPrintedJsonDocumentReportsTheLineOfEachValue(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("customer.json"), """
                {
                  "customer": {
                    "name": "山田 花子",
                    "contact": {
                      "email": "%s",
                      "phones": ["%s", "%s"]
                    }
                  },
                  "items": [{"name": "Green tea 100g", "price": 12.5}]
                }
                """.formatted(EMAIL, MOBILE, LANDLINE));

        ScanResult result = scanner.scan(List.of(json));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(
                tuple(3L, PiiKind.PERSON_NAME), tuple(5L, PiiKind.EMAIL),
                tuple(6L, PiiKind.PHONE), tuple(6L, PiiKind.PHONE));
        assertThat(result.lines()).isEqualTo(10);

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"email\": \"" + EMAIL + "\",\n  oops\n");
        ScanResult fallback = scanner.scan(List.of(broken));
        assertThat(fallback.findings()).extracting(Finding::line).containsExactly(2L);
    }

    @Test
    void htmlAndPlainLogsAreFreeText(@TempDir Path dir) throws Exception {
        Path html = Files.writeString(dir.resolve("receipt.html"), """
                <html><body>
                <p>Dear Ms. Yamada, your card ending in 4242 was charged.</p>
                <td>%s</td><td>%s</td>
                </body></html>
                """.formatted(EMAIL, VISA));

        ScanResult result = scanner.scan(List.of(html));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).contains(
                tuple(3L, PiiKind.EMAIL), tuple(3L, PiiKind.CARD_NUMBER));
        assertRevealsNothing(result);
    }

    @Test
    void binaryFilesAreSkippedAndGzipIsReadTransparently(@TempDir Path dir) throws Exception {
        byte[] binary = ("PK\u0000\u0003" + EMAIL).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("archive.zip"), binary);
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write((String.join("\n", rawLog().subList(0, 2)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("raw.jsonl.gz"), gz.toByteArray());

        ScanResult result = scanner.scan(List.of(dir));

        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.files()).isEqualTo(1);
        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(
                tuple(1L, PiiKind.EMAIL), tuple(2L, PiiKind.CARD_NUMBER),
                tuple(2L, PiiKind.SECRET));
    }

    @Test
    void foldersAreWalkedInNameOrderSkippingGitTargetAndNodeModules(@TempDir Path dir) throws Exception {
        for (String folder : List.of(".git", "target", "node_modules", "b", "a/c")) {
            Files.createDirectories(dir.resolve(folder));
            Files.writeString(dir.resolve(folder).resolve("notes.txt"), "mail " + EMAIL + "\n");
        }
        Files.writeString(dir.resolve("z.txt"), "mail " + EMAIL + "\n");

        ScanResult result = scanner.scan(List.of(dir));

        assertThat(result.findings()).extracting(f -> dir.relativize(f.file()).toString().replace('\\', '/'))
                .containsExactly("a/c/notes.txt", "b/notes.txt", "z.txt");
        // a skipped folder given by name is scanned, and a file given twice once
        ScanResult target = scanner.scan(List.of(dir.resolve("target"), dir.resolve("target/notes.txt")));
        assertThat(target.totalFindings()).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsReplacedAndTheRestOfTheLineStillScanned(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("first line\n".getBytes(StandardCharsets.UTF_8));
        content.write(new byte[] {'x', (byte) 0xC3, (byte) 0x28, ' '});
        content.write(("contact " + EMAIL + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("mixed.log"), content.toByteArray());

        ScanResult result = scanner.scan(List.of(file));

        assertThat(result.findings()).extracting(Finding::line, Finding::kind).containsExactly(tuple(2L, PiiKind.EMAIL));
    }

    @Test
    void findingsAreCappedButAllCounted(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("user" + i + "@docomo.ne.jp");
        }
        Path file = Files.write(dir.resolve("many.txt"), lines);

        ScanResult result = Scanner.builder().maxFindings(10).build().scan(List.of(file));

        assertThat(result.findings()).hasSize(10);
        assertThat(result.totalFindings()).isEqualTo(50);
        assertThat(result.truncated()).isTrue();
        assertThat(result.findingsByKind()).containsEntry(PiiKind.EMAIL, 50L);
        assertThat(result.summary()).startsWith("50 findings {EMAIL=50} in 1 file (50 lines; 0 binary skipped)");
    }

    @Test
    void reservedAddressesAndSurrogatesAreCountedNotReported(@TempDir Path dir) throws Exception {
        String surrogate = masker.maskText("write to " + EMAIL);
        Path file = Files.write(dir.resolve("notes.txt"), List.of("write to someone@example.com", surrogate));

        ScanResult result = scanner.scan(List.of(file));

        assertThat(result.clean()).isTrue();
        assertThat(result.reserved()).isEqualTo(1);
        assertThat(result.surrogates()).isEqualTo(1);
        assertThat(result.summary()).contains("1 masked value recognised", "1 reserved e-mail address");
    }

    @Test
    void aMissingPathIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> scanner.scan(List.of(dir.resolve("nope"))))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> scanner.scan(List.of())).isInstanceOf(Prod2TestException.class);
    }

    @Test
    void anEmptyFolderIsClean(@TempDir Path dir) {
        ScanResult result = scanner.scan(dir);
        assertThat(result.clean()).isTrue();
        assertThat(result.files()).isZero();
        assertThat(result.summary()).isEqualTo("0 findings in 0 files (0 lines; 0 binary skipped); 0 masked values recognised");
    }
}

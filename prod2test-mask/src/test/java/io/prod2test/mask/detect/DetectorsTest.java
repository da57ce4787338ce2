package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import io.prod2test.mask.PiiKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DetectorsTest {
    private static final Set<String> BUILT_IN = Set.of("email", "card-number", "phone", "my-number", "corporate-number", "iban",
            "ip-address", "secret", "postal-code", "address", "person-name", "date-of-birth");

    @Test
    void standardLoadsEveryBuiltInDetectorOnceAndCachesTheRegistry() {
        assertThat(Detectors.standard().names()).containsExactlyInAnyOrderElementsOf(BUILT_IN);
        assertThat(Detectors.standard()).isSameAs(Detectors.standard());
        for (Detector detector : Detectors.standard().detectors()) {
            assertThat(detector.kinds()).as(detector.name()).isNotEmpty();
        }
    }

    @Test
    void onlyAndWithoutNarrowTheRegistry() {
        Detectors emailOnly = Detectors.standard().only(Set.of("email"));
        assertThat(emailOnly.names()).containsExactly("email");
        assertThat(Found.render("a@example.com 090-1234-5678", emailOnly.detect("a@example.com 090-1234-5678", null)))
                .containsExactly("EMAIL:a@example.com");
        assertThat(Detectors.standard().without(Set.of("phone", "email")).names()).doesNotContain("phone", "email").hasSize(10);
        assertThat(Detectors.standard().only(Set.of()).detect("a@example.com", null)).isEmpty();
    }

    @Test
    void anUnknownDetectorNameIsAnError() {
        assertThatThrownBy(() -> Detectors.standard().only(Set.of("e-mail")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e-mail").hasMessageContaining("email");
        assertThatThrownBy(() -> Detectors.standard().without(Set.of("cards"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoDetectorsOfOneNameAreAnError() {
        assertThatThrownBy(() -> Detectors.of(List.of(new EmailDetector(), new EmailDetector())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    }

    @Test
    void nothingOrNullHasNothing() {
        assertThat(Detectors.standard().detect(null, FieldContext.text())).isEmpty();
        assertThat(Detectors.standard().detect("", FieldContext.text())).isEmpty();
        assertThat(Detectors.standard().detect("plain words and nothing else", null)).isEmpty();
    }

    @Test
    void spansIndexTheOriginalFullWidthText() {
        String text = "氏名：ヤマダ　タロウ、電話：０９０－１２３４－５６７８、メール：ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ";
        assertThat(Found.all(text)).containsExactly("PERSON_NAME:ヤマダ　タロウ", "PHONE:０９０－１２３４－５６７８",
                "EMAIL:ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");
    }

    @Test
    void theMoreSpecificKindWinsASpanOfEqualLength() {
        assertThat(Found.all("taro@example.jp", Found.body("name"))).containsExactly("EMAIL:taro@example.jp");
        assertThat(Found.all("4242424242424242", Found.body("password"))).containsExactly("CARD_NUMBER:4242424242424242");
        assertThat(Found.all("198.51.100.7", Found.body("address"))).containsExactly("IP_ADDRESS:198.51.100.7");
    }

    @Test
    void theLongestSpanWins() {
        assertThat(Found.all("東京都港区芝浦1-2-3 TEL 03-1234-5678", Found.body("address")))
                .containsExactly("ADDRESS:東京都港区芝浦1-2-3 TEL 03-1234-5678");
    }

    @Test
    void findsEverythingInAJsonDocumentInOrder() {
        String json = "{\"email\":\"hanako.sato@example.jp\",\"name\":\"佐藤 花子\",\"nameKana\":\"サトウ ハナコ\",\"phone\":\"090-1234-5678\","
                + "\"postalCode\":\"160-0023\",\"address\":\"東京都新宿区西新宿2-8-1\",\"dateOfBirth\":\"1990-01-02\","
                + "\"myNumber\":\"123456789018\",\"card\":{\"number\":\"4242 4242 4242 4242\",\"cvc\":\"123\"},\"ip\":\"192.0.2.1\"}";
        assertThat(Found.all(json)).containsExactly("EMAIL:hanako.sato@example.jp", "PERSON_NAME:佐藤 花子", "PERSON_NAME:サトウ ハナコ",
                "PHONE:090-1234-5678", "POSTAL_CODE:160-0023", "ADDRESS:東京都新宿区西新宿2-8-1", "DATE_OF_BIRTH:1990-01-02",
                "MY_NUMBER:123456789018", "CARD_NUMBER:4242 4242 4242 4242", "SECRET:123", "IP_ADDRESS:192.0.2.1");
    }

    @Test
    void detectionsAreOrderedAndDoNotOverlap() {
        String text = "token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln 4242 4242 4242 4242 〒160-0023 東京都新宿区西新宿2-8-1 "
                + "a@example.com 192.0.2.1 090-1234-5678 生年月日：1990年1月2日";
        List<Detection> found = Detectors.standard().detect(text, FieldContext.text());
        assertThat(found).hasSizeGreaterThanOrEqualTo(7);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
        assertThat(found.getFirst().kind()).isEqualTo(PiiKind.JWT);
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> texts = List.of("a@example.com 090-1234-5678", "4242 4242 4242 4242", "東京都新宿区西新宿2-8-1 サトウ タロウ 様",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "2001:db8::1 and 192.0.2.7", "生年月日：1990年1月2日 〒160-0023");
        List<List<Detection>> expected = texts.stream().map(t -> Detectors.standard().detect(t, FieldContext.text())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 300; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!Detectors.standard().detect(texts.get(i), FieldContext.text()).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMisbehavingDetectorCannotBreakTheOthers() {
        Detector throwing = detector("throwing", (text, field) -> {
            throw new IllegalStateException("boom");
        });
        Detector outOfRange = detector("out-of-range", (text, field) -> List.of(new Detection(0, text.length() + 5, PiiKind.SECRET, "out-of-range")));
        Detector overlapping = detector("overlapping", (text, field) -> List.of(new Detection(0, 3, PiiKind.SECRET, "overlapping"),
                new Detection(1, 4, PiiKind.SECRET, "overlapping")));
        Detectors registry = Detectors.of(List.of(throwing, outOfRange, overlapping, new EmailDetector()));
        List<Detection> found = registry.detect("abcd x@example.com", FieldContext.text());
        assertThat(Found.render("abcd x@example.com", found)).containsExactly("SECRET:abc", "EMAIL:x@example.com");
    }

    @Test
    void numbersBetweenTheCommasOfACsvRowStandAlone() {
        assertThat(Found.all("cus_1a2b3c,hanako@example.jp,090-1111-2222,160-0023,4242424242424242,2024"))
                .containsExactly("EMAIL:hanako@example.jp", "PHONE:090-1111-2222", "POSTAL_CODE:160-0023", "CARD_NUMBER:4242424242424242");
        assertThat(Found.all("total 1,234,567,890,123 yen; 4,242,424,242,424,242")).isEmpty();
    }

    @Test
    void aColumnIsReadByItsColumnName() {
        assertThat(Found.all("hanako@example.jp", new FieldContext(Location.COLUMN, "customers.email", "customers.email")))
                .containsExactly("EMAIL:hanako@example.jp");
        assertThat(Found.all("鈴木 一郎", new FieldContext(Location.COLUMN, "customers.full_name", "customers.full_name")))
                .containsExactly("PERSON_NAME:鈴木 一郎");
    }

    @Test
    void scansLogsQuickly() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            line.append("2024-05-01T12:34:56.789Z INFO [shop] GET /customers/cus_0a1b2c3d4e5f/orders?limit=10 200 12ms traceId=")
                    .append("4bf92f3577b34da6a3ce929d0e0e4736 amount=4980 currency=JPY\n");
        }
        String text = line.toString();
        Detectors.standard().detect(text, FieldContext.text()); // warm up
        long start = System.nanoTime();
        int rounds = 5;
        for (int i = 0; i < rounds; i++) {
            assertThat(Detectors.standard().detect(text, FieldContext.text())).isEmpty();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double megabytes = rounds * text.length() / 1e6;
        // indicative only: a cold JIT, and the Jazzer agent's hooks when the fuzz test ran first in this JVM
        System.out.printf("scanned %.1f MB of log lines in %.2f s: %.1f MB/s (indicative)%n", megabytes, seconds, megabytes / seconds);
        assertThat(seconds).as("a generous bound: only catches a pathological slowdown").isLessThan(60);
    }

    private static Detector detector(String name, java.util.function.BiFunction<String, FieldContext, List<Detection>> body) {
        return new Detector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<PiiKind> kinds() {
                return Set.of(PiiKind.SECRET);
            }

            @Override
            public List<Detection> detect(String text, FieldContext field) {
                return body.apply(text, field);
            }
        };
    }
}

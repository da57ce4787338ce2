package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.KEY;
import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SurrogatesTest {
    /** One synthetic sample of every kind. */
    static final Map<PiiKind, String> SAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(PiiKind.EMAIL, "taro.sato42@example.co.jp"),
            Map.entry(PiiKind.CARD_NUMBER, "4242 4242 4242 4242"),
            Map.entry(PiiKind.PHONE, "090-1234-5678"),
            Map.entry(PiiKind.MY_NUMBER, "123456789018"),
            Map.entry(PiiKind.CORPORATE_NUMBER, "7000012050002"),
            Map.entry(PiiKind.IBAN, "DE89 3704 0044 0532 0130 00"),
            Map.entry(PiiKind.IP_ADDRESS, "10.1.2.3"),
            Map.entry(PiiKind.JWT, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
            Map.entry(PiiKind.SECRET, "sk_live_51HxYzAbCdEf0123456789"),
            Map.entry(PiiKind.POSTAL_CODE, "160-0023"),
            Map.entry(PiiKind.ADDRESS, "東京都新宿区西新宿2-8-1"),
            Map.entry(PiiKind.PERSON_NAME, "佐藤 太郎"),
            Map.entry(PiiKind.DATE_OF_BIRTH, "1985-04-07"),
            Map.entry(PiiKind.IDENTIFIER, "cus_123456789")));

    @ParameterizedTest
    @EnumSource(PiiKind.class)
    void everyKindIsDeterministicKeySensitiveValidAndNeverTheInput(PiiKind kind) {
        String raw = SAMPLES.get(kind);
        assertThat(raw).as("a sample for %s", kind).isNotNull();
        String surrogate = SURROGATES.surrogate(kind, raw);
        assertThat(surrogate).isNotEqualTo(raw);
        assertThat(SURROGATES.surrogate(kind, raw)).isEqualTo(surrogate);
        assertThat(Surrogates.builder(KEY).referenceDate(SurrogateTesting.REFERENCE).build().surrogate(kind, raw)).isEqualTo(surrogate);
        assertThat(OTHER.surrogate(kind, raw)).isNotEqualTo(surrogate);
        assertThat(SurrogateFormats.isValid(kind, surrogate)).as(surrogate).isTrue();
        assertThat(SURROGATES.surrogate(kind, "  " + raw + "\t")).isEqualTo("  " + surrogate + "\t");
    }

    @ParameterizedTest
    @EnumSource(PiiKind.class)
    void nullAndBlankComeBackAsTheyAre(PiiKind kind) {
        assertThat(SURROGATES.surrogate(kind, null)).isNull();
        assertThat(SURROGATES.surrogate(kind, "")).isEmpty();
        assertThat(SURROGATES.surrogate(kind, "  ")).isEqualTo("  ");
    }

    @ParameterizedTest
    @EnumSource(PiiKind.class)
    void oddInputNeverThrows(PiiKind kind) {
        for (String odd : List.of("x", "@", "-", "0", "🌸", "a@b", "+", "+81", "..", "\u0000", "ｱ", "12345678901234567890123456789012345678901234567890")) {
            assertThat(SURROGATES.surrogate(kind, odd)).isNotNull();
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        Map<PiiKind, String> expected = new EnumMap<>(PiiKind.class);
        SAMPLES.forEach((kind, raw) -> expected.put(kind, SURROGATES.surrogate(kind, raw)));
        Surrogates shared = SurrogateTesting.surrogates(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        for (Map.Entry<PiiKind, String> sample : SAMPLES.entrySet()) {
                            if (!shared.surrogate(sample.getKey(), sample.getValue()).equals(expected.get(sample.getKey()))) {
                                return false;
                            }
                        }
                        shared.identifier(Integer.toString(10_000 + i)); // small-domain tables built concurrently
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
    void theReferenceDateOnlyMattersNearABandBoundary() {
        Surrogates later = Surrogates.builder(KEY).referenceDate(LocalDate.of(2031, 1, 1)).build();
        assertThat(later.dateOfBirth("1985-04-07")).isEqualTo(SURROGATES.dateOfBirth("1985-04-07"));
        assertThat(later.referenceDate()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(SURROGATES.scheme()).isEqualTo(SurrogateScheme.V1);
        assertThat(Surrogates.v1(KEY).scheme()).isEqualTo(SurrogateScheme.V1);
        assertThat(new Surrogates(KEY).email("a@b.jp")).isEqualTo(SURROGATES.email("a@b.jp"));
    }

    @Test
    void phoneRegionsDecideHowNationalNumbersAreRead() {
        Surrogates us = Surrogates.builder(KEY).phoneRegions("US").build();
        String surrogate = us.phone("212-555-0147");
        assertThat(SurrogateFormats.phoneRegion(surrogate, "US")).isEqualTo("US");
        assertThat(SURROGATES.phone("212-555-0147", "US")).isEqualTo(surrogate);
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(SURROGATES.toString()).doesNotContain("prod2test-unit-test-key");
    }
}

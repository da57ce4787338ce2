package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierSurrogateTest {
    @Test
    void aHundredThousandCustomerNumbersStayDistinctNumbersOfTheSameLength() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = Integer.toString(10_000_000 + i * 7);
            String surrogate = SURROGATES.identifier(id);
            assertThat(surrogate).matches("[1-9]\\d{7}");
            assertThat(seen.add(surrogate)).as("unique: %s", surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(id);
            if (i % 1_000 == 0) {
                assertThat(SURROGATES.identifierInverse(surrogate)).isEqualTo(id);
            }
        }
    }

    @Test
    void aSmallDomainIsPermutedWithoutFixedPoints() {
        Set<String> images = new HashSet<>();
        for (int i = 10_000; i < 100_000; i++) {
            String id = Integer.toString(i);
            String surrogate = SURROGATES.identifier(id);
            assertThat(surrogate).matches("[1-9]\\d{4}").isNotEqualTo(id);
            images.add(surrogate);
        }
        assertThat(images).hasSize(90_000); // every five-digit number is some number's surrogate: a permutation
        for (int i = 0; i < 10; i++) {
            assertThat(SURROGATES.identifier(Integer.toString(i))).matches("\\d").isNotEqualTo(Integer.toString(i));
        }
        assertThat(SURROGATES.identifierInverse(SURROGATES.identifier("04217"))).isEqualTo("04217");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cus_NffrFeUfNV2Hib|^cus_[0-9A-Za-z]{14}$",
        "pay_3fa9c01b2e4d5a6f|^pay_[0-9a-f]{16}$",
        "card_3fa9c01b2e4d|^card_[0-9a-f]{12}$",
        "ch_3N1a2b3c4d5e6f|^ch_[0-9A-Za-z]{14}$",
        "C00012345|^C\\d{8}$",
        "ORD-2024-000123|^ORD-\\d{4}-\\d{6}$",
        "00001234|^0\\d{7}$",
        "12345678|^[1-9]\\d{7}$",
        "A1B2-C3D4|^[0-9A-F]{4}-[0-9A-F]{4}$",
        "order.7f3a.9b2c|^[0-9a-z]+\\.[0-9a-z]{4}\\.[0-9a-z]{4}$",
        "3FA85F64-5717-4562-B3FC-2C963F66AFA6|^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$",
        "taro_sato|^[0-9a-z]{4}_[0-9a-z]{4}$"
    })
    void keepsPrefixSeparatorsAndAlphabet(String id, String pattern) {
        String surrogate = SURROGATES.identifier(id);
        assertThat(surrogate).matches(pattern).isNotEqualTo(id);
        assertThat(SURROGATES.identifierInverse(surrogate)).isEqualTo(id);
        assertThat(Identifiers.classify(surrogate)).isEqualTo(Identifiers.classify(id));
    }

    @Test
    void aPersonalWordBeforeAnUnderscoreIsNoKeptPrefix() {
        assertThat(SURROGATES.identifier("taro_sato")).doesNotStartWith("taro_");
        assertThat(SURROGATES.identifier("cus_NffrFeUfNVxHib")).startsWith("cus_");
    }

    @Test
    void uuidsStayUuidsOfTheSameVersionAndAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >>> 8)}).toString();
            String surrogate = SURROGATES.identifier(id);
            UUID parsed = UUID.fromString(surrogate);
            assertThat(parsed.version()).isEqualTo(3);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(surrogate).isEqualTo(surrogate.toLowerCase()).isNotEqualTo(id);
            assertThat(seen.add(surrogate)).isTrue();
            assertThat(SURROGATES.identifierInverse(surrogate)).isEqualTo(id);
        }
    }

    @Test
    void mixedRandomIdsStayUniqueAndKeepTheirShape() {
        List<String> ids = SurrogateTesting.generate(91, 20_000, r -> {
            StringBuilder out = new StringBuilder("cus_");
            String alphabet = Identifiers.Kind.ALNUM62.alphabet;
            for (int i = 0; i < 14; i++) {
                out.append(alphabet.charAt(r.nextInt(62)));
            }
            return out.toString();
        });
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            String surrogate = SURROGATES.identifier(id);
            assertThat(Identifiers.classify(surrogate)).isEqualTo(Identifiers.classify(id));
            assertThat(seen.add(surrogate)).isTrue();
        }
    }

    @Test
    void deterministicAndKeySensitive() {
        assertThat(SURROGATES.identifier("cus_123456789")).isEqualTo(SurrogateTesting.surrogates(SurrogateTesting.KEY).identifier("cus_123456789"))
                .isNotEqualTo(OTHER.identifier("cus_123456789"));
        assertThat(SURROGATES.identifier("pay_123456789")).isNotEqualTo("pay_" + SURROGATES.identifier("cus_123456789").substring(4));
        long same = 0;
        for (int i = 0; i < 1_000; i++) {
            String id = Integer.toString(1_000_000 + i);
            same += SURROGATES.identifier(id).equals(OTHER.identifier(id)) ? 1 : 0;
        }
        assertThat(same).isLessThan(3);
    }

    @Test
    void nothingToEncryptIsKept() {
        assertThat(SURROGATES.identifier("--")).isEqualTo("--");
        assertThat(SURROGATES.identifier("")).isEmpty();
        assertThat(SURROGATES.identifier(null)).isNull();
    }
}

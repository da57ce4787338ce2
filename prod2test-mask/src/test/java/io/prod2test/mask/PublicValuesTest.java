package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicValuesTest {
    private static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    /** A published declining test card: the payment system must still see it. */
    private static final String DECLINING = "4000000000000002";
    /** A card the policy does not declare public. */
    private static final String OTHER = "5555555555554444";

    private final MaskingPolicy policy = MaskingPolicy.defaults().withPublicValues(List.of(DECLINING));

    @Test
    void keepsPublicValuesWhereverTheyAppearAndMasksTheRest() {
        Masker masker = Masker.create(policy, KEY);
        Exchange exchange = Exchange.builder(Instant.parse("2026-11-02T09:00:00Z"), "POST", "/tokens").status(201)
                .requestBody(ExchangeJson.bodyOf("{\"number\":\"" + DECLINING + "\",\"backup\":\"" + OTHER
                        + "\",\"note\":\"retry with 4000 0000 0000 0002 then " + OTHER + "\"}"))
                .build();

        String masked = ExchangeJson.write(masker.mask(exchange));

        assertThat(masked).contains("\"number\":\"" + DECLINING + "\"").contains("4000 0000 0000 0002").doesNotContain(OTHER);
        assertThat(masker.report().toString()).doesNotContain(DECLINING);
    }

    @Test
    void aRuleDoesNotReplaceAPublicValueEither() {
        Masker masker = Masker.create(policy, KEY);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", "hanako.yamada@example.org");
        row.put("pan", DECLINING);

        Map<String, Object> masked = masker.maskRow("cards", row);

        assertThat(masked.get("pan")).isEqualTo(DECLINING);
        assertThat(masked.get("email")).isNotEqualTo("hanako.yamada@example.org");
    }

    @Test
    void readsPublicValuesFromThePolicyFileAndNamesAnEmptyOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prod2test.yaml");
        Files.writeString(file, "masking:\n  version: 1\n  publicValues:\n    - \"4000-0000-0000-0002\"\n");
        assertThat(MaskingPolicy.read(file).publicValues()).containsExactly(DECLINING);
        assertThat(MaskingPolicy.read(file).isPublic("4000 0000 0000 0002")).isTrue();

        Files.writeString(file, "masking:\n  version: 1\n  publicValues: [\"\"]\n");
        assertThatThrownBy(() -> MaskingPolicy.read(file)).hasMessageContaining("prod2test.yaml")
                .hasMessageContaining("a public value must not be empty");
    }

    @Test
    void theScanDoesNotReportWhatThePolicyKeepsOnPurpose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("setup.sql");
        Files.writeString(file, "INSERT INTO cards (pan) VALUES ('" + DECLINING + "');\n");

        ScanResult without = Scanner.builder().build().scan(file);
        ScanResult with = Scanner.builder().policy(policy).build().scan(file);

        assertThat(without.clean()).isFalse();
        assertThat(with.clean()).isTrue();
        assertThat(with.publicValues()).isEqualTo(1);
        assertThat(with.summary()).contains("1 public value of the policy");
    }
}

package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.mask.surrogate.SurrogateFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keepEmailCase}: a sign-up retyped in other capitals stays in other capitals once masked. */
class KeepEmailCaseTest {
    private static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    private static final String LOWER = "hanako.yamada@mail.example-shop.jp";
    private static final String CAPITALISED = "Hanako.yamada@Mail.example-shop.JP";

    @Test
    void isOffByDefaultSoEverySpellingGetsTheSameLowerCaseSurrogate() {
        Masker masker = Masker.create(MaskingPolicy.defaults(), KEY);

        String lower = masker.maskRow("customers", Map.of("email", LOWER)).get("email").toString();
        String capitalised = masker.maskRow("customers", Map.of("email", CAPITALISED)).get("email").toString();

        assertThat(capitalised).isEqualTo(lower).isEqualTo(lower.toLowerCase(Locale.ROOT));
    }

    @Test
    void keepsWhereTheCapitalsWereAndStaysTheSameAddressUpToCase() {
        Masker masker = Masker.create(MaskingPolicy.defaults().withKeepEmailCase(true), KEY);
        Masker plain = Masker.create(MaskingPolicy.defaults(), KEY);

        String lower = masker.maskRow("customers", Map.of("email", LOWER)).get("email").toString();
        String capitalised = masker.maskRow("customers", Map.of("email", CAPITALISED)).get("email").toString();

        assertThat(lower).isEqualTo(plain.maskRow("customers", Map.of("email", LOWER)).get("email"));
        assertThat(capitalised).isNotEqualTo(lower).isEqualToIgnoringCase(lower);
        assertThat(capitalised.charAt(0)).isUpperCase();
        assertThat(capitalised.substring(capitalised.lastIndexOf('.') + 1)).isEqualTo("JP");
        assertThat(SurrogateFormats.isSurrogate(io.prod2test.mask.PiiKind.EMAIL, capitalised)).isTrue();
    }

    @Test
    void masksBothSpellingsInALogAndLeavesNoRawAddressForTheScanToFind(@TempDir Path dir) throws Exception {
        Masker masker = Masker.create(MaskingPolicy.defaults().withKeepEmailCase(true), KEY);
        Exchange first = Exchange.builder(Instant.parse("2026-11-02T09:00:00Z"), "POST", "/customers").status(201)
                .requestBody(ExchangeJson.bodyOf("{\"email\":\"" + LOWER + "\"}")).build();
        Exchange again = Exchange.builder(Instant.parse("2026-11-02T09:01:00Z"), "POST", "/customers").status(409)
                .requestBody(ExchangeJson.bodyOf("{\"email\":\"" + CAPITALISED + "\"}")).build();

        String log = ExchangeJson.write(masker.mask(first)) + "\n" + ExchangeJson.write(masker.mask(again)) + "\n";
        Path file = dir.resolve("masked.jsonl");
        Files.writeString(file, log);

        assertThat(log).doesNotContainIgnoringCase("hanako").doesNotContainIgnoringCase("example-shop");
        assertThat(Scanner.builder().build().scan(file).findings()).isEmpty();
    }

    @Test
    void readsTheSwitchFromThePolicyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "version: 1\nkeepEmailCase: true\n");

        assertThat(MaskingPolicy.read(file).keepEmailCase()).isTrue();
        assertThat(MaskingPolicy.defaults().keepEmailCase()).isFalse();
    }
}

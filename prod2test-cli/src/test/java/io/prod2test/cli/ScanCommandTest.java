package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final String EMAIL = "jiro.tanaka@mail-provider.jp";
    private static final String LINE = "{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"POST\",\"path\":\"/customers\","
            + "\"requestBody\":{\"email\":\"" + EMAIL + "\",\"card\":\"4242424242424242\"},\"status\":201}";

    @Test
    void findsRawPersonalDataWithFileAndLineAndExitsOneWithoutShowingIt(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("raw.jsonl");
        Files.writeString(raw, "{\"ts\":\"2026-11-02T09:00:00Z\",\"method\":\"GET\",\"path\":\"/\",\"status\":200}\n" + LINE + "\n");

        CliRun run = CliRun.of("scan", raw.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(raw + ":2:EMAIL").contains(raw + ":2:CARD_NUMBER")
                .doesNotContain(EMAIL).doesNotContain("4242424242424242");
    }

    @Test
    void aMaskedFileScansClean(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("raw.jsonl");
        Files.writeString(raw, LINE + "\n");
        Path masked = dir.resolve("masked.jsonl");
        CliRun mask = CliRun.withEnvironment(Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef"),
                "mask", raw.toString(), masked.toString());
        assertThat(mask.exitCode()).as(mask.err()).isZero();

        CliRun run = CliRun.of("scan", "--json", masked.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"clean\":true").contains("\"findings\":0");
    }

    @Test
    void aPolicysPublicValuesAreKeptByMaskAndAreNoFindingsOfScan(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("prod2test.yaml");
        Files.writeString(policy, "masking:\n  version: 1\n  publicValues: [\"4242424242424242\"]\n");
        Path raw = dir.resolve("raw.jsonl");
        Files.writeString(raw, LINE + "\n");
        Path masked = dir.resolve("masked.jsonl");
        CliRun mask = CliRun.withEnvironment(Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef"),
                "mask", "--policy", policy.toString(), raw.toString(), masked.toString());
        assertThat(mask.exitCode()).as(mask.err()).isZero();
        assertThat(Files.readString(masked)).contains("4242424242424242").doesNotContain(EMAIL);

        assertThat(CliRun.of("scan", masked.toString()).exitCode()).as("without the policy the card is a finding").isEqualTo(1);
        CliRun run = CliRun.of("scan", "--json", "--policy", policy.toString(), masked.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"clean\":true").contains("\"publicValues\":1");
    }
}

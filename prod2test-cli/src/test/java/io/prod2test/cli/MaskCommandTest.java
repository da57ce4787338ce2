package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {

    private static final Map<String, String> WITH_KEY = Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef");
    private static final String LINE = "{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"POST\",\"path\":\"/customers\","
            + "\"requestBody\":{\"email\":\"jiro.tanaka@example.net\"},\"status\":201}";

    @Test
    void masksAFileAndPrintsTheSummaryAsJson(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, LINE + "\nnot json with jiro.tanaka@example.net\n");
        Path out = dir.resolve("out.jsonl");

        CliRun run = CliRun.withEnvironment(WITH_KEY, "mask", "--json", in.toString(), out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
                .contains("\"read\":2").contains("\"masked\":1").contains("\"quarantined\":1");
        assertThat(Files.readString(out)).doesNotContain("jiro.tanaka");
        assertThat(Files.readString(dir.resolve("out.jsonl.quarantine.jsonl"))).doesNotContain("jiro.tanaka").contains("\"line\":2");
    }

    @Test
    void refusesToRunWithoutAKey(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, LINE);

        CliRun run = CliRun.of("mask", in.toString(), dir.resolve("out.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no masking key").contains("PROD2TEST_MASKING_KEY");
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void refusesAKeyFileOthersCanRead(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "cli-test-key-0123456789abcdef");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, LINE);

        CliRun run = CliRun.of("mask", "--masking-key-file", key.toString(), in.toString(), dir.resolve("o.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("can be read by others").contains("chmod 600");
    }

    @Test
    void namesTheFileWhenTheInputIsMissing(@TempDir Path dir) {
        CliRun run = CliRun.withEnvironment(WITH_KEY, "mask", dir.resolve("nope.jsonl").toString(), dir.resolve("o.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.jsonl").contains("is not a file");
    }
}

package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestCommandTest {

    @Test
    void readsSessionTimeoutsInTheUsualShortForms() {
        assertThat(IngestCommand.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(IngestCommand.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(IngestCommand.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(IngestCommand.parseDuration("PT45M")).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void rejectsATimeoutThatIsNotAPositiveDuration() {
        assertThatThrownBy(() -> IngestCommand.parseDuration("soon")).hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> IngestCommand.parseDuration("0m")).hasMessageContaining("not a duration");
    }

    @Test
    void aBrokenOpenApiDocumentIsNamedBeforeAnythingIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path doc = dir.resolve("shop.yaml");
        java.nio.file.Files.writeString(doc, "openapi: 3.0.3\ninfo: {title: x, version: '1'}\n");

        CliRun run = CliRun.withEnvironment(java.util.Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef"),
                "ingest", "--openapi", "shop=" + doc, "--db", "jdbc:postgresql://127.0.0.1:1/none", "logs/");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(doc.toString()).contains("paths");
    }

    @Test
    void refusesToIngestWithoutAKeyBeforeTouchingAnyStore() {
        CliRun run = CliRun.of("ingest", "--db", "jdbc:postgresql://127.0.0.1:1/none", "logs/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no masking key");
    }
}

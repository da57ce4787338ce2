package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.examples.support.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void allSelectsEveryFaultOnceInDeclarationOrder() {
        assertThat(DemoCommand.parseFaults(List.of("all", "jpy-rounded"))).containsExactly(Fault.values());
    }

    @Test
    void faultNamesAreCaseInsensitiveAndDeduplicated() {
        assertThat(DemoCommand.parseFaults(List.of("JPY-Rounded", "three-ds-skipped", "jpy-rounded")))
                .containsExactly(Fault.JPY_ROUNDED, Fault.THREE_DS_SKIPPED);
        assertThat(DemoCommand.parseFaults(null)).isEmpty();
    }

    @Test
    void anUnknownFaultIsBadUsageListingTheValidNames() {
        assertThatThrownBy(() -> DemoCommand.parseFaults(List.of("refund-too-big")))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("unknown fault 'refund-too-big'")
                .hasMessageContaining("refund-exceeds-captured")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void refusesAnOutFolderThatHoldsSomeoneElsesFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> DemoCommand.prepareOut(dir))
                .hasMessageContaining("is not empty and was not written by 'prod2test demo'");
        assertThat(dir.resolve("thesis.tex")).hasContent("precious");
    }

    @Test
    void replacesThePreviousDemosOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        DemoCommand.prepareOut(out);
        Files.createDirectories(out.resolve("production/logs"));
        Files.writeString(out.resolve("production/logs/shop.jsonl"), "{}\n");

        DemoCommand.prepareOut(out);

        assertThat(out.resolve("production")).doesNotExist();
        assertThat(out.resolve(DemoCommand.MARKER)).exists();
    }

    @Test
    void rejectsNonsensicalSizesBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--sessions", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sessions must be at least 1");
    }
}

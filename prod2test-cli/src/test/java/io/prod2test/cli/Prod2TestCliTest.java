package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class Prod2TestCliTest {

    static final List<String> SPEC_COMMANDS = List.of("demo", "ingest", "mask", "scan", "analyze", "schema",
            "generate", "run", "report", "publish", "record", "mcp");

    @Test
    void listsEveryCommandOfTheSpecInTheTopLevelHelp() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        for (String command : SPEC_COMMANDS) {
            assertThat(run.out()).containsPattern("(?m)^\\s+" + command + "\\b");
        }
        assertThat(run.out()).contains("prod2test demo").contains("PROD2TEST_DB").contains("Exit codes");
    }

    @Test
    void withoutACommandPrintsTheHelpInsteadOfFailing() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Commands:");
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommandHasAHelpWithAnExampleOrSubcommands(List<String> command) {
        String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: prod2test " + String.join(" ", command) + " ");
        assertThat(run.out()).containsAnyOf("Example", "Commands:");
    }

    static Stream<List<String>> everyCommand() {
        return Stream.concat(SPEC_COMMANDS.stream().map(List::of), Stream.of(List.of("schema", "pull"), List.of("schema", "diff")));
    }

    @Test
    void anUnknownOptionIsBadUsageWithTheCommandsHelp() {
        CliRun run = CliRun.of("ingest", "--frmat", "har", "x.har");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frmat'").contains("Usage: prod2test ingest");
    }

    @Test
    void aMissingRequiredOptionIsBadUsage() {
        CliRun run = CliRun.of("run", "--base-url", "http://localhost:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option").contains("--repo");
    }

    @Test
    void anUnknownFormatListsTheFormats() {
        CliRun run = CliRun.of("ingest", "--format", "csv", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("auto, jsonl, har, combined, alb, otlp");
    }

    @Test
    void debugShowsTheStackTraceOfAnError() {
        CliRun run = CliRun.of("analyze", "--debug", "--db", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("analysis store").contains("Prod2TestException").contains("\tat ");
    }

    @Test
    void theDemoHelpListsEveryFaultSwitch() {
        CliRun run = CliRun.of("demo", "--help");

        assertThat(run.out()).contains("refund-exceeds-captured").contains("cart-total-ignores-quantity").contains("--faults");
    }

    @Test
    void versionNamesProd2testAndTheJava() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("prod2test ").contains("Java ");
    }
}

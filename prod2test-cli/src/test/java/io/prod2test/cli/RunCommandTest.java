package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static String repo() throws Exception {
        return Path.of(RunCommandTest.class.getResource("/run-assets/prod2test.yaml").toURI()).getParent().toString();
    }

    @Test
    void anUnknownOrderOrRepeatIsBadUsage() throws Exception {
        CliRun order = CliRun.of("run", "--repo", repo(), "--order", "alphabetical");
        assertThat(order.exitCode()).isEqualTo(2);
        assertThat(order.err()).contains("--order must be random or file, was 'alphabetical'");

        CliRun repeat = CliRun.of("run", "--repo", repo(), "--repeat", "0");
        assertThat(repeat.exitCode()).isEqualTo(2);
        assertThat(repeat.err()).contains("--repeat must be 1 or more");
    }

    @Test
    void aRepositoryWithoutScenariosIsBadUsage(@TempDir Path empty) throws Exception {
        CliRun run = CliRun.of("run", "--repo", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has no scenarios");

        CliRun missing = CliRun.of("run", "--repo", empty.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a folder");
    }

    @Test
    void aSystemThatCannotBeReachedIsADatabaseFailure() throws Exception {
        CliRun run = CliRun.of("run", "--repo", repo());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to the system's database jdbc:postgresql://127.0.0.1:1/payments");
        assertThat(run.out()).contains("payments: 2 scenarios against http://127.0.0.1:1");
    }

    @Test
    void theHelpTeachesWhereTheSystemComesFrom() {
        CliRun run = CliRun.of("run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--order").contains("--repeat").contains("prod2test.yaml").contains("session_replication_role");
    }

    @Test
    void aMissingServiceConfigurationIsNamed(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("r");
        Files.createDirectories(copy.resolve("scenarios/payments/x"));
        Files.copy(Path.of(repo(), "scenarios/payments/tokenise/scenario.yaml"), copy.resolve("scenarios/payments/x/scenario.yaml"));
        CliRun run = CliRun.of("run", "--repo", copy.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("service 'payments' needs a base URL and a database JDBC URL");
    }
}

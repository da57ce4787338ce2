package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void diffHelpDocumentsItsExitCodes() {
        CliRun run = CliRun.of("schema", "diff", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("0 schemas/ matches the source").contains("1 drift found").contains("V<n+1>__<what>.sql");
    }

    @Test
    void aSourceThatIsNotAJdbcUrlOfASupportedDatabaseIsBadUsage() {
        CliRun run = CliRun.of("schema", "pull", "--source", "jdbc:oracle:thin:@db:1521/x", "--repo", "r");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:");
    }
}

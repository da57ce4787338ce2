package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @Test
    void aRepositoryThatIsNoFolderIsBadUsage(@TempDir Path dir) {
        CliRun run = CliRun.of("report", "--out", dir.resolve("r.html").toString(), "--repo", dir.resolve("missing").toString(),
                "--db", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--repo").contains("is not a folder");
    }

    @Test
    void aMissingJUnitXmlIsBadUsage(@TempDir Path dir) {
        CliRun run = CliRun.of("report", "--out", dir.resolve("r.html").toString(), "--junit-xml", dir.resolve("none.xml").toString(),
                "--db", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--junit-xml").contains("is not a file");
    }

    @Test
    void theHelpTeachesWhatThePageHolds() {
        CliRun run = CliRun.of("report", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("self-contained HTML page", "--out", "--repo", "--junit-xml", "flow graph", "prod2test report --out report.html");
    }
}

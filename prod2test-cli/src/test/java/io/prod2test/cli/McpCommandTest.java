package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code prod2test mcp} refuses before it starts serving (and so before it owns stdout). */
class McpCommandTest {
    @Test
    void needsAnAssetRepositoryThatExists(@TempDir Path dir) {
        CliRun run = CliRun.of("mcp", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--repo", dir.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--repo").contains("is not a folder");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void needsATokenToOpenPullRequestsOnGitHub(@TempDir Path dir) {
        CliRun run = CliRun.withEnvironment(Map.of(), "mcp", "--repo", dir.toString(), "--github", "acme/assets");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("GITHUB_TOKEN");
    }

    @Test
    void refusesAMalformedGitHubRepositoryAndLimitsOutOfRange(@TempDir Path dir) {
        assertThat(CliRun.of("mcp", "--repo", dir.toString(), "--github", "acme").err()).contains("--github: a GitHub repository is OWNER/REPO");
        assertThat(CliRun.of("mcp", "--repo", dir.toString(), "--query-rows", "5000").err()).contains("--query-rows between 1 and 1000");
    }

    @Test
    void refusesTestFoldersThatDoNotExistAndSourcesThatAreNoDatabase(@TempDir Path dir) {
        CliRun tests = CliRun.of("mcp", "--repo", dir.toString(), "--tests", dir.resolve("nope").toString());
        assertThat(tests.exitCode()).isEqualTo(2);
        assertThat(tests.err()).contains("--tests").contains("is not a folder");

        CliRun source = CliRun.of("mcp", "--repo", dir.toString(), "--source", "payments=jdbc:oracle:thin:@db:1521/x");
        assertThat(source.exitCode()).isEqualTo(2);
        assertThat(source.err()).contains("--source payments");
        assertThat(source.out()).isEmpty();
    }

    @Test
    void namesTheFieldOfABadSourceInProd2testYaml(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("prod2test.yaml"), "mcp:\n  sources:\n    payments: 42\n");

        CliRun run = CliRun.of("mcp", "--repo", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("prod2test.yaml").contains("mcp.sources.payments");
    }

    @Test
    void helpTeachesTheSourcesTheTestFoldersAndTheMaskingKey() {
        CliRun run = CliRun.of("mcp", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--source", "SERVICE=JDBC_URL", "--tests", "--masking-key-file", "list_flows", "check_schema_drift",
                "generate_datasets");
    }
}

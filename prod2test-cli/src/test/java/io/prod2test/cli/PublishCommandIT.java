package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.publish.GitFixture;
import io.prod2test.publish.GitHubTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandIT {
    @Test
    void pushesTheGeneratedFilesAndOpensAPullRequest(@TempDir Path dir) throws Exception {
        Path[] repos = GitFixture.assetsWithRemote(dir);
        GitFixture.scenario(repos[0], "payments", "pay-001", "POST /payments", "edge-case");
        try (GitHubTestServer github = new GitHubTestServer("cli-token", "acme", "assets", "main")) {
            CliRun run = CliRun.withEnvironment(Map.of("GITHUB_TOKEN", "cli-token", "GITHUB_API_URL", github.api().toString()),
                    "publish", "--repo", repos[0].toString(), "--branch", "prod2test/cli", "--remote", repos[1].toString(),
                    "--github", "acme/assets", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"branch\":\"prod2test/cli\"", "\"scenarios\":1", "\"edgeCases\":1", "\"flowShare\":0.25",
                    "\"pullRequest\":{\"number\":1,\"url\":\"https://github.com/acme/assets/pull/1\"}");
            assertThat(github.received()).hasSize(2);
        }
        try (Git bare = Git.open(repos[1].toFile())) {
            assertThat(bare.getRepository().exactRef("refs/heads/prod2test/cli")).isNotNull();
        }
    }

    @Test
    void pushesWithoutAPullRequestAndSaysWhatToDoNext(@TempDir Path dir) throws Exception {
        Path[] repos = GitFixture.assetsWithRemote(dir);
        GitFixture.write(repos[0], "datasets/payments/00_base/V1__reference_data.sql", "SELECT 1;\n");

        CliRun run = CliRun.of("publish", "--repo", repos[0].toString(), "--branch", "prod2test/plain", "--remote", repos[1].toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("committed 1 generated file on prod2test/plain", "prod2test: 1 dataset",
                "open a pull request from prod2test/plain into main");
    }

    @Test
    void refusesUnrelatedChangesWithExitTwoAndNamesThem(@TempDir Path dir) throws Exception {
        Path[] repos = GitFixture.assetsWithRemote(dir);
        GitFixture.scenario(repos[0], "payments", "pay-001", "POST /payments");
        GitFixture.write(repos[0], "docs/notes.md", "mine\n");

        CliRun run = CliRun.of("publish", "--repo", repos[0].toString(), "--branch", "b", "--remote", repos[1].toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("docs/notes.md").doesNotContain("\tat ");
    }

    @Test
    void needsADestinationAndRefusesPathsOutsideTheAssets(@TempDir Path dir) {
        assertThat(CliRun.of("publish", "--repo", dir.toString(), "--branch", "b").err()).contains("say where to push");
        CliRun outside = CliRun.of("publish", "--repo", dir.toString(), "--branch", "b", "--remote", "x", "--only", "../secrets");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("must not contain '..'");
    }
}

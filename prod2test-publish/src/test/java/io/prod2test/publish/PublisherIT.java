package io.prod2test.publish;

import static io.prod2test.publish.GitFixture.scenario;
import static io.prod2test.publish.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherIT {
    @TempDir
    Path dir;
    Path assets;
    Path remote;

    @BeforeEach
    void repositories() throws Exception {
        Path[] both = GitFixture.assetsWithRemote(dir);
        assets = both[0];
        remote = both[1];
    }

    void generate() throws Exception {
        scenario(assets, "payments", "pay-001", "POST /customers, POST /payments", "frequent");
        scenario(assets, "payments", "pay-002", "POST /payments, POST /payments/{id}/refunds", "edge-case", "status-409");
        write(assets, "datasets/payments/00_base/V1__reference_data.sql", "INSERT INTO currencies VALUES ('JPY');\n");
        write(assets, "charters/payments/refunds.md", "# Refunds\n- [ ] refund twice\n");
        write(assets, "schemas/payments/V1__baseline.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n");
    }

    @Test
    void commitsOnlyTheGeneratedFilesOnANewBranchAndPushesItLeavingTheCheckoutAlone() throws Exception {
        generate();
        Files.writeString(assets.resolve(".gitignore"), "");
        try (Git git = Git.open(assets.toFile())) {
            git.add().addFilepattern(".gitignore").call();
            git.commit().setMessage("ignore nothing").call();
        }

        PublishResult result = new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/2026-11", remote.toString()));

        assertThat(result.base()).isEqualTo("main");
        assertThat(result.pullRequest()).isEmpty();
        assertThat(result.summary().scenarios()).isEqualTo(2);
        assertThat(result.summary().edgeCases()).isEqualTo(1);
        assertThat(result.summary().flows()).isEqualTo(2);
        assertThat(result.summary().datasets()).isEqualTo(1);
        assertThat(result.summary().schemas()).isEqualTo(1);
        assertThat(result.summary().charters()).isEqualTo(1);
        assertThat(result.summary().services()).containsExactly("payments");
        assertThat(result.text().title()).isEqualTo("prod2test: 2 scenarios (1 edge case), 1 dataset, 1 schema migration, 1 charter");
        try (Git bare = Git.open(remote.toFile())) {
            Repository r = bare.getRepository();
            ObjectId pushed = r.resolve("refs/heads/prod2test/2026-11");
            assertThat(pushed.name()).isEqualTo(result.commit());
            assertThat(files(r, pushed)).containsExactlyInAnyOrder(".gitignore", "README.md", "prod2test.yaml",
                    "schemas/payments/V1__baseline.sql", "datasets/payments/00_base/V1__reference_data.sql",
                    "charters/payments/refunds.md", "scenarios/payments/pay-001/scenario.yaml",
                    "scenarios/payments/pay-001/setup.sql", "scenarios/payments/pay-002/scenario.yaml",
                    "scenarios/payments/pay-002/setup.sql");
            try (RevWalk walk = new RevWalk(r)) {
                RevCommit commit = walk.parseCommit(pushed);
                assertThat(commit.getFullMessage()).startsWith(result.text().title() + "\n\n").contains("| scenarios | 2 |");
                assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("qa@example.com");
                try (Git git = Git.open(assets.toFile())) {
                    assertThat(commit.getParent(0).getId()).isEqualTo(git.getRepository().resolve("refs/heads/main"));
                }
            }
            assertThat(r.resolve("refs/heads/main")).isNotEqualTo(pushed);
        }
        try (Git git = Git.open(assets.toFile())) {
            assertThat(git.getRepository().getBranch()).isEqualTo("main");
            assertThat(git.status().call().getUntracked()).contains("scenarios/payments/pay-001/scenario.yaml");
            assertThat(git.status().call().getModified()).containsExactly("schemas/payments/V1__baseline.sql");
        }
    }

    @Test
    void refusesAWorkingTreeWithUnrelatedChangesAndNamesThem() throws Exception {
        generate();
        write(assets, "README.md", "# my own edit\n");
        write(assets, "notes/todo.txt", "call the payments team\n");

        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/x", remote.toString())))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("README.md").hasMessageContaining("notes/todo.txt")
                .hasMessageNotContaining("scenarios/")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.USAGE);
        assertNoBranch("prod2test/x");
    }

    @Test
    void neverPushesToTheDefaultBranch() throws Exception {
        generate();

        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "main", remote.toString())))
                .hasMessageContaining("never pushes to the default branch ('main')");
        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "master", remote.toString())))
                .hasMessageContaining("default branch");
        try (Git bare = Git.open(remote.toFile())) {
            assertThat(bare.getRepository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS)).extracting(r -> r.getName()).containsExactly("refs/heads/main");
        }
    }

    @Test
    void refusesABranchThatAlreadyExistsOnTheRemote() throws Exception {
        generate();
        new Publisher(null).publish(new PublishRequest(assets, "prod2test/one", remote.toString(), null, null,
                new PathSelection(List.of("scenarios/")), null));
        try (Git git = Git.open(assets.toFile())) {
            git.branchDelete().setBranchNames("prod2test/one").setForce(true).call();
        }

        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/one", remote.toString())))
                .hasMessageContaining("already exists on " + remote);
    }

    @Test
    void takesOnlyTheSelectedFoldersAndLeavesTheOtherGeneratedFilesForLater() throws Exception {
        generate();

        PublishResult result = new Publisher(null).publish(new PublishRequest(assets, "prod2test/schema", remote.toString(), null,
                "Schema update", new PathSelection(List.of("schemas/", "datasets/payments")), null));

        assertThat(result.summary().files()).containsExactly("datasets/payments/00_base/V1__reference_data.sql",
                "schemas/payments/V1__baseline.sql");
        assertThat(result.summary().scenarios()).isZero();
        assertThat(result.text().title()).isEqualTo("Schema update");
    }

    @Test
    void commitsTheDeletionOfAGeneratedFile() throws Exception {
        Files.delete(assets.resolve("schemas/payments/V1__baseline.sql"));

        PublishResult result = new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/drop", remote.toString()));

        assertThat(result.summary().deleted()).isEqualTo(1);
        try (Git bare = Git.open(remote.toFile())) {
            assertThat(files(bare.getRepository(), bare.getRepository().resolve("refs/heads/prod2test/drop")))
                    .containsExactlyInAnyOrder("README.md", "prod2test.yaml");
        }
    }

    @Test
    void namesAScenarioFileThatIsNotYaml() throws Exception {
        write(assets, "scenarios/payments/pay-009/scenario.yaml", "id: [unclosed\n");

        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/bad", remote.toString())))
                .hasMessageStartingWith("scenarios/payments/pay-009/scenario.yaml: not readable YAML")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertNoBranch("prod2test/bad");
    }

    @Test
    void saysWhenThereIsNothingToPublish() {
        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(assets, "prod2test/empty", remote.toString())))
                .hasMessageContaining("nothing to publish");
    }

    @Test
    void refusesAFolderThatIsNotAGitRepository() {
        assertThatThrownBy(() -> new Publisher(null).publish(PublishRequest.toRemote(dir, "prod2test/x", remote.toString())))
                .hasMessageContaining("is not a git repository");
    }

    @Test
    void opensAPullRequestThatSummarisesWhatTheChangeAdds() throws Exception {
        generate();
        try (GitHubTestServer github = new GitHubTestServer("t0ken", "acme", "test-assets", "main")) {
            GitHubClient client = new GitHubClient(github.api(), "t0ken");

            PublishResult result = new Publisher(client).publish(new PublishRequest(assets, "prod2test/2026-11-pr", remote.toString(),
                    GitHubRepository.parse("acme/test-assets"), null, null, new PublishSummary.AnalysisFigures(14, 62.5)));

            assertThat(result.pullRequest()).hasValueSatisfying(pr -> {
                assertThat(pr.number()).isEqualTo(1);
                assertThat(pr.url()).isEqualTo("https://github.com/acme/test-assets/pull/1");
            });
            List<GitHubTestServer.Received> calls = github.received();
            assertThat(calls).extracting(GitHubTestServer.Received::method, GitHubTestServer.Received::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/repos/acme/test-assets"),
                            org.assertj.core.groups.Tuple.tuple("POST", "/repos/acme/test-assets/pulls"));
            GitHubTestServer.Received post = calls.get(1);
            assertThat(post.authorization()).isEqualTo("Bearer t0ken");
            assertThat(post.accept()).isEqualTo("application/vnd.github+json");
            assertThat(post.apiVersion()).isEqualTo("2022-11-28");
            assertThat(post.body().path("head").asText()).isEqualTo("prod2test/2026-11-pr");
            assertThat(post.body().path("base").asText()).isEqualTo("main");
            assertThat(post.body().path("title").asText()).isEqualTo(result.text().title());
            assertThat(post.body().path("body").asText())
                    .contains("| scenarios | 2 |", "| edge-case scenarios | 1 |", "| flows covered by these scenarios | 2 |",
                            "| dataset migrations | 1 |", "| frequent flows in the analysed traffic | 14 |",
                            "| sessions that followed these flows | 50.0% |", "Scenario priorities: high 1, medium 1",
                            "| traffic covered by tests | 62.5% |", "`edge-case` 1", "- [ ] ");
        }
    }

    @Test
    void aRejectedTokenStopsBeforeAnythingIsPushed() throws Exception {
        generate();
        try (GitHubTestServer github = new GitHubTestServer("right", "acme", "test-assets", "main")) {
            Publisher publisher = new Publisher(new GitHubClient(github.api(), "wrong"));

            assertThatThrownBy(() -> publisher.publish(new PublishRequest(assets, "prod2test/denied", remote.toString(),
                    GitHubRepository.parse("acme/test-assets"), null, null, null)))
                    .hasMessageContaining("GitHub rejected the token (401 Bad credentials)")
                    .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
        }
        assertNoBranch("prod2test/denied");
    }

    @Test
    void refusesTheBranchGitHubCallsDefaultEvenWhenItIsNotMain() throws Exception {
        generate();
        try (GitHubTestServer github = new GitHubTestServer("t", "acme", "assets", "develop")) {
            assertThatThrownBy(() -> new Publisher(new GitHubClient(github.api(), "t")).publish(new PublishRequest(assets, "develop",
                    remote.toString(), GitHubRepository.parse("acme/assets"), null, null, null)))
                    .hasMessageContaining("('develop')");
        }
    }

    private void assertNoBranch(String branch) throws Exception {
        try (Git bare = Git.open(remote.toFile()); Git git = Git.open(assets.toFile())) {
            assertThat(bare.getRepository().exactRef(Constants.R_HEADS + branch)).isNull();
            assertThat(git.getRepository().exactRef(Constants.R_HEADS + branch)).isNull();
        }
    }

    private static Set<String> files(Repository repo, ObjectId commit) throws Exception {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return Set.copyOf(paths);
    }
}

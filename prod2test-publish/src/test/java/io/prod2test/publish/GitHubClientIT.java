package io.prod2test.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubClientIT {
    static final GitHubRepository REPO = GitHubRepository.parse("acme/test-assets");
    static final PullRequestText TEXT = new PullRequestText("prod2test: 2 scenarios", "body");

    @Test
    void aSecondPullRequestForTheSameBranchIsAClearError() throws Exception {
        try (GitHubTestServer server = new GitHubTestServer("tok", "acme", "test-assets", "main")) {
            GitHubClient client = GitHubClient.fromEnvironment(Map.of("GITHUB_TOKEN", "tok", "GITHUB_API_URL", server.api().toString()), null);
            assertThat(client.openPullRequest(REPO, "prod2test/a", "main", TEXT).number()).isEqualTo(1);

            assertThatThrownBy(() -> client.openPullRequest(REPO, "prod2test/a", "main", TEXT))
                    .isInstanceOf(Prod2TestException.class)
                    .hasMessage("GitHub refused the pull request on acme/test-assets: Validation Failed: "
                            + "A pull request already exists for acme:prod2test/a.");
        }
    }

    @Test
    void anUnknownRepositoryAndAMissingTokenAreConfigurationErrors() throws Exception {
        try (GitHubTestServer server = new GitHubTestServer("tok", "acme", "test-assets", "main")) {
            GitHubClient client = new GitHubClient(server.api(), "tok");
            assertThatThrownBy(() -> client.defaultBranch(GitHubRepository.parse("acme/other")))
                    .hasMessageContaining("GitHub has no repository acme/other")
                    .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
        }
        assertThatThrownBy(() -> GitHubClient.fromEnvironment(Map.of(), null))
                .hasMessageContaining("GITHUB_TOKEN");
        assertThatThrownBy(() -> new GitHubClient(java.net.URI.create("http://127.0.0.1:1"), "t").defaultBranch(REPO))
                .hasMessageContaining("cannot reach the GitHub API");
    }
}

package io.prod2test.mcp;

import io.prod2test.core.store.AnalysisStore;
import io.prod2test.publish.GitHubClient;
import io.prod2test.publish.GitHubRepository;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the server serves: one analysis store, one asset repository, and where publications go.
 *
 * @param store        the analysis store (opened and migrated)
 * @param repository   the test-asset repository; the only place tools may write
 * @param remote       the git remote (URL or name) {@code open_pull_request} pushes to, or {@code null} with {@code github}
 * @param github       the GitHub repository pull requests are opened on, or {@code null} to push only
 * @param githubClient the API client for {@code github}, or {@code null}
 * @param queryTimeout the statement timeout of the {@code query} tool
 * @param queryRows    the most rows a {@code query} answer holds
 */
public record McpContext(AnalysisStore store, Path repository, String remote, GitHubRepository github, GitHubClient githubClient,
                         Duration queryTimeout, int queryRows) {
    public McpContext {
        if (store == null || repository == null) {
            throw new IllegalArgumentException("the MCP server needs an analysis store and an asset repository");
        }
        repository = repository.toAbsolutePath().normalize();
        if (queryTimeout == null || queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive, was " + queryTimeout);
        }
        if (queryRows < 1 || queryRows > 1000) {
            throw new IllegalArgumentException("the query row limit must be between 1 and 1000, was " + queryRows);
        }
        if (github != null && githubClient == null) {
            throw new IllegalArgumentException("a GitHub repository needs a GitHub client");
        }
    }

    /** Defaults: push to {@code origin}, no pull request, 5-second queries of at most 200 rows. */
    public static McpContext of(AnalysisStore store, Path repository) {
        return new McpContext(store, repository, "origin", null, null, Duration.ofSeconds(5), 200);
    }
}

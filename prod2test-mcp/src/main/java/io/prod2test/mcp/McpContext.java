package io.prod2test.mcp;

import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.publish.GitHubClient;
import io.prod2test.publish.GitHubRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the server serves: one analysis store, one asset repository, where publications go, and the
 * databases and test folders the operator allowed. Nothing here comes from the model: a tool may
 * only name a configured source by its service and a folder under the repository or {@code tests}.
 *
 * @param store        the analysis store (opened and migrated)
 * @param repository   the test-asset repository; the only place tools may write
 * @param remote       the git remote (URL or name) {@code open_pull_request} pushes to, or {@code null} with {@code github}
 * @param github       the GitHub repository pull requests are opened on, or {@code null} to push only
 * @param githubClient the API client for {@code github}, or {@code null}
 * @param queryTimeout the statement timeout of the {@code query} tool
 * @param queryRows    the most rows a {@code query} answer holds
 * @param sources      production (or replica) databases by service name, as JDBC URLs, for the schema and dataset tools
 * @param tests        folders of existing tests outside the repository (service source trees) that {@code search_tests} may read
 * @param maskingKey   the key datasets are masked with (the logs' key), or {@code null} when none was given
 */
public record McpContext(AnalysisStore store, Path repository, String remote, GitHubRepository github, GitHubClient githubClient,
                         Duration queryTimeout, int queryRows, Map<String, String> sources, List<Path> tests, MaskingKey maskingKey) {
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
        sources = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sources == null ? Map.of() : sources));
        for (var e : sources.entrySet()) {
            if (!e.getKey().matches("[a-z0-9][a-z0-9_-]*") || e.getValue() == null || !e.getValue().startsWith("jdbc:")) {
                throw new IllegalArgumentException("a source is SERVICE=JDBC_URL with a lower-case service name (letters, digits, '-', '_')"
                        + " and a jdbc: URL, was " + e.getKey() + "=" + (e.getValue() == null ? null : e.getValue().replaceAll("[?;].*", "...")));
            }
        }
        tests = (tests == null ? List.<Path>of() : tests).stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Without sources, test folders or masking key. */
    public McpContext(AnalysisStore store, Path repository, String remote, GitHubRepository github, GitHubClient githubClient,
                      Duration queryTimeout, int queryRows) {
        this(store, repository, remote, github, githubClient, queryTimeout, queryRows, Map.of(), List.of(), null);
    }

    /** Defaults: push to {@code origin}, no pull request, 5-second queries of at most 200 rows. */
    public static McpContext of(AnalysisStore store, Path repository) {
        return new McpContext(store, repository, "origin", null, null, Duration.ofSeconds(5), 200);
    }

    /** The same context serving these source databases (service to JDBC URL). */
    public McpContext withSources(Map<String, String> value) {
        return new McpContext(store, repository, remote, github, githubClient, queryTimeout, queryRows, value, tests, maskingKey);
    }

    /** The same context letting {@code search_tests} read these folders besides the repository. */
    public McpContext withTests(List<Path> value) {
        return new McpContext(store, repository, remote, github, githubClient, queryTimeout, queryRows, sources, value, maskingKey);
    }

    /** The same context masking datasets with this key. */
    public McpContext withMaskingKey(MaskingKey value) {
        return new McpContext(store, repository, remote, github, githubClient, queryTimeout, queryRows, sources, tests, value);
    }
}

package io.prod2test.publish;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * One publication: which repository, on which new branch, pushed where.
 *
 * @param repository the test-asset repository (a git working tree)
 * @param branch     the new branch; never the remote's default branch, never one that exists
 * @param remote     a git URL or a configured remote name to push to; may be {@code null} when
 *                   {@code github} is set (then {@code https://github.com/OWNER/REPO.git})
 * @param github     where to open the pull request, or {@code null} to only push
 * @param title      the pull request's title, or {@code null} for one made from the summary
 * @param selection  which generated files to take (default: all of them)
 * @param analysis   figures from the analysis for the body, or {@code null}
 */
public record PublishRequest(Path repository, String branch, String remote, GitHubRepository github, String title,
                             PathSelection selection, PublishSummary.AnalysisFigures analysis) {
    public PublishRequest {
        if (repository == null) {
            throw new IllegalArgumentException("the asset repository must be given");
        }
        if (branch == null || branch.isBlank() || !Repository.isValidRefName("refs/heads/" + branch.strip())) {
            throw new IllegalArgumentException("'" + branch + "' is not a valid git branch name");
        }
        branch = branch.strip();
        if ((remote == null || remote.isBlank()) && github == null) {
            throw new IllegalArgumentException("say where to push: a git remote (URL or name), a GitHub repository, or both");
        }
        remote = remote == null || remote.isBlank() ? null : remote.strip();
        selection = selection == null ? PathSelection.all() : selection;
    }

    /** A request that pushes to a remote and opens no pull request. */
    public static PublishRequest toRemote(Path repository, String branch, String remote) {
        return new PublishRequest(repository, branch, remote, null, null, null, null);
    }
}

package io.prod2test.publish;

import java.util.Optional;

/**
 * What a publication did.
 *
 * @param branch      the branch committed and pushed
 * @param commit      the new commit's id
 * @param base        the default branch the pull request targets (or that the remote reports)
 * @param pushedTo    where the branch went, credentials removed
 * @param summary     what the commit adds
 * @param text        the title and body used for the commit and the pull request
 * @param pullRequest the pull request, when one was opened
 */
public record PublishResult(String branch, String commit, String base, String pushedTo, PublishSummary summary,
                            PullRequestText text, Optional<GitHubClient.PullRequest> pullRequest) {
}

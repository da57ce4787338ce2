/**
 * The publish stage.
 *
 * <p>Takes in: a test-asset repository (a git working tree) whose generated files the user has
 * reviewed, a new branch name, a git remote and optionally a GitHub repository. Puts out: one
 * commit holding only the generated files ({@link io.prod2test.publish.AssetArea}) on the new
 * branch, pushed to the remote, and a pull request opened through the GitHub REST API whose title
 * and body summarise what the change adds ({@link io.prod2test.publish.PublishSummary}). The
 * checkout, index and current branch are left as they were; the default branch is never pushed.
 */
package io.prod2test.publish;

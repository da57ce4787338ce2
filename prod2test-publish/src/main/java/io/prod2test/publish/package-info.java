/**
 * The publish stage.
 *
 * <p>Takes in: a test-asset repository whose generated files the user has reviewed. Puts out: a
 * commit on a new branch, pushed to a remote, and a pull request opened through the GitHub REST API.
 */
package io.prod2test.publish;

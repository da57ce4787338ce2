package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prod2test publish}: branch, push, pull request. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Commit the generated files on a new branch, push it, and open a pull request. [not available yet]",
        description = {
            "",
            "Never pushes to the default branch, and refuses when the working tree holds unrelated changes. With --github, the token comes from $GITHUB_TOKEN.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test publish --repo ../test-assets --branch prod2test/2026-11 --remote git@example.com:qa/assets.git",
            "  GITHUB_TOKEN=... prod2test publish --repo ../test-assets --branch prod2test/2026-11 --github acme/test-assets"})
final class PublishCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository.")
    Path repo;

    @Option(names = "--branch", required = true, paramLabel = "NAME", description = "The new branch to commit on.")
    String branch;

    @ArgGroup(exclusive = true)
    Destination destination;

    /** Where the branch goes: a plain git remote or a GitHub repository. */
    static final class Destination {
        @Option(names = "--remote", paramLabel = "URL", description = "Push to this git remote.")
        String remote;

        @Option(names = "--github", paramLabel = "OWNER/REPO", description = "Push to GitHub and open a pull request there.")
        String github;
    }

    @Override
    public Integer call() {
        throw Stage.PUBLISH.notAvailable("publish");
    }
}

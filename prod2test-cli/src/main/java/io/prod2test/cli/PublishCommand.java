package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.publish.GitHubClient;
import io.prod2test.publish.GitHubRepository;
import io.prod2test.publish.PathSelection;
import io.prod2test.publish.PublishRequest;
import io.prod2test.publish.PublishResult;
import io.prod2test.publish.PublishSummary;
import io.prod2test.publish.Publisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test publish}: branch, push, pull request. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Commit the generated files on a new branch, push it, and open a pull request.",
        description = {
            "",
            "Takes only the generated files: schemas/, scenarios/, datasets/, charters/, the generated *ScenariosTest.java classes, pom.xml, .github/workflows/scenarios.yml and prod2test.yaml. The commit is made beside your checkout: your current branch, index and files stay as they are.",
            "",
            "Never pushes to the default branch, never reuses a branch that exists, and refuses when the working tree holds changes that are not generated files (it names them). With --github, the pull request's title and body count the scenarios, flows, edge cases and datasets the change adds; the token comes from $GITHUB_TOKEN and the API from --github-api or $GITHUB_API_URL.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test publish --repo ../test-assets --branch prod2test/2026-11 --remote git@example.com:qa/assets.git",
            "  GITHUB_TOKEN=... prod2test publish --repo ../test-assets --branch prod2test/2026-11 --github acme/test-assets",
            "  prod2test publish --repo ../test-assets --branch prod2test/schema --only schemas/ --remote origin --github acme/test-assets"})
final class PublishCommand implements Callable<Integer> {
    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository (a git working tree).")
    Path repo;

    @Option(names = "--branch", required = true, paramLabel = "NAME", description = "The new branch to commit on.")
    String branch;

    @Option(names = "--remote", paramLabel = "URL",
            description = "Push to this git URL or configured remote name (default with --github: https://github.com/OWNER/REPO.git).")
    String remote;

    @Option(names = "--github", paramLabel = "OWNER/REPO", description = "Open a pull request on this GitHub repository.")
    String github;

    @Option(names = "--github-api", paramLabel = "URL", description = "The GitHub API (default: $GITHUB_API_URL, else https://api.github.com).")
    String githubApi;

    @Option(names = "--title", paramLabel = "T", description = "The pull request's title (default: made from what the change adds).")
    String title;

    @Option(names = "--only", paramLabel = "PATH", split = ",",
            description = "Publish only these generated folders or files, e.g. schemas/ or scenarios/payments (default: all).")
    List<String> only;

    @Option(names = "--json", description = "Print the result as one JSON object on the last line of stdout.")
    boolean json;

    @Override
    public Integer call() {
        if (remote == null && github == null) {
            throw new Prod2TestException(ErrorCode.USAGE, "say where to push: --remote URL, --github OWNER/REPO, or both");
        }
        PublishRequest request;
        GitHubRepository target;
        try {
            target = github == null ? null : GitHubRepository.parse(github);
            request = new PublishRequest(repo, branch, remote, target, title,
                    only == null ? PathSelection.all() : new PathSelection(only), null);
        } catch (IllegalArgumentException e) {
            throw new Prod2TestException(ErrorCode.USAGE, e.getMessage(), e);
        }
        GitHubClient client = target == null ? null : GitHubClient.fromEnvironment(root.environment(), githubApi);
        PublishResult result = new Publisher(client).publish(request);
        PrintWriter out = spec.commandLine().getOut();
        PublishSummary s = result.summary();
        if (json) {
            ObjectNode node = ExchangeJson.mapper().createObjectNode();
            node.put("branch", result.branch()).put("commit", result.commit()).put("base", result.base())
                    .put("pushedTo", result.pushedTo()).put("title", result.text().title())
                    .put("files", s.files().size()).put("scenarios", s.scenarios()).put("flows", s.flows())
                    .put("edgeCases", s.edgeCases()).put("flowShare", s.flowShare())
                    .put("datasets", s.datasets()).put("schemas", s.schemas())
                    .put("charters", s.charters());
            result.pullRequest().ifPresent(pr -> node.putObject("pullRequest").put("number", pr.number()).put("url", pr.url()));
            out.println(node);
        } else {
            out.println("committed " + s.files().size() + " generated file" + (s.files().size() == 1 ? "" : "s") + " on " + result.branch() + " ("
                    + result.commit().substring(0, 12) + ") and pushed it to " + result.pushedTo());
            out.println("  " + result.text().title());
            result.pullRequest().ifPresentOrElse(
                    pr -> out.println("pull request #" + pr.number() + " into " + result.base() + ": " + pr.url()),
                    () -> out.println("open a pull request from " + result.branch() + " into " + result.base() + " to have it reviewed"));
        }
        out.flush();
        return 0;
    }
}

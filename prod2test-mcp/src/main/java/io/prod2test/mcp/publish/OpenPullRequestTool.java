package io.prod2test.mcp.publish;

import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.InvalidParams;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import io.prod2test.publish.PathSelection;
import io.prod2test.publish.PublishRequest;
import io.prod2test.publish.PublishResult;
import io.prod2test.publish.PublishSummary;
import io.prod2test.publish.Publisher;
import java.util.List;
import java.util.Map;

/**
 * {@code open_pull_request}: the reviewed generated files on a new branch, pushed to the remote the
 * server was started with, and a pull request when it was started with a GitHub repository. The
 * caller chooses the branch, the title and which generated folders to take; never the remote, and
 * never a path outside the asset repository's generated areas.
 */
public final class OpenPullRequestTool implements McpTool {
    /** Files listed in the answer; the count covers all. */
    static final int FILES_SHOWN = 50;

    /** The answer. */
    public record Answer(String branch, String commit, String base, String pushedTo, String title, int fileCount,
                         List<String> files, int scenarios, int flows, int edgeCases, double flowShare, int datasets, int schemas,
                         int charters, Map<String, Object> pullRequest) {
    }

    private final McpContext context;

    public OpenPullRequestTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("open_pull_request", "Open a pull request for the generated files",
                "Publishes generated test assets for review, after the user has looked at them and asked for it: commits the "
                + "changed generated files (schemas/, scenarios/, datasets/, charters/, the generated test classes, pom.xml, "
                + ".github/workflows/scenarios.yml, prod2test.yaml) on a NEW branch, pushes it"
                + (context.github() != null ? " and opens a pull request on " + context.github() : " to the configured remote")
                + ", with a title and body that count the scenarios, flows, edge cases and datasets it adds. paths narrows it "
                + "to some of them (e.g. [\"schemas/\"] for a schema update). It refuses when the asset repository holds changes "
                + "that are not generated files, when the branch exists or is the default branch, and when nothing changed; "
                + "the user's checkout is left as it is. Answers the branch, commit, files and the pull request's URL.",
                InputSchema.builder()
                        .string("branch", "A new branch name, e.g. prod2test/2026-11-refunds; never the default branch.", 100,
                                "[A-Za-z0-9][A-Za-z0-9._/-]*")
                        .string("title", "The pull request's title; omit for one made from what the change adds.", 120, null)
                        .strings("paths", "Only these generated folders or files, relative to the asset repository, e.g. "
                                + "[\"schemas/\", \"scenarios/payments\"]; omit for all generated files.", 50, 300)
                        .required("branch")
                        .build(),
                false);
    }

    // One publication at a time: two at once would race on the same repository's refs.
    @Override
    public synchronized Object call(Arguments arguments) {
        PublishRequest request;
        try {
            request = new PublishRequest(context.repository(), arguments.string("branch").orElseThrow(), context.remote(),
                    context.github(), arguments.string("title").orElse(null),
                    new PathSelection(arguments.strings("paths").orElse(List.of())), null);
        } catch (IllegalArgumentException e) {
            throw new InvalidParams(e.getMessage());
        }
        PublishResult result = new Publisher(context.githubClient()).publish(request);
        PublishSummary s = result.summary();
        return new Answer(result.branch(), result.commit(), result.base(), result.pushedTo(), result.text().title(), s.files().size(),
                s.files().subList(0, Math.min(FILES_SHOWN, s.files().size())), s.scenarios(), s.flows(), s.edgeCases(), s.flowShare(), s.datasets(),
                s.schemas(), s.charters(),
                result.pullRequest().<Map<String, Object>>map(pr -> Map.of("number", pr.number(), "url", pr.url())).orElse(null));
    }
}

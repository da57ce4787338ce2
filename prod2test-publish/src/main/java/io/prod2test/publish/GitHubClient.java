package io.prod2test.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two GitHub REST API calls publishing needs: the repository's default branch
 * ({@code GET /repos/{owner}/{repo}}) and a new pull request ({@code POST /repos/{owner}/{repo}/pulls}).
 * Every request carries the token as {@code Authorization: Bearer}, {@code Accept:
 * application/vnd.github+json} and the API version header GitHub documents.
 */
public final class GitHubClient {
    /** The environment variable that holds the token. */
    public static final String TOKEN_ENV = "GITHUB_TOKEN";
    /** The environment variable that names another API (GitHub Enterprise, a test server), as in GitHub Actions. */
    public static final String API_URL_ENV = "GITHUB_API_URL";
    /** The public API. */
    public static final URI DEFAULT_API = URI.create("https://api.github.com");
    /** The REST API version this client was written against. */
    public static final String API_VERSION = "2022-11-28";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String token;
    private final HttpClient http;

    /** A pull request GitHub opened. */
    public record PullRequest(int number, String url) {
    }

    public GitHubClient(URI api, String token) {
        if (token == null || token.isBlank()) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION,
                    "opening a pull request on GitHub needs a token: set " + TOKEN_ENV + " to a token that may write pull requests");
        }
        String base = api.toString();
        this.api = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token.strip();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The client for {@code $GITHUB_TOKEN} and {@code $GITHUB_API_URL} (default the public API); {@code api} wins when given. */
    public static GitHubClient fromEnvironment(Map<String, String> environment, String api) {
        String url = api != null && !api.isBlank() ? api : environment.getOrDefault(API_URL_ENV, DEFAULT_API.toString());
        return new GitHubClient(URI.create(url), environment.get(TOKEN_ENV));
    }

    /** The token, for pushing over HTTPS to the same GitHub. */
    String token() {
        return token;
    }

    /** The repository's default branch, the base of every pull request. */
    public String defaultBranch(GitHubRepository repository) {
        JsonNode repo = send("GET", "repos/" + repository.owner() + "/" + repository.name(), null, 200, repository);
        String branch = repo.path("default_branch").asText("");
        if (branch.isEmpty()) {
            throw new Prod2TestException(ErrorCode.SERVICE, "GitHub did not say the default branch of " + repository);
        }
        return branch;
    }

    /** Opens a pull request from {@code head} into {@code base}. */
    public PullRequest openPullRequest(GitHubRepository repository, String head, String base, PullRequestText text) {
        ObjectNode body = JSON.createObjectNode()
                .put("title", text.title())
                .put("body", text.body())
                .put("head", head)
                .put("base", base)
                .put("maintainer_can_modify", true);
        JsonNode pr = send("POST", "repos/" + repository.owner() + "/" + repository.name() + "/pulls", body, 201, repository);
        return new PullRequest(pr.path("number").asInt(), pr.path("html_url").asText());
    }

    private JsonNode send(String method, String path, JsonNode body, int expected, GitHubRepository repository) {
        URI uri = api.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "prod2test");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.SERVICE, "cannot reach the GitHub API at " + api + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Prod2TestException(ErrorCode.SERVICE, "interrupted while calling the GitHub API", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == expected) {
            return answer;
        }
        String what = method + " " + uri.getPath();
        String message = message(answer);
        throw switch (response.statusCode()) {
            case 401 -> new Prod2TestException(ErrorCode.CONFIGURATION, "GitHub rejected the token (401 " + message + ") for "
                    + what + ": set " + TOKEN_ENV + " to a valid token");
            case 403 -> new Prod2TestException(ErrorCode.CONFIGURATION, "GitHub refused " + what + " (403 " + message
                    + "): the token may lack the pull-request write permission on " + repository + ", or a rate limit was hit");
            case 404 -> new Prod2TestException(ErrorCode.CONFIGURATION, "GitHub has no repository " + repository
                    + " that this token can see (404 on " + what + ")");
            case 422 -> new Prod2TestException(ErrorCode.SERVICE, "GitHub refused the pull request on " + repository + ": " + message);
            default -> new Prod2TestException(ErrorCode.SERVICE, "GitHub answered " + response.statusCode() + " to " + what + ": " + message);
        };
    }

    /** GitHub's message, with the detail of each validation error (where "A pull request already exists" lives). */
    private static String message(JsonNode answer) {
        List<String> parts = new ArrayList<>();
        String top = answer.path("message").asText("");
        if (!top.isEmpty()) {
            parts.add(top);
        }
        for (JsonNode error : answer.path("errors")) {
            String detail = error.isTextual() ? error.asText() : error.path("message").asText(
                    error.path("field").asText("") + " " + error.path("code").asText(""));
            if (!detail.isBlank()) {
                parts.add(detail.strip());
            }
        }
        return parts.isEmpty() ? "no message" : String.join(": ", parts);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }
}

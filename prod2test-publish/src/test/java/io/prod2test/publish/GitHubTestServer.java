package io.prod2test.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A local stand-in for the two GitHub REST endpoints publishing uses, written from GitHub's
 * documentation: {@code GET /repos/{owner}/{repo}} and {@code POST /repos/{owner}/{repo}/pulls}.
 * It checks what GitHub checks (the bearer token, the media type, the API version header, the
 * body's required fields, one open pull request per head) and answers as GitHub does, including
 * 401 "Bad credentials" and 422 "A pull request already exists". Used by the MCP tests too.
 */
public final class GitHubTestServer implements AutoCloseable {
    /** One request as received. */
    public record Received(String method, String path, String authorization, String accept, String apiVersion, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final String owner;
    private final String repo;
    private final String defaultBranch;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> openHeads = new HashSet<>();
    private int nextNumber = 1;

    public GitHubTestServer(String token, String owner, String repo, String defaultBranch) throws IOException {
        this.token = token;
        this.owner = owner;
        this.repo = repo;
        this.defaultBranch = defaultBranch;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base URL, as {@code GITHUB_API_URL}. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"),
                    body));
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, message("Bad credentials"));
                return;
            }
            if (!"application/vnd.github+json".equals(exchange.getRequestHeaders().getFirst("Accept"))
                    || !"2022-11-28".equals(exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"))) {
                answer(exchange, 400, message("expected Accept: application/vnd.github+json and X-GitHub-Api-Version: 2022-11-28"));
                return;
            }
            String repoPath = "/repos/" + owner + "/" + repo;
            if (method.equals("GET") && path.equals(repoPath)) {
                answer(exchange, 200, JSON.createObjectNode().put("full_name", owner + "/" + repo).put("default_branch", defaultBranch));
            } else if (method.equals("POST") && path.equals(repoPath + "/pulls")) {
                if (body == null || !body.path("title").isTextual() || !body.path("head").isTextual() || !body.path("base").isTextual()) {
                    answer(exchange, 422, message("Validation Failed: title, head and base are required"));
                    return;
                }
                String head = body.path("head").asText();
                if (!openHeads.add(head)) {
                    ObjectNode failed = message("Validation Failed");
                    failed.putArray("errors").addObject().put("resource", "PullRequest").put("code", "custom")
                            .put("message", "A pull request already exists for " + owner + ":" + head + ".");
                    answer(exchange, 422, failed);
                    return;
                }
                int number = nextNumber++;
                answer(exchange, 201, JSON.createObjectNode().put("number", number)
                        .put("html_url", "https://github.com/" + owner + "/" + repo + "/pull/" + number)
                        .put("state", "open"));
            } else {
                answer(exchange, 404, message("Not Found"));
            }
        }
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text).put("documentation_url", "https://docs.github.com/rest");
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

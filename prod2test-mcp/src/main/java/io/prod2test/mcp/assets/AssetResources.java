package io.prod2test.mcp.assets;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.analyse.ListEdgeCasesTool;
import io.prod2test.mcp.analyse.ListFlowsTool;
import io.prod2test.mcp.traffic.SummarizeTrafficTool;
import io.prod2test.publish.AssetArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The generated files of the asset repository as MCP resources ({@code prod2test://assets/<path>},
 * listed and readable), the traffic summary ({@value #SUMMARY_URI}) and the analysis's top flows and
 * edge cases ({@value #FINDINGS_URI}). Only files of an
 * {@link AssetArea} are served, never through a symbolic link, never from outside the repository.
 */
public final class AssetResources {
    /** The URI prefix of asset files. */
    public static final String PREFIX = "prod2test://assets/";
    /** The traffic summary as a resource. */
    public static final String SUMMARY_URI = "prod2test://analysis/summary";
    /** The analysis's top flows and edge cases as a resource. */
    public static final String FINDINGS_URI = "prod2test://analysis/findings";
    /** Flows and edge cases in the findings resource. */
    static final int FINDINGS = 20;
    /** At most this many files are listed (a repository with more is read through paths). */
    static final int LISTED = 1000;
    static final long MAX_BYTES = 1024 * 1024;

    private final McpContext context;
    private final McpJsonMapper json;
    private final Set<String> registered = new HashSet<>();

    public AssetResources(McpContext context, McpJsonMapper json) {
        this.context = context;
        this.json = json;
    }

    /** The resources to start with: the summary and every generated file. */
    public List<SyncResourceSpecification> initial() {
        List<SyncResourceSpecification> specs = new ArrayList<>();
        specs.add(new SyncResourceSpecification(McpSchema.Resource.builder().uri(SUMMARY_URI).name("analysis-summary")
                .title("Traffic summary").mimeType("application/json")
                .description("The masked traffic in the analysis store: period, services, routes, status mix, quarantine.")
                .build(), (exchange, request) -> summary()));
        specs.add(new SyncResourceSpecification(McpSchema.Resource.builder().uri(FINDINGS_URI).name("analysis-findings")
                .title("Top flows and edge cases").mimeType("application/json")
                .description("The last analysis: the " + FINDINGS + " most frequent flows and the " + FINDINGS + " highest-priority edge"
                        + " cases, with coverage and priority (list_flows and list_edge_cases filter and page them).")
                .build(), (exchange, request) -> findings()));
        for (String file : files()) {
            specs.add(spec(file));
            registered.add(file);
        }
        return specs;
    }

    /** Brings the server's list up to date with the files now in the repository; tells clients when it changed. */
    public synchronized void sync(McpSyncServer server) {
        Set<String> now = new TreeSet<>(files());
        boolean changed = false;
        for (String gone : new ArrayList<>(registered)) {
            if (!now.contains(gone)) {
                server.removeResource(PREFIX + gone);
                registered.remove(gone);
                changed = true;
            }
        }
        for (String file : now) {
            if (registered.add(file)) {
                server.addResource(spec(file));
                changed = true;
            }
        }
        if (changed) {
            server.notifyResourcesListChanged();
        }
    }

    /** The generated files now in the repository, repository-relative with {@code /}, sorted. */
    public List<String> files() {
        Path root = context.repository();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        TreeSet<String> files = new TreeSet<>();
        for (String top : List.of("schemas", "scenarios", "datasets", "charters", "src/test/java", ".github/workflows", "pom.xml",
                "prod2test.yaml")) {
            Path start = root.resolve(top);
            if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> AssetArea.of(p).isPresent())
                        .limit(LISTED)
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.stream().limit(LISTED).toList();
    }

    /** Reads one generated file; refuses anything else. */
    public McpSchema.ReadResourceResult read(String uri) {
        if (!uri.startsWith(PREFIX)) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        String path = uri.substring(PREFIX.length());
        if (path.isEmpty() || path.contains("\\") || path.startsWith("/") || List.of(path.split("/", -1)).stream()
                .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("resource path '" + path + "' must be relative to the asset repository, without '..'").build();
        }
        if (AssetArea.of(path).isEmpty()) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("'" + path + "' is not a generated asset; only generated files are served").build();
        }
        Path file = context.repository().resolve(path).normalize();
        try {
            if (!file.startsWith(context.repository()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(context.repository().toRealPath())) {
                throw McpError.RESOURCE_NOT_FOUND.apply(uri);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("'" + path + "' is larger than " + MAX_BYTES + " bytes; read it with a file tool").build();
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, mimeType(path),
                    Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
    }

    private McpSchema.ReadResourceResult summary() {
        try {
            String text = json.writeValueAsString(SummarizeTrafficTool.summarize(context, null, 20, 0));
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(SUMMARY_URI, "application/json", text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings of the last analysis; reading a resource never starts one, it says how instead. */
    private McpSchema.ReadResourceResult findings() {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            new AnalysisReader(context.store()).read();
            McpTool flows = new ListFlowsTool(context);
            McpTool edgeCases = new ListEdgeCasesTool(context);
            answer.put("flows", flows.call(flows.description().input().validate(Map.of("limit", FINDINGS))));
            answer.put("edgeCases", edgeCases.call(edgeCases.description().input().validate(Map.of("limit", FINDINGS))));
        } catch (Prod2TestException e) {
            if (e.code() != ErrorCode.NOT_AVAILABLE) {
                throw e;
            }
            answer.put("analysed", false);
            answer.put("next", "the store has not been analysed yet: call list_flows, which runs the analysis");
        }
        try {
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(FINDINGS_URI, "application/json",
                    json.writeValueAsString(answer))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyncResourceSpecification spec(String file) {
        return new SyncResourceSpecification(McpSchema.Resource.builder().uri(PREFIX + file).name(file).mimeType(mimeType(file))
                .description(AssetArea.of(file).map(a -> "generated " + a.label() + " file").orElse("generated file")).build(),
                (exchange, request) -> read(request.uri()));
    }

    static String mimeType(String path) {
        String name = path.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".sql")) {
            return "application/sql";
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "application/yaml";
        } else if (name.endsWith(".md")) {
            return "text/markdown";
        } else if (name.endsWith(".java")) {
            return "text/x-java";
        } else if (name.endsWith(".xml")) {
            return "application/xml";
        }
        return "text/plain";
    }
}

package io.prod2test.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's part of {@code prod2test.yaml}: the top-level key {@code mcp}. Every other key
 * belongs to another stage and is ignored.
 *
 * <pre>
 * mcp:
 *   sources:                 # the databases get_schema, check_schema_drift and generate_datasets may read
 *     payments: jdbc:postgresql://replica:5432/payments?user=ro
 * </pre>
 *
 * <p>The services' {@code database} under {@code services:} is where scenarios run, not production,
 * so it is not a source.
 */
public final class McpConfig {
    private static final YAMLMapper YAML = new YAMLMapper();

    private McpConfig() {
    }

    /** {@code mcp.sources} of the repository's prod2test.yaml: service to JDBC URL; empty without the file or the key. */
    public static Map<String, String> sources(Path repository) {
        Path file = repository.resolve("prod2test.yaml");
        Map<String, String> sources = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return sources;
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw Prod2TestException.invalidInput(file.toString(), 0, "mcp", "not YAML: " + e.getMessage());
        }
        JsonNode node = root == null ? null : root.path("mcp").get("sources");
        if (node == null || node.isNull() || node.isMissingNode()) {
            return sources;
        }
        if (!node.isObject()) {
            throw Prod2TestException.invalidInput(file.toString(), 0, "mcp.sources", "must map each service name to a JDBC URL");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || !e.getValue().asText().startsWith("jdbc:")) {
                throw Prod2TestException.invalidInput(file.toString(), 0, "mcp.sources." + e.getKey(), "must be a jdbc: URL");
            }
            sources.put(e.getKey(), e.getValue().asText());
        }
        return sources;
    }
}

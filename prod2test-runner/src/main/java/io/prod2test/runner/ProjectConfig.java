package io.prod2test.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runner's part of {@code prod2test.yaml}: the top-level key {@code services}, mapping each
 * service name to its {@code baseUrl} and {@code database} (a JDBC URL). Every other top-level key
 * belongs to another stage and is ignored.
 *
 * <pre>
 * services:
 *   payments:
 *     baseUrl: http://localhost:8081
 *     database: jdbc:postgresql://localhost:5432/payments?user=app
 * </pre>
 */
public final class ProjectConfig {
    /** The file name at the root of an asset repository. */
    public static final String FILE = "prod2test.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();

    private ProjectConfig() {
    }

    /**
     * What {@code prod2test.yaml} says of each service: base URL and database URL, either may be
     * null. An absent file or section is an empty map.
     */
    public static Map<String, Entry> services(Path repo) {
        Path file = repo.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw Prod2TestException.invalidInput(file.toString(), 0, null, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || services.isNull()) {
            return Map.of();
        }
        if (!services.isObject()) {
            throw Prod2TestException.invalidInput(file.toString(), 0, "services", "must map each service name to {baseUrl, database}");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : services.properties()) {
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                throw Prod2TestException.invalidInput(file.toString(), 0, "services." + e.getKey(), "must be a mapping with baseUrl and database");
            }
            String base = text(s, "baseUrl");
            try {
                out.put(e.getKey(), new Entry(base == null ? null : URI.create(base), text(s, "database")));
            } catch (IllegalArgumentException bad) {
                throw Prod2TestException.invalidInput(file.toString(), 0, "services." + e.getKey() + ".baseUrl", "not a URL: " + base);
            }
        }
        return out;
    }

    /** One service's entry; either part may be null. */
    public record Entry(URI baseUrl, String database) {
    }

    /**
     * The target for {@code service}: {@code baseUrl} and {@code databaseUrl} when given (not null),
     * else from {@code prod2test.yaml}; fails with {@link ErrorCode#CONFIGURATION} naming what is missing.
     */
    public static ServiceTarget target(Path repo, String service, URI baseUrl, String databaseUrl) {
        Entry entry = services(repo).getOrDefault(service, new Entry(null, null));
        URI base = baseUrl != null ? baseUrl : entry.baseUrl();
        String db = databaseUrl != null ? databaseUrl : entry.database();
        if (base == null || db == null) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "service '" + service + "' needs "
                    + (base == null ? "a base URL" : "") + (base == null && db == null ? " and " : "")
                    + (db == null ? "a database JDBC URL" : "") + ": pass them, or set services." + service
                    + ".baseUrl / .database in " + repo.resolve(FILE));
        }
        try {
            return new ServiceTarget(service, base, db);
        } catch (IllegalArgumentException e) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

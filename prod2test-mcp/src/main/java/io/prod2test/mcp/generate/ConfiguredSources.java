package io.prod2test.mcp.generate;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.InvalidParams;
import io.prod2test.mcp.McpContext;
import java.nio.file.Path;
import java.util.List;

/**
 * The source databases a tool may read, by service: only those the operator configured, so a model
 * cannot point the server at a database of its choosing.
 */
final class ConfiguredSources {
    private ConfiguredSources() {
    }

    /** The {@code service} parameter: an enum of the configured services when there are any. */
    static InputSchema.Builder service(InputSchema.Builder schema, McpContext context, String description) {
        List<String> services = List.copyOf(context.sources().keySet());
        return services.isEmpty()
                ? schema.string("service", description + " No source database is configured on this server.", 100, "[a-z0-9][a-z0-9_-]*")
                : schema.choice("service", description, services, null);
    }

    static SourceDatabase source(McpContext context, String service) {
        String url = context.sources().get(service);
        if (url == null) {
            if (context.sources().isEmpty()) {
                throw new Prod2TestException(ErrorCode.CONFIGURATION, "this server has no source database: the operator starts it with"
                        + " --source " + service + "=JDBC_URL (a replica, read-only user) to allow it");
            }
            throw new InvalidParams("no source database is configured for service '" + service + "'; configured: "
                    + context.sources().keySet());
        }
        return SourceDatabase.of(url);
    }

    /** A repository path as the answers show it: relative, with '/'. */
    static String relative(McpContext context, Path file) {
        return context.repository().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}

package io.prod2test.mcp.generate;

import io.prod2test.generate.schema.SchemaDiff;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.ToolDescription;
import java.util.List;

/** {@code check_schema_drift}: whether schemas/&lt;service&gt;/ still matches the live database, with the update written. */
public final class CheckSchemaDriftTool implements McpTool {
    /** Changes listed; the migration written holds all of them. */
    static final int LISTED = 50;

    /**
     * The answer.
     *
     * @param service  the service
     * @param drift    whether schemas/ needs an update
     * @param baseline whether there was no migration yet and this call pulled the baseline
     * @param changes  how many changes
     * @param listed   the first of them, one line each
     * @param written  the migration written (relative to the repository), or null when nothing was
     * @param next     what to do next
     */
    public record Answer(String service, boolean drift, boolean baseline, int changes, List<String> listed, String written, String next) {
    }

    private final McpContext context;

    public CheckSchemaDriftTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("check_schema_drift", "Does schemas/ need an update?",
                "Compares the live schema of a service's production (or replica) database, as the operator configured it, with "
                + "the Flyway migrations under schemas/<service>/ in the asset repository (applied to a scratch database, so the "
                + "database reads them, not a parser): added or dropped tables, columns, keys, checks, indexes and views, changed "
                + "types, defaults and nullability. When they differ it writes the update as the next version "
                + "(schemas/<service>/V<n+1>__<what>.sql); when schemas/<service>/ holds no migration yet it writes the baseline "
                + "V1__baseline.sql. Use it before generating scenarios or datasets (they load on schemas/), and publish what it "
                + "wrote with open_pull_request (paths [\"schemas/\"]). Takes a while: a scratch database is started.",
                ConfiguredSources.service(InputSchema.builder(), context, "The service whose database to compare with schemas/<service>/.")
                        .required("service")
                        .build(),
                false);
    }

    @Override
    public Object call(Arguments arguments) {
        String service = arguments.string("service").orElseThrow();
        SourceDatabase source = ConfiguredSources.source(context, service);
        if (Schemas.latestVersion(Schemas.folder(context.repository(), service)) == 0) {
            Schemas.Pulled pulled = Schemas.pull(source, context.repository(), service);
            return new Answer(service, true, true, 0, List.of("no migration recorded yet: pulled " + pulled.tables() + " tables and "
                    + pulled.views() + " views"), ConfiguredSources.relative(context, pulled.file()),
                    "review the baseline, then open_pull_request with paths [\"schemas/" + service + "/\"]");
        }
        Schemas.Diffed diffed = Schemas.diff(source, context.repository(), service);
        List<String> lines = diffed.changes().stream().map(SchemaDiff.Change::what).limit(LISTED).toList();
        if (!diffed.drift()) {
            return new Answer(service, false, false, 0, lines, null, "nothing to do: schemas/" + service + "/ matches the database");
        }
        return new Answer(service, true, false, diffed.changes().size(), lines, ConfiguredSources.relative(context, diffed.file()),
                "review the new migration, then open_pull_request with paths [\"schemas/" + service + "/\"]");
    }
}

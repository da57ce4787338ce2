package io.prod2test.mcp.generate;

import io.prod2test.generate.schema.Introspector;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mcp.Arguments;
import io.prod2test.mcp.InputSchema;
import io.prod2test.mcp.InvalidParams;
import io.prod2test.mcp.McpContext;
import io.prod2test.mcp.McpTool;
import io.prod2test.mcp.Page;
import io.prod2test.mcp.ToolDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code get_schema}: the live schema of a configured source database, tables paged, one table in full. */
public final class GetSchemaTool implements McpTool {
    /** Names listed of views, enums and recorded migrations. */
    static final int NAMES = 50;

    /** A table in the list: its shape in one line each. */
    public record TableSummary(String name, int columns, List<String> primaryKey, List<String> references, int uniqueKeys, int checks,
                               int indexes) {
    }

    /**
     * The answer for the whole schema.
     *
     * @param service  the service
     * @param dialect  POSTGRESQL or MYSQL
     * @param tables   the tables, paged, each with its foreign keys as "columns -> table(columns)"
     * @param views    view names
     * @param enums    enum types (PostgreSQL) as "name: label, label"
     * @param recorded the migrations under schemas/&lt;service&gt;/ (check_schema_drift compares them)
     */
    public record Overview(String service, String dialect, Page<TableSummary> tables, List<String> views, List<String> enums,
                           List<String> recorded) {
    }

    /**
     * The answer for one table: everything the schema says of it, its lists cut at {@value #PARTS}
     * entries each (a generated table can have hundreds of columns); {@code cut} says when.
     */
    public record TableDetail(String service, String dialect, SchemaModel.Table table, List<String> referencedBy, String cut) {
    }

    /** Entries shown per list of one table. */
    static final int PARTS = 150;

    private final McpContext context;

    public GetSchemaTool(McpContext context) {
        this.context = context;
    }

    @Override
    public ToolDescription description() {
        return new ToolDescription("get_schema", "Schema of a production database",
                "Reads the live schema of a service's production (or replica) database, as the operator configured it for this "
                + "server: only the schema, never a row. Without table it lists the tables (column count, primary key, foreign "
                + "keys as \"columns -> table(columns)\", paged), the views and enum types, and the migrations already recorded "
                + "under schemas/<service>/. With table it returns that table in full: columns with types, nullability, defaults "
                + "and identity, keys, checks, indexes and the tables that reference it. Use it to understand the data a flow "
                + "writes before writing a scenario's setup.sql or expected.sql, or a dataset layer; use check_schema_drift to "
                + "compare with schemas/.",
                ConfiguredSources.service(InputSchema.builder(), context, "The service whose database to read.")
                        .string("table", "One table to show in full.", 128, null)
                        .integer("limit", "Tables on this page.", 1, 200, 50L)
                        .integer("offset", "Index of the first table on this page.", 0, 100_000, 0L)
                        .required("service")
                        .build(),
                true);
    }

    @Override
    public Object call(Arguments arguments) {
        String service = arguments.string("service").orElseThrow();
        SourceDatabase source = ConfiguredSources.source(context, service);
        SchemaModel model = Introspector.of(source).read(source);
        String table = arguments.string("table").orElse(null);
        if (table != null) {
            SchemaModel.Table found = model.table(table).orElseThrow(() -> new InvalidParams("the " + service + " database has no table '"
                    + table + "'; its tables: " + model.tables().stream().map(SchemaModel.Table::name).limit(NAMES).toList()));
            List<String> referencedBy = model.tables().stream().flatMap(t -> t.foreignKeys().stream()
                    .filter(fk -> fk.referencedTable().equals(table)).map(fk -> t.name() + "(" + String.join(", ", fk.columns()) + ")")).toList();
            boolean wide = Stream.of(found.columns(), found.uniqueKeys(), found.foreignKeys(), found.checks(), found.indexes(), referencedBy)
                    .anyMatch(l -> l.size() > PARTS);
            SchemaModel.Table shown = !wide ? found : new SchemaModel.Table(found.name(), first(found.columns()), found.primaryKey(),
                    first(found.uniqueKeys()), first(found.foreignKeys()), first(found.checks()), first(found.indexes()), found.options());
            return new TableDetail(service, model.dialect().name(), shown, first(referencedBy), wide ? "lists cut at " + PARTS
                    + " entries; the table has " + found.columns().size() + " columns, the whole definition is in"
                    + " schemas/" + service + "/ (check_schema_drift writes it)" : null);
        }
        int offset = arguments.intValue("offset");
        int limit = arguments.intValue("limit");
        List<TableSummary> tables = model.tables().stream().skip(offset).limit(limit).map(t -> new TableSummary(t.name(), t.columns().size(),
                t.primaryKey() == null ? List.of() : t.primaryKey().columns(),
                t.foreignKeys().stream().map(fk -> String.join(", ", fk.columns()) + " -> " + fk.referencedTable() + "("
                        + String.join(", ", fk.referencedColumns()) + ")").toList(),
                t.uniqueKeys().size(), t.checks().size(), t.indexes().size())).toList();
        return new Overview(service, model.dialect().name(), Page.of(model.tables().size(), offset, limit, tables),
                model.views().stream().map(SchemaModel.View::name).limit(NAMES).toList(),
                model.enums().stream().map(e -> e.name() + ": " + String.join(", ", e.labels())).limit(NAMES).toList(),
                recorded(Schemas.folder(context.repository(), service)));
    }

    private static <T> List<T> first(List<T> list) {
        return list.size() > PARTS ? list.subList(0, PARTS) : list;
    }

    private static List<String> recorded(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).sorted().limit(NAMES).toList();
        } catch (IOException e) {
            throw new io.prod2test.api.Prod2TestException(io.prod2test.api.ErrorCode.IO, "cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}

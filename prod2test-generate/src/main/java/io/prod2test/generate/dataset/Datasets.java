package io.prod2test.generate.dataset;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.schema.Introspector;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.Dialect;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entry point of the dataset stage: writes {@code datasets/<service>/00_base/V1__reference_data.sql}
 * (reference tables whole) and {@code datasets/<service>/NN_<layer>/V1__<layer>.sql} for each layer
 * (NN = 10, 20, ... in declaration order), every row masked by the given masker (the same engine
 * and key as the logs) and renumbered into its layer's ID range.
 *
 * <p>The source is read in one read-only transaction (REPEATABLE READ), so the files describe one
 * moment of production even while it is written to.
 *
 * <p>Loading: each folder is a migration set of its own, applied after {@code schemas/<service>/}
 * in folder order (00_base, 10_..., 20_...); every file is version 1 of its folder, so each needs
 * its own Flyway history table (or one run per folder).
 */
public final class Datasets {
    private Datasets() {
    }

    /** What one file holds. */
    public record Written(String layer, Path file, Map<String, Integer> rowsByTable, Map<String, Integer> rootsByReason) {
        public Written {
            rowsByTable = Map.copyOf(rowsByTable);
            rootsByReason = Map.copyOf(rootsByReason);
        }

        public int rows() {
            return rowsByTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What a run wrote: the base first, then the layers in order. */
    public record Result(String service, Set<String> referenceTables, List<Written> files) {
        public Result {
            referenceTables = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(referenceTables));
            files = List.copyOf(files);
        }
    }

    /**
     * What a scenario's {@code setup.sql} holds: the production rows a flow used but did not create.
     *
     * @param sql     the statements, with a header saying what they are; empty when no key was found
     * @param keys    each key found, as the masked traffic wrote it, and the key its row has in
     *                {@code sql} (renumbered into the scenario's ID range): the scenario's steps use these
     * @param missing keys found in no table of the production database
     * @param rows    rows written, by table
     */
    public record ScenarioRows(String sql, Map<String, String> keys, List<String> missing, Map<String, Integer> rows) {
        public ScenarioRows {
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            missing = List.copyOf(missing);
            rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
        }
    }

    /**
     * The rows behind {@code maskedKeys} (keys a scenario's steps use that its session did not
     * create, as the masked traffic wrote them) and every row they refer to, read from the
     * production database, masked by {@code masker}, renumbered into {@code range}, for a
     * scenario's {@code setup.sql}. A key is looked up as written, then through the masker's
     * inverse ({@link Masker#unmaskIdentifier}) for traffic that masked it, in the tables whose
     * primary key is one column; rows that extend a found row one to one (their primary key is their foreign key, as a
     * customer's KYC record) come along, other rows that refer to it do not (they are its history,
     * not what the flow used), and reference tables are left to {@code 00_base}.
     */
    public static ScenarioRows scenarioRows(SourceDatabase source, String service, DatasetConfig config, Masker masker,
                                            java.util.Collection<String> maskedKeys, DatasetConfig.IdRange range, String scenario) {
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return new Run(source, connection, null, service, config, masker, LocalDate.now(ZoneOffset.UTC))
                        .scenario(maskedKeys, range, scenario);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw source.failure("read the rows a scenario needs", e);
        }
    }

    /**
     * Datasets of the source's database, for the service named by its database name, profiled
     * against today's date (UTC).
     */
    public static Result generate(SourceDatabase source, Path repoDir, DatasetConfig config, Masker masker) {
        return generate(source, repoDir, Schemas.service(source, null), config, masker, LocalDate.now(ZoneOffset.UTC));
    }

    /** Datasets of the source for {@code service}; {@code today} decides what "expiring this month" means. */
    public static Result generate(SourceDatabase source, Path repoDir, String service, DatasetConfig config, Masker masker, LocalDate today) {
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return new Run(source, connection, repoDir.resolve("datasets").resolve(service), service, config, masker, today).run();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw source.failure("read the rows for the datasets", e);
        }
    }

    private static final class Run {
        private final Connection connection;
        private final Path folder;
        private final String service;
        private final DatasetConfig config;
        private final Masker masker;
        private final LocalDate today;
        private final SourceRows rows;
        private final SourceDatabase source;
        private SchemaModel schema;

        Run(SourceDatabase source, Connection connection, Path folder, String service, DatasetConfig config, Masker masker, LocalDate today) {
            this.source = source;
            this.connection = connection;
            this.folder = folder;
            this.service = service;
            this.config = config;
            this.masker = masker;
            this.today = today;
            this.rows = new SourceRows(connection, source.dialect());
        }

        Result run() throws SQLException {
            schema = Introspector.of(source).read(connection);
            check();
            Map<String, Long> counts = new HashMap<>();
            for (Table table : schema.tables()) {
                counts.put(table.name(), ((Number) rows.column("SELECT count(*) FROM " + d().quote(table.name())).getFirst()).longValue());
            }
            Set<String> reference = ReferenceTables.detect(schema, counts, config.reference());
            List<Written> written = new ArrayList<>();
            written.add(base(reference));
            IdRemapper remapper = new IdRemapper(schema, config.virtualForeignKeys(),
                    (table, column, key) -> masker.maskRow(table, Map.of(column, key)).get(column));
            Map<String, Set<List<Object>>> taken = new HashMap<>();
            List<DatasetConfig.Layer> layers = config.layers();
            for (int i = 0; i < layers.size(); i++) {
                written.add(layer(layers.get(i), (i + 1) * 10, reference, remapper, taken));
            }
            return new Result(service, reference, written);
        }

        private Dialect d() {
            return source.dialect();
        }

        ScenarioRows scenario(java.util.Collection<String> maskedKeys, DatasetConfig.IdRange range, String scenario) throws SQLException {
            schema = Introspector.of(source).read(connection);
            Map<String, Long> counts = new HashMap<>();
            for (Table table : schema.tables()) {
                counts.put(table.name(), ((Number) rows.column("SELECT count(*) FROM " + d().quote(table.name())).getFirst()).longValue());
            }
            Set<String> reference = ReferenceTables.detect(schema, counts, config.reference());
            // Rows that extend a row one to one (their primary key is their foreign key: a customer's KYC
            // record) are part of what the row says, so they come along; children with keys of their
            // own (a customer's earlier orders) are history the flow did not use.
            List<String> extensions = schema.tables().stream().filter(t -> t.primaryKey() != null && t.foreignKeys().stream()
                    .anyMatch(fk -> new HashSet<>(fk.columns()).equals(new HashSet<>(t.primaryKey().columns())))).map(Table::name).toList();
            DatasetConfig.Layer layer = new DatasetConfig.Layer("scenario", range, List.of(), 1, extensions);
            Subsetter subsetter = new Subsetter(rows, schema, reference, config.virtualForeignKeys(), layer, new HashMap<>());
            Map<String, Located> found = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String masked : new java.util.LinkedHashSet<>(maskedKeys)) {
                Located where = locate(masked, reference);
                if (where == null) {
                    missing.add(masked);
                    continue;
                }
                found.put(masked, where);
                subsetter.root(where.table(), List.of(where.column()), List.<List<Object>>of(List.of(where.value())));
            }
            if (found.isEmpty()) {
                return new ScenarioRows("", Map.of(), missing, Map.of());
            }
            Map<String, Subsetter.TableRows> subset = subsetter.run();
            IdRemapper remapper = new IdRemapper(schema, config.virtualForeignKeys(),
                    (table, column, key) -> masker.maskRow(table, Map.of(column, key)).get(column));
            Map<String, List<Map<String, Object>>> originals = new TreeMap<>();
            for (Subsetter.TableRows tableRows : subset.values()) {
                List<Map.Entry<List<Object>, Map<String, Object>>> entries = new ArrayList<>(tableRows.rows.entrySet());
                entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
                List<Map<String, Object>> sorted = entries.stream().map(Map.Entry::getValue).toList();
                remapper.assign(tableRows.table, sorted, range, "scenario " + scenario);
                originals.put(tableRows.table.name(), sorted);
            }
            Map<String, List<Map<String, Object>>> out = new TreeMap<>();
            Map<String, Integer> written = new TreeMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            for (Map.Entry<String, List<Map<String, Object>>> entry : originals.entrySet()) {
                Table table = schema.table(entry.getKey()).orElseThrow();
                List<Map<String, Object>> finished = new ArrayList<>();
                for (Map<String, Object> row : entry.getValue()) {
                    Map<String, Object> done = remapper.apply(table, row, mask(table, row));
                    finished.add(done);
                    found.forEach((masked, where) -> {
                        if (where.table().equals(table.name()) && where.value().equals(row.get(where.column()))) {
                            keys.put(masked, String.valueOf(done.get(where.column())));
                        }
                    });
                }
                out.put(table.name(), finished);
                written.put(table.name(), finished.size());
            }
            List<String> header = List.of(
                    "Rows the scenario " + scenario + " uses but does not create: " + written.values().stream().mapToInt(Integer::intValue).sum()
                            + " rows " + written + ", keys renumbered into the scenario's ID range " + range + ".",
                    "Taken by prod2test from the " + service + " production database by following foreign keys from the keys its steps use,"
                            + " every row masked with the masking key.");
            return new ScenarioRows(new LayerWriter(schema).write(header, out), keys, missing, written);
        }

        /** A production row's key: the table, its one-column primary key and the value, as the driver read it. */
        private record Located(String table, String column, Object value) {
        }

        /**
         * Where production holds the row behind a key of the masked traffic, or null. The key is
         * looked up as written first (the default policy keeps resource ids: they name rows, not
         * people), then unmasked; in a small domain (a few digits) either could name another row, so
         * such keys are best kept or masked consistently with a policy rule. Each lookup compares
         * the key column in its own type, so the primary key's index answers it.
         */
        private Located locate(String masked, Set<String> reference) throws SQLException {
            List<String> candidates = new ArrayList<>(List.of(masked));
            String unmasked = masker.unmaskIdentifier(masked);
            if (!candidates.contains(unmasked)) {
                candidates.add(unmasked);
            }
            for (String value : candidates) {
                for (Table table : schema.tables()) {
                    if (reference.contains(table.name()) || table.primaryKey() == null || table.primaryKey().columns().size() != 1) {
                        continue;
                    }
                    Column column = table.column(table.primaryKey().columns().getFirst()).orElseThrow();
                    String type = column.type().toLowerCase(Locale.ROOT);
                    String quoted = d().quote(column.name());
                    String condition;
                    Object parameter = value;
                    if (type.matches("(tiny|small|medium|big)?int(eger)?\\b.*|int[248]|(small|big)?serial[248]?")) {
                        if (!value.matches("-?[0-9]{1,18}")) {
                            continue; // a key of another shape is not in an integer column
                        }
                        condition = quoted + " = ?";
                        parameter = Long.parseLong(value);
                    } else if (type.contains("char") || type.equals("text")) {
                        condition = quoted + " = ?";
                    } else {
                        condition = (d() == Dialect.POSTGRESQL ? quoted + "::text" : "CAST(" + quoted + " AS CHAR)") + " = ?";
                    }
                    List<Object> hits = rows.column("SELECT " + quoted + " FROM " + d().quote(table.name()) + " WHERE " + condition, parameter);
                    if (!hits.isEmpty()) {
                        return new Located(table.name(), column.name(), hits.getFirst());
                    }
                }
            }
            return null;
        }

        /** Names in the configuration that the schema lacks are errors before anything is read. */
        private void check() {
            for (DatasetConfig.Layer layer : config.layers()) {
                for (DatasetConfig.Root root : layer.roots()) {
                    requireTable(root.table(), "datasets.layers[" + layer.name() + "].roots");
                }
                if (layer.children() != null) {
                    layer.children().forEach(t -> requireTable(t, "datasets.layers[" + layer.name() + "].children"));
                }
            }
            for (DatasetConfig.VirtualForeignKey vfk : config.virtualForeignKeys()) {
                Table table = requireTable(vfk.table(), "datasets.virtualForeignKeys");
                Table referenced = requireTable(vfk.referencedTable(), "datasets.virtualForeignKeys");
                for (String column : List.of(vfk.column(), vfk.typeColumn() == null ? vfk.column() : vfk.typeColumn())) {
                    if (table.column(column).isEmpty()) {
                        throw configuration("datasets.virtualForeignKeys", "table " + vfk.table() + " has no column " + column);
                    }
                }
                if (referenced.column(vfk.referencedColumn()).isEmpty()) {
                    throw configuration("datasets.virtualForeignKeys", "table " + vfk.referencedTable() + " has no column " + vfk.referencedColumn());
                }
            }
        }

        private Table requireTable(String name, String field) {
            return schema.table(name).orElseThrow(() -> configuration(field, "the " + service + " database has no table " + name));
        }

        private Prod2TestException configuration(String field, String problem) {
            return new Prod2TestException(ErrorCode.CONFIGURATION, "prod2test.yaml: field '" + field + "': " + problem);
        }

        private Written base(Set<String> reference) throws SQLException {
            Map<String, List<Map<String, Object>>> out = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (String name : reference) {
                Table table = schema.table(name).orElseThrow();
                String order = String.join(", ", SourceRows.identity(table).stream().map(d()::quote).toList());
                List<Map<String, Object>> masked = new ArrayList<>();
                for (Map<String, Object> row : rows.query("SELECT * FROM " + d().quote(name) + " ORDER BY " + order)) {
                    masked.add(mask(table, row));
                }
                out.put(name, masked);
                counts.put(name, masked.size());
            }
            Path file = folder.resolve("00_base").resolve("V1__reference_data.sql");
            List<String> header = List.of("Reference data of the " + service + " service: " + reference.size() + " tables, complete, keys as in production.",
                    "Written by prod2test from the production database ('prod2test generate'); every row masked with the masking key.",
                    "Tables: " + (counts.isEmpty() ? "none" : counts.toString()));
            write(file, new LayerWriter(schema).write(header, out));
            return new Written("base", file, counts, Map.of());
        }

        private Written layer(DatasetConfig.Layer layer, int number, Set<String> reference, IdRemapper remapper,
                              Map<String, Set<List<Object>>> taken) throws SQLException {
            Subsetter subsetter = new Subsetter(rows, schema, reference, config.virtualForeignKeys(), layer, taken);
            Map<String, Integer> reasons = new LinkedHashMap<>();
            List<DatasetConfig.Root> roots = layer.roots().isEmpty()
                    ? ReferenceTables.roots(schema, reference).stream().map(t -> new DatasetConfig.Root(t, null, 200)).toList()
                    : layer.roots();
            Profiler profiler = new Profiler(rows, schema, reference, layer.perClass(), today, masker::maskText,
                    (table, column, value) -> masker.maskRow(table, Map.of(column, value)).get(column));
            for (DatasetConfig.Root root : roots) {
                Table table = schema.table(root.table()).orElseThrow();
                if (reference.contains(table.name())) {
                    throw configuration("datasets.layers[" + layer.name() + "].roots", table.name()
                            + " is reference data, loaded whole by 00_base; a layer starts from other tables");
                }
                if (root.where() != null) {
                    List<String> key = SourceRows.identity(table);
                    String columns = String.join(", ", key.stream().map(d()::quote).toList());
                    List<List<Object>> keys = rows.query("SELECT " + columns + " FROM " + d().quote(table.name()) + " WHERE (" + root.where()
                            + ") ORDER BY " + columns + " LIMIT " + root.limit()).stream().map(r -> SourceRows.key(r, key)).toList();
                    subsetter.root(table.name(), key, keys);
                    reasons.merge(table.name() + " where " + root.where(), keys.size(), Integer::sum);
                } else {
                    Profiler.Picks picks = profiler.pick(table, root.limit());
                    subsetter.root(table.name(), picks.columns(), picks.reasons().keySet());
                    picks.reasons().values().forEach(rs -> rs.forEach(r -> reasons.merge(table.name() + ": " + r, 1, Integer::sum)));
                }
            }
            Map<String, Subsetter.TableRows> subset = subsetter.run();
            Map<String, List<Map<String, Object>>> originals = new TreeMap<>();
            for (Subsetter.TableRows tableRows : subset.values()) {
                List<Map.Entry<List<Object>, Map<String, Object>>> entries = new ArrayList<>(tableRows.rows.entrySet());
                entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
                List<Map<String, Object>> sorted = entries.stream().map(Map.Entry::getValue).toList();
                remapper.assign(tableRows.table, sorted, layer.ids(), layer.name());
                originals.put(tableRows.table.name(), sorted);
                taken.computeIfAbsent(tableRows.table.name(), k -> new HashSet<>()).addAll(tableRows.rows.keySet());
            }
            Map<String, List<Map<String, Object>>> out = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (Map.Entry<String, List<Map<String, Object>>> entry : originals.entrySet()) {
                Table table = schema.table(entry.getKey()).orElseThrow();
                List<Map<String, Object>> finished = new ArrayList<>();
                for (Map<String, Object> row : entry.getValue()) {
                    finished.add(remapper.apply(table, row, mask(table, row)));
                }
                if (!finished.isEmpty()) {
                    out.put(table.name(), finished);
                    counts.put(table.name(), finished.size());
                }
            }
            Path file = folder.resolve(String.format(Locale.ROOT, "%02d_%s", number, layer.name())).resolve("V1__" + layer.name() + ".sql");
            List<String> header = new ArrayList<>(List.of(
                    "Dataset layer '" + layer.name() + "' of the " + service + " service: " + counts.values().stream().mapToInt(Integer::intValue).sum()
                            + " rows, keys renumbered into " + layer.ids() + ".",
                    "Written by prod2test from the production database ('prod2test generate'); every row masked with the masking key.",
                    "Rows: " + counts,
                    "Why these roots (how many roots stand for each class; a root can stand for several):"));
            reasons.forEach((reason, n) -> header.add("  " + reason + ": " + n));
            write(file, new LayerWriter(schema).write(header, out));
            return new Written(layer.name(), file, counts, reasons);
        }

        /** The row with its values masked, except the keys that join rows (they are renumbered or kept, never masked apart). */
        private Map<String, Object> mask(Table table, Map<String, Object> row) {
            Set<String> links = links(table);
            Map<String, Object> maskable = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                Object value = row.get(column.name());
                if (!links.contains(column.name()) && maskableType(column) && (value instanceof String || value instanceof Number
                        || value instanceof LocalDate)) {
                    maskable.put(column.name(), value);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>(row);
            out.putAll(masker.maskRow(table.name(), maskable));
            return out;
        }

        private final Map<String, Set<String>> links = new HashMap<>();

        private Set<String> links(Table table) {
            return links.computeIfAbsent(table.name(), n -> {
                Set<String> columns = new HashSet<>();
                if (table.primaryKey() != null) {
                    columns.addAll(table.primaryKey().columns());
                }
                table.foreignKeys().forEach(fk -> columns.addAll(fk.columns()));
                for (Table other : schema.tables()) {
                    for (ForeignKey fk : other.foreignKeys()) {
                        if (fk.referencedTable().equals(table.name())) {
                            columns.addAll(fk.referencedColumns());
                        }
                    }
                }
                for (DatasetConfig.VirtualForeignKey vfk : config.virtualForeignKeys()) {
                    if (vfk.table().equals(table.name()) && vfk.path() == null) {
                        columns.add(vfk.column());
                    }
                    if (vfk.table().equals(table.name()) && vfk.typeColumn() != null) {
                        columns.add(vfk.typeColumn());
                    }
                    if (vfk.referencedTable().equals(table.name())) {
                        columns.add(vfk.referencedColumn());
                    }
                }
                return columns;
            });
        }

        /** Times and UUIDs are not personal and the masker would only misread them. */
        private static boolean maskableType(Column column) {
            String type = column.type().toLowerCase(Locale.ROOT);
            return !(type.contains("time") || type.contains("interval") || type.equals("uuid") || type.startsWith("year"));
        }

        private static void write(Path file, String text) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Keys in a stable order: numbers by value, everything else by its text. */
    static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : -1) : 1;
            } else if (x instanceof Number n && y instanceof Number m) {
                c = new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()));
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}

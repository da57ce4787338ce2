package io.prod2test.generate.dataset;

import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Follows foreign keys from root rows to a referentially closed subset: up to every parent a row
 * needs (always), and down to the rows that refer to a root or to a row reached downwards (for the
 * tables the layer brings). Rows reached only as parents do not bring their children: a customer's
 * order needs its card, not every other order paid with that card's product. Declared virtual
 * foreign keys count as foreign keys (upwards always, downwards when they are plain columns).
 * Reference tables are left out (they are loaded whole before) and so are rows an earlier layer
 * took. Keys are fetched a batch of {@value SourceRows#BATCH} at a time, level by level.
 */
final class Subsetter {
    /** The rows of one table in a subset, by their identifying key. */
    static final class TableRows {
        final Table table;
        final List<String> identity;
        final Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        final Set<List<Object>> down = new HashSet<>();

        TableRows(Table table) {
            this.table = table;
            this.identity = SourceRows.identity(table);
        }
    }

    private record Request(String table, List<String> columns, String condition, boolean down) {
    }

    private final SourceRows source;
    private final SchemaModel schema;
    private final Set<String> reference;
    private final List<DatasetConfig.VirtualForeignKey> virtualKeys;
    private final DatasetConfig.Layer layer;
    private final Map<String, Set<List<Object>>> taken;
    private final Map<String, TableRows> subset = new TreeMap<>();
    private final Map<Request, Set<List<Object>>> requested = new HashMap<>();
    private Map<Request, Set<List<Object>>> pending = new LinkedHashMap<>();

    /**
     * @param taken rows earlier layers hold, by table: left out here, referred to where they are
     */
    Subsetter(SourceRows source, SchemaModel schema, Set<String> reference, List<DatasetConfig.VirtualForeignKey> virtualKeys,
              DatasetConfig.Layer layer, Map<String, Set<List<Object>>> taken) {
        this.source = source;
        this.schema = schema;
        this.reference = reference;
        this.virtualKeys = virtualKeys;
        this.layer = layer;
        this.taken = taken;
    }

    /** Starts from the rows of {@code table} whose {@code columns} hold one of {@code keys}. */
    void root(String table, List<String> columns, Collection<List<Object>> keys) {
        for (List<Object> key : keys) {
            request(new Request(table, columns, null, true), key);
        }
    }

    /** Fetches until nothing more is needed; the subset by table name. */
    Map<String, TableRows> run() throws SQLException {
        while (!pending.isEmpty()) {
            Map<Request, Set<List<Object>>> level = pending;
            pending = new LinkedHashMap<>();
            for (Map.Entry<Request, Set<List<Object>>> entry : level.entrySet()) {
                Request request = entry.getKey();
                Table table = table(request.table());
                for (Map<String, Object> row : source.byKeys(table, request.columns(), entry.getValue(), request.condition())) {
                    include(table, row, request.down());
                }
            }
        }
        return subset;
    }

    private void include(Table table, Map<String, Object> row, boolean down) {
        TableRows rows = subset.computeIfAbsent(table.name(), n -> new TableRows(table));
        List<Object> id = SourceRows.key(row, rows.identity);
        if (taken.getOrDefault(table.name(), Set.of()).contains(id)) {
            return;
        }
        boolean isNew = rows.rows.putIfAbsent(id, row) == null;
        if (isNew) {
            parents(table, row);
        }
        if (down && rows.down.add(id)) {
            children(table, row);
        }
    }

    private void parents(Table table, Map<String, Object> row) {
        for (ForeignKey fk : table.foreignKeys()) {
            if (!reference.contains(fk.referencedTable())) {
                List<Object> values = SourceRows.key(row, fk.columns());
                if (!values.contains(null)) {
                    request(new Request(fk.referencedTable(), fk.referencedColumns(), null, false), values);
                }
            }
        }
        for (DatasetConfig.VirtualForeignKey vfk : virtualKeys) {
            if (vfk.table().equals(table.name()) && !reference.contains(vfk.referencedTable()) && applies(vfk, row)) {
                Object value = VirtualKeys.value(vfk, row);
                if (value != null) {
                    request(new Request(vfk.referencedTable(), List.of(vfk.referencedColumn()), null, false), List.of(value));
                }
            }
        }
    }

    private void children(Table table, Map<String, Object> row) {
        for (Table child : schema.tables()) {
            if (reference.contains(child.name()) || !layer.bringsRowsOf(child.name())) {
                continue;
            }
            for (ForeignKey fk : child.foreignKeys()) {
                if (fk.referencedTable().equals(table.name())) {
                    List<Object> values = SourceRows.key(row, fk.referencedColumns());
                    if (!values.contains(null)) {
                        request(new Request(child.name(), fk.columns(), null, true), values);
                    }
                }
            }
        }
        for (DatasetConfig.VirtualForeignKey vfk : virtualKeys) {
            if (vfk.referencedTable().equals(table.name()) && vfk.path() == null && !reference.contains(vfk.table())
                    && layer.bringsRowsOf(vfk.table())) {
                Object value = row.get(vfk.referencedColumn());
                if (value != null) {
                    String condition = vfk.typeColumn() == null ? null
                            : source.dialect().quote(vfk.typeColumn()) + " = " + source.dialect().literal(vfk.typeValue());
                    request(new Request(vfk.table(), List.of(vfk.column()), condition, true), List.of(value));
                }
            }
        }
    }

    private static boolean applies(DatasetConfig.VirtualForeignKey vfk, Map<String, Object> row) {
        return vfk.typeColumn() == null || Objects.equals(String.valueOf(row.get(vfk.typeColumn())), vfk.typeValue());
    }

    private void request(Request request, List<Object> key) {
        TableRows known = subset.get(request.table());
        if (!request.down() && known != null && known.identity.equals(request.columns()) && known.rows.containsKey(key)) {
            return;
        }
        if (!request.down() && request.columns().equals(SourceRows.identity(table(request.table())))
                && taken.getOrDefault(request.table(), Set.of()).contains(key)) {
            return;
        }
        if (requested.computeIfAbsent(request, r -> new HashSet<>()).add(key)) {
            pending.computeIfAbsent(request, r -> new java.util.LinkedHashSet<>()).add(new ArrayList<>(key));
        }
    }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " in the source schema"));
    }
}

package io.prod2test.generate.dataset;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.schema.DependencyOrder;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.source.Dialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a layer's rows as one migration that loads into the schema with every constraint on:
 * tables parents first; a foreign key that closes a cycle or refers to its own table is inserted
 * as NULL and set by an UPDATE after all rows are in (or, when the column cannot be NULL, the
 * constraint is deferred if it is deferrable, or the table's rows go parents first); identity
 * columns are inserted as given (OVERRIDING SYSTEM VALUE) and every sequence is moved past the
 * keys loaded.
 */
final class LayerWriter {
    static final int ROWS_PER_INSERT = 100;

    private final SchemaModel schema;
    private final Dialect d;

    LayerWriter(SchemaModel schema) {
        this.schema = schema;
        this.d = schema.dialect();
    }

    /** The migration for {@code rows} (by table), after the comment lines of {@code header}. */
    String write(List<String> header, Map<String, List<Map<String, Object>>> rows) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("-- ").append(line).append('\n'));
        out.append('\n');
        // Parents first; where a cycle leaves a NOT NULL, non-deferrable key pointing forward, order
        // again by those keys alone and let the nullable and deferrable ones wait.
        Plan plan = plan(order(rows.keySet(), false));
        if (plan.impossible() != null) {
            plan = plan(order(rows.keySet(), true));
        }
        if (plan.impossible() != null) {
            ForeignKey fk = plan.impossible();
            throw new Prod2TestException(ErrorCode.CONFIGURATION, "the rows of " + plan.impossibleTable() + " and " + fk.referencedTable()
                    + " refer to each other through NOT NULL keys that are not deferrable (" + fk.name()
                    + "): no insert order loads them; make " + fk.name() + " DEFERRABLE or its columns nullable");
        }
        List<String> order = plan.order();
        Map<String, List<ForeignKey>> late = plan.late();
        boolean defer = plan.defer();
        if (defer) {
            out.append("SET CONSTRAINTS ALL DEFERRED;\n\n");
        }
        for (String name : order) {
            Table table = table(name);
            List<Map<String, Object>> tableRows = rows.get(name);
            Set<String> nulled = new TreeSet<>();
            late.getOrDefault(name, List.of()).forEach(fk -> nulled.addAll(fk.columns()));
            if (nulled.isEmpty()) {
                tableRows = selfOrdered(table, tableRows);
            }
            inserts(out, table, tableRows, nulled);
        }
        for (Map.Entry<String, List<ForeignKey>> entry : late.entrySet()) {
            updates(out, table(entry.getKey()), rows.get(entry.getKey()), entry.getValue());
        }
        sequences(out, order, rows);
        return out.toString();
    }

    /** An insert order, the keys set after the inserts, whether constraints are deferred, or the key no order can satisfy. */
    private record Plan(List<String> order, Map<String, List<ForeignKey>> late, boolean defer, String impossibleTable, ForeignKey impossible) {
    }

    private Plan plan(List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        Map<String, List<ForeignKey>> late = new LinkedHashMap<>();
        boolean defer = false;
        for (String name : order) {
            Table table = table(name);
            for (ForeignKey fk : table.foreignKeys()) {
                Integer parent = position.get(fk.referencedTable());
                if (parent != null && parent >= position.get(name)) {
                    if (nullable(table, fk)) {
                        late.computeIfAbsent(name, k -> new ArrayList<>()).add(fk);
                    } else if (fk.deferrable() && d == Dialect.POSTGRESQL) {
                        defer = true;
                    } else if (!fk.referencedTable().equals(name)) {
                        return new Plan(order, late, defer, name, fk);
                    }
                }
            }
        }
        return new Plan(order, late, defer, null, null);
    }

    private static boolean nullable(Table table, ForeignKey fk) {
        return fk.columns().stream().allMatch(c -> table.column(c).map(Column::nullable).orElse(false));
    }

    /** Tables parents first, by every foreign key or only by those that can neither wait nor be NULL. */
    private List<String> order(Set<String> tables, boolean hardKeysOnly) {
        List<String> names = new ArrayList<>(new TreeSet<>(tables));
        Map<String, List<String>> parents = new HashMap<>();
        for (String name : names) {
            Table table = table(name);
            parents.put(name, table.foreignKeys().stream()
                    .filter(fk -> !hardKeysOnly || !(nullable(table, fk) || (fk.deferrable() && d == Dialect.POSTGRESQL)))
                    .map(ForeignKey::referencedTable).toList());
        }
        return DependencyOrder.sort(names, parents);
    }

    private void inserts(StringBuilder out, Table table, List<Map<String, Object>> rows, Set<String> nulled) {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = table.columns().stream().filter(c -> c.generated() == null).toList();
        boolean overriding = d == Dialect.POSTGRESQL && columns.stream().anyMatch(c -> c.identity() == SchemaModel.Identity.ALWAYS);
        String head = "INSERT INTO " + d.quote(table.name()) + " (" + String.join(", ", columns.stream().map(c -> d.quote(c.name())).toList())
                + ")" + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES\n";
        for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
            out.append(head);
            List<Map<String, Object>> batch = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT));
            for (int i = 0; i < batch.size(); i++) {
                Map<String, Object> row = batch.get(i);
                out.append("    (");
                for (int c = 0; c < columns.size(); c++) {
                    String name = columns.get(c).name();
                    out.append(c == 0 ? "" : ", ").append(nulled.contains(name) ? "NULL" : literal(row.get(name)));
                }
                out.append(i == batch.size() - 1 ? ");\n" : "),\n");
            }
        }
        out.append('\n');
    }

    private void updates(StringBuilder out, Table table, List<Map<String, Object>> rows, List<ForeignKey> keys) {
        List<String> identity = SourceRows.identity(table);
        for (Map<String, Object> row : rows) {
            List<String> sets = new ArrayList<>();
            for (ForeignKey fk : keys) {
                for (String column : fk.columns()) {
                    if (row.get(column) != null) {
                        sets.add(d.quote(column) + " = " + literal(row.get(column)));
                    }
                }
            }
            if (!sets.isEmpty()) {
                out.append("UPDATE ").append(d.quote(table.name())).append(" SET ").append(String.join(", ", sets)).append(" WHERE ")
                        .append(String.join(" AND ", identity.stream().map(c -> d.quote(c) + " = " + literal(row.get(c))).toList()))
                        .append(";\n");
            }
        }
        out.append('\n');
    }

    /** Rows of a table that refers to itself through NOT NULL keys, each after the row it refers to. */
    private List<Map<String, Object>> selfOrdered(Table table, List<Map<String, Object>> rows) {
        List<ForeignKey> self = table.foreignKeys().stream().filter(fk -> fk.referencedTable().equals(table.name())).toList();
        if (self.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> parents = new HashMap<>();
        for (ForeignKey fk : self) {
            for (Map<String, Object> row : rows) {
                byKey.put(SourceRows.key(row, fk.referencedColumns()).toString(), row);
            }
        }
        for (Map<String, Object> row : rows) {
            String key = self.isEmpty() ? "" : SourceRows.key(row, self.getFirst().referencedColumns()).toString();
            parents.put(key, self.stream().map(fk -> SourceRows.key(row, fk.columns()).toString()).toList());
        }
        return DependencyOrder.sort(new ArrayList<>(byKey.keySet()), parents).stream().map(byKey::get).toList();
    }

    private void sequences(StringBuilder out, List<String> order, Map<String, List<Map<String, Object>>> rows) {
        for (String name : order) {
            Table table = table(name);
            for (Column column : table.columns()) {
                boolean sequenced = column.identity() != SchemaModel.Identity.NONE
                        || (column.defaultValue() != null && column.defaultValue().startsWith("nextval("));
                if (!sequenced || rows.get(name).isEmpty()) {
                    continue;
                }
                if (d == Dialect.POSTGRESQL) {
                    out.append("SELECT setval(pg_get_serial_sequence(").append(d.literal(d.quote(name))).append(", ")
                            .append(d.literal(column.name())).append("), (SELECT max(").append(d.quote(column.name())).append(") FROM ")
                            .append(d.quote(name)).append("));\n");
                } else {
                    long max = rows.get(name).stream().map(r -> r.get(column.name())).filter(v -> v instanceof Number)
                            .mapToLong(v -> ((Number) v).longValue()).max().orElse(0);
                    out.append("ALTER TABLE ").append(d.quote(name)).append(" AUTO_INCREMENT = ").append(max + 1).append(";\n");
                }
            }
        }
    }

    /** A value as an SQL literal the column's type reads back. */
    String literal(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Boolean b -> b ? "TRUE" : "FALSE";
            case BigDecimal n -> n.toPlainString();
            case Double n when n.isNaN() || n.isInfinite() -> d.literal(n.toString());
            case Float n when n.isNaN() || n.isInfinite() -> d.literal(n.toString());
            case Number n -> n.toString();
            case LocalDate date -> d.literal(date.toString());
            case java.sql.Date date -> d.literal(date.toLocalDate().toString());
            case byte[] bytes -> d == Dialect.POSTGRESQL ? "'\\x" + HexFormat.of().formatHex(bytes) + "'" : "X'" + HexFormat.of().formatHex(bytes) + "'";
            default -> d.literal(value.toString());
        };
    }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " in the schema"));
    }
}

package io.prod2test.generate.dataset;

import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.source.Dialect;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Picks a layer's root rows by profiling production: a few rows of each value class rather than a
 * random sample. The classes, for a root table and the tables that refer to it:
 * <ul>
 *   <li>the most and no referring rows (customers with many cards, customers without orders);</li>
 *   <li>each value of a column with few distinct values, in the root and in its referring rows
 *       (orders that are partially refunded), and roots whose referring rows mix such values
 *       (customers with orders in more than one currency);</li>
 *   <li>the longest texts, texts beyond Latin-1 and plain ASCII ones, and empty optional columns
 *       (very long names, Japanese names);</li>
 *   <li>cards expiring this month and already expired ({@code exp_month}/{@code exp_year} pairs).</li>
 * </ul>
 * Within a class rows go in key order, so a profile of one database is always the same.
 */
final class Profiler {
    /** A column with at most this many distinct values is a set of classes, not a value. */
    static final int MAX_CLASSES = 12;

    /** Root keys (values of {@code columns} of the root table) and every class each was picked for. */
    record Picks(List<String> columns, Map<List<Object>, List<String>> reasons) {
    }

    private final SourceRows rows;
    private final SchemaModel schema;
    private final Set<String> reference;
    private final int perClass;
    private final LocalDate today;
    private final UnaryOperator<String> mask;
    private final ColumnMasker personal;
    private final Dialect d;

    /** The masker applied to one value of one column. */
    interface ColumnMasker {
        Object mask(String table, String column, Object value);

        default Object apply(String table, String column, Object value) {
            return mask(table, column, value);
        }
    }

    Profiler(SourceRows rows, SchemaModel schema, Set<String> reference, int perClass, LocalDate today, UnaryOperator<String> mask,
             ColumnMasker personal) {
        this.rows = rows;
        this.schema = schema;
        this.reference = reference;
        this.perClass = perClass;
        this.today = today;
        this.mask = mask;
        this.personal = personal;
        this.d = rows.dialect();
    }

    /** Up to {@code limit} characteristic and edge rows of {@code root}. */
    Picks pick(Table root, int limit) throws SQLException {
        List<String> key = SourceRows.identity(root);
        Map<List<Object>, List<String>> picked = new LinkedHashMap<>();
        String t = d.quote(root.name());
        String orderByKey = columns(key);
        // Referring tables: most and none, their value classes, their mixes.
        for (Table child : schema.tables()) {
            if (reference.contains(child.name())) {
                continue;
            }
            for (ForeignKey fk : child.foreignKeys()) {
                if (!fk.referencedTable().equals(root.name()) || !fk.referencedColumns().equals(key) || child.name().equals(root.name())) {
                    continue;
                }
                String c = d.quote(child.name());
                String f = columns(fk.columns());
                String notNull = String.join(" AND ", fk.columns().stream().map(col -> d.quote(col) + " IS NOT NULL").toList());
                for (Map<String, Object> row : rows.query("SELECT " + f + ", count(*) AS n FROM " + c + " WHERE " + notNull + " GROUP BY " + f
                        + " HAVING count(*) > 1 ORDER BY n DESC, " + f + " LIMIT " + perClass)) {
                    add(picked, keyOf(row, fk.columns()), "many " + child.name() + " (" + row.get("n") + ")", limit);
                }
                String join = String.join(" AND ", java.util.stream.IntStream.range(0, key.size())
                        .mapToObj(i -> c + "." + d.quote(fk.columns().get(i)) + " = " + t + "." + d.quote(key.get(i))).toList());
                for (Map<String, Object> row : rows.query("SELECT " + qualified(t, key) + " FROM " + t + " WHERE NOT EXISTS (SELECT 1 FROM "
                        + c + " WHERE " + join + ") ORDER BY " + qualified(t, key) + " LIMIT " + perClass)) {
                    add(picked, keyOf(row, key), "no " + child.name(), limit);
                }
                for (Column column : classColumns(child, fk.columns())) {
                    String col = d.quote(column.name());
                    List<Object> values = classes(child, column);
                    if (values == null) {
                        continue;
                    }
                    for (Object value : values) {
                        for (Map<String, Object> row : rows.query("SELECT DISTINCT " + f + " FROM " + c + " WHERE "
                                + (value == null ? col + " IS NULL" : col + " = ?") + " AND " + notNull + " ORDER BY " + f + " LIMIT " + perClass,
                                value == null ? new Object[0] : new Object[] {value})) {
                            add(picked, keyOf(row, fk.columns()), value == null ? "has " + child.name() + " without " + column.name()
                                    : "has " + child.name() + " with " + column.name() + " " + shown(value), limit);
                        }
                    }
                    for (Map<String, Object> row : rows.query("SELECT " + f + " FROM " + c + " WHERE " + notNull + " GROUP BY " + f
                            + " HAVING count(DISTINCT " + col + ") > 1 ORDER BY count(DISTINCT " + col + ") DESC, " + f + " LIMIT " + perClass)) {
                        add(picked, keyOf(row, fk.columns()), child.name() + " of more than one " + column.name(), limit);
                    }
                }
                expiry(child, fk.columns(), picked, limit);
            }
        }
        // The root's own columns.
        for (Column column : classColumns(root, key)) {
            List<Object> values = classes(root, column);
            if (values != null) {
                for (Object value : values) {
                    String col = d.quote(column.name());
                    for (Map<String, Object> row : rows.query("SELECT " + orderByKey + " FROM " + t + " WHERE "
                            + (value == null ? col + " IS NULL" : col + " = ?") + " ORDER BY " + orderByKey + " LIMIT " + perClass,
                            value == null ? new Object[0] : new Object[] {value})) {
                        add(picked, keyOf(row, key), value == null ? "no " + column.name() : column.name() + " " + shown(value), limit);
                    }
                }
            } else if (textual(column)) {
                String col = d.quote(column.name());
                textClass(root, key, "longest " + column.name(), col + " IS NOT NULL", "CHAR_LENGTH(" + col + ") DESC, ", picked, limit);
                textClass(root, key, "non-ASCII " + column.name(), "OCTET_LENGTH(" + col + ") > CHAR_LENGTH(" + col + ")", "", picked, limit);
                textClass(root, key, "ASCII " + column.name(), "OCTET_LENGTH(" + col + ") = CHAR_LENGTH(" + col + ")", "", picked, limit);
                if (column.nullable()) {
                    textClass(root, key, "no " + column.name(), col + " IS NULL", "", picked, limit);
                }
            }
        }
        expiry(root, key, picked, limit);
        return new Picks(key, picked);
    }

    private void textClass(Table root, List<String> key, String reason, String condition, String order, Map<List<Object>, List<String>> picked,
                           int limit) throws SQLException {
        String k = columns(key);
        for (Map<String, Object> row : rows.query("SELECT " + k + " FROM " + d.quote(root.name()) + " WHERE " + condition
                + " ORDER BY " + order + k + " LIMIT " + perClass)) {
            add(picked, keyOf(row, key), reason, limit);
        }
    }

    /** Cards expiring this month and expired ones: tables with an exp_month/exp_year (or expiry_...) pair. */
    private void expiry(Table table, List<String> keyColumns, Map<List<Object>, List<String>> picked, int limit) throws SQLException {
        for (String prefix : List.of("exp", "expiry", "expiration")) {
            if (table.column(prefix + "_month").isPresent() && table.column(prefix + "_year").isPresent()) {
                String m = d.quote(prefix + "_month");
                String y = d.quote(prefix + "_year");
                String k = columns(keyColumns);
                String from = d.quote(table.name());
                for (Map<String, Object> row : rows.query("SELECT DISTINCT " + k + " FROM " + from + " WHERE " + y + " = ? AND " + m
                        + " = ? ORDER BY " + k + " LIMIT " + perClass, (long) today.getYear(), (long) today.getMonthValue())) {
                    add(picked, keyOf(row, keyColumns), table.name() + " expiring this month", limit);
                }
                for (Map<String, Object> row : rows.query("SELECT DISTINCT " + k + " FROM " + from + " WHERE " + y + " * 100 + " + m
                        + " < ? ORDER BY " + k + " LIMIT " + perClass, (long) today.getYear() * 100 + today.getMonthValue())) {
                    add(picked, keyOf(row, keyColumns), table.name() + " expired", limit);
                }
            }
        }
    }

    /**
     * The distinct values of a column when there are few of them (2 to MAX_CLASSES) and none is
     * personal (the masker leaves each as it is: a status, a currency, not a My Number that few
     * rows happen to share), else null.
     */
    private List<Object> classes(Table table, Column column) throws SQLException {
        String col = d.quote(column.name());
        List<Object> values = rows.column("SELECT DISTINCT " + col + " FROM " + d.quote(table.name()) + " ORDER BY " + col
                + " LIMIT " + (MAX_CLASSES + 1));
        if (values.size() < 2 || values.size() > MAX_CLASSES) {
            return null;
        }
        for (Object value : values) {
            if (value != null && !value.equals(personal.apply(table.name(), column.name(), value))) {
                return null;
            }
        }
        return values;
    }

    /** Columns that can hold value classes: text-like, enums and booleans, not keys. */
    private List<Column> classColumns(Table table, List<String> keys) {
        Set<String> fkColumns = new java.util.HashSet<>(keys);
        table.foreignKeys().forEach(fk -> fkColumns.addAll(fk.columns()));
        if (table.primaryKey() != null) {
            fkColumns.addAll(table.primaryKey().columns());
        }
        return table.columns().stream().filter(c -> !fkColumns.contains(c.name()) && c.generated() == null)
                .filter(c -> textual(c) || isEnum(c) || c.type().toLowerCase(Locale.ROOT).startsWith("bool")
                        || c.type().equalsIgnoreCase("tinyint(1)")).toList();
    }

    private boolean textual(Column column) {
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.contains("char") || type.contains("text");
    }

    private boolean isEnum(Column column) {
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.startsWith("enum(") || schema.enums().stream().anyMatch(e -> e.name().equals(column.type()));
    }

    private String shown(Object value) {
        return value == null ? "NULL" : mask.apply(String.valueOf(value));
    }

    private static void add(Map<List<Object>, List<String>> picked, List<Object> key, String reason, int limit) {
        if (picked.size() < limit || picked.containsKey(key)) {
            picked.computeIfAbsent(key, k -> new ArrayList<>()).add(reason);
        }
    }

    private static List<Object> keyOf(Map<String, Object> row, List<String> columns) {
        List<Object> key = new ArrayList<>();
        for (String column : columns) {
            key.add(row.get(column));
        }
        return key;
    }

    private String columns(List<String> names) {
        return String.join(", ", names.stream().map(d::quote).toList());
    }

    private String qualified(String table, List<String> names) {
        return String.join(", ", names.stream().map(n -> table + "." + d.quote(n)).toList());
    }
}

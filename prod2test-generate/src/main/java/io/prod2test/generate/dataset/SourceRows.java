package io.prod2test.generate.dataset;

import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.source.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rows from the source, in batches by key. Values keep a Java type where masking or SQL
 * literals need one (numbers, booleans, dates, bytes, text); everything else (timestamps, JSON,
 * UUIDs, arrays, enums) is the server's own text for it, which the server reads back.
 */
final class SourceRows {
    static final int BATCH = 500;

    private final Connection connection;
    private final Dialect dialect;

    SourceRows(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The rows of {@code table} whose {@code columns} equal one of {@code keys}, in batches. */
    List<Map<String, Object>> byKeys(Table table, List<String> columns, Collection<List<Object>> keys, String extraCondition)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<List<Object>> all = new ArrayList<>(keys);
        String tuple = columns.size() == 1 ? dialect.quote(columns.getFirst())
                : "(" + String.join(", ", columns.stream().map(dialect::quote).toList()) + ")";
        String placeholder = columns.size() == 1 ? "?" : "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        if (dialect == Dialect.POSTGRESQL && columns.size() == 1 && all.stream().allMatch(k -> k.getFirst() instanceof Long)) {
            // One array parameter instead of a list of them: one plan, however many keys.
            for (int start = 0; start < all.size(); start += BATCH * 10) {
                List<List<Object>> batch = all.subList(start, Math.min(all.size(), start + BATCH * 10));
                String sql = "SELECT * FROM " + dialect.quote(table.name()) + " WHERE " + tuple + " = ANY(?)"
                        + (extraCondition == null ? "" : " AND (" + extraCondition + ")");
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setArray(1, connection.createArrayOf("bigint", batch.stream().map(List::getFirst).toArray()));
                    read(statement, rows);
                }
            }
            return rows;
        }
        for (int start = 0; start < all.size(); start += BATCH) {
            List<List<Object>> batch = all.subList(start, Math.min(all.size(), start + BATCH));
            String sql = "SELECT * FROM " + dialect.quote(table.name()) + " WHERE " + tuple + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), placeholder)) + ")"
                    + (extraCondition == null ? "" : " AND (" + extraCondition + ")");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (List<Object> key : batch) {
                    for (Object value : key) {
                        bind(statement, i++, value);
                    }
                }
                read(statement, rows);
            }
        }
        return rows;
    }

    /** Rows by a query of the caller's (a root condition, a profile), each with every column. */
    List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            read(statement, rows);
        }
        return rows;
    }

    /** The first column of each row of a query: the keys a profile selects. */
    List<Object> column(String sql, Object... parameters) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : query(sql, parameters)) {
            values.add(row.values().iterator().next());
        }
        return values;
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String s && dialect == Dialect.POSTGRESQL) {
            statement.setObject(index, s, Types.OTHER); // untyped: compares with text, uuid, enum and json keys alike
        } else {
            statement.setObject(index, value);
        }
    }

    private static void read(PreparedStatement statement, List<Map<String, Object>> rows) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(meta.getColumnLabel(i), value(rs, meta, i));
                }
                rows.add(row);
            }
        }
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
        Object value = switch (meta.getColumnType(i)) {
            case Types.BIT, Types.BOOLEAN -> meta.getPrecision(i) > 1 ? rs.getString(i) : (Object) rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> rs.getLong(i);
            case Types.BIGINT, Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : meta.getColumnType(i) == Types.BIGINT ? (Object) longOrBig(d) : d;
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static Object longOrBig(java.math.BigDecimal d) {
        return d.toBigInteger().bitLength() < 63 ? (Object) d.longValueExact() : d.toBigIntegerExact();
    }

    /** The key that identifies a row of {@code table}: its primary key, else its first unique key, else every column. */
    static List<String> identity(Table table) {
        if (table.primaryKey() != null) {
            return table.primaryKey().columns();
        }
        if (!table.uniqueKeys().isEmpty()) {
            return table.uniqueKeys().getFirst().columns();
        }
        return table.columns().stream().map(c -> c.name()).toList();
    }

    static List<Object> key(Map<String, Object> row, List<String> columns) {
        List<Object> key = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object v = row.get(column);
            key.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
        }
        return key;
    }
}

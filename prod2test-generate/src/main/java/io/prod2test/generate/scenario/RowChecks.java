package io.prod2test.generate.scenario;

import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.runner.scenario.DatabaseCheck;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code expected.sql}: checks on the database after a flow. The rows the session created (the ids
 * its POSTs answered with 2xx) are looked up in the production database, and each one's stable
 * columns — statuses, currencies, amounts, captured and refunded totals, flags; never ids, keys,
 * timestamps or personal columns — must describe exactly one more row than the base datasets held.
 * The comparison with {@code prod2test_base."<schema>.<table>"}, the runner's snapshot of the base
 * state (see the runner's {@code DatabaseReset}), keeps the check true whatever rows the base
 * datasets bring.
 */
final class RowChecks {
    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Za-z][A-Za-z_]{0,29}");
    private static final Pattern PERSONAL = Pattern.compile(".*(name|mail|phone|address|postal|birth|token|number|kana|holder|ip|key|secret).*");

    private RowChecks() {
    }

    static List<DatabaseCheck> after(SourceDatabase database, List<SessionExchange> session) {
        Set<String> created = new java.util.LinkedHashSet<>();
        for (SessionExchange e : session) {
            if (e.method().equals("POST") && e.status() / 100 == 2 && e.responseBody() != null && e.responseBody().path("id").isTextual()) {
                created.add(e.responseBody().path("id").asText());
            }
        }
        if (created.isEmpty() || !database.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return List.of();
        }
        Map<String, Integer> conditions = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        String schema;
        try (Connection c = database.connect()) {
            schema = c.getSchema();
            Map<String, String> keys = textPrimaryKeys(c);
            for (String id : created) {
                for (Map.Entry<String, String> table : keys.entrySet()) {
                    String condition = condition(c, table.getKey(), table.getValue(), id);
                    if (condition != null) {
                        String key = table.getKey() + "\u0000" + condition;
                        conditions.merge(key, 1, Integer::sum);
                        names.putIfAbsent(key, "the " + table.getKey() + " row the flow created: " + condition.replace(" AND ", ", "));
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw database.failure("reading the rows a flow created", e);
        }
        List<DatabaseCheck> checks = new ArrayList<>();
        conditions.forEach((key, count) -> {
            String table = key.substring(0, key.indexOf('\u0000'));
            String condition = key.substring(key.indexOf('\u0000') + 1);
            checks.add(DatabaseCheck.of(names.get(key), "SELECT (SELECT count(*) FROM " + quote(table) + " WHERE " + condition + ")\n"
                    + "     = (SELECT count(*) FROM prod2test_base." + quote(schema + "." + table) + " WHERE " + condition + ") + " + count));
        });
        return checks;
    }

    /** Tables whose primary key is one text column: where generated ids like {@code ord_...} live. */
    private static Map<String, String> textPrimaryKeys(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), table)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            if (columns.size() == 1) {
                out.put(table, columns.getFirst());
            }
        }
        return out;
    }

    /** The stable columns of the row {@code id} as SQL conditions, or null when the table has no such row. */
    private static String condition(Connection c, String table, String pk, String id) throws SQLException {
        Set<String> foreign = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), table)) {
            while (rs.next()) {
                foreign.add(rs.getString("FKCOLUMN_NAME"));
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + quote(table) + " WHERE " + quote(pk) + "::text = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData md = rs.getMetaData();
                List<String> parts = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String column = md.getColumnName(i);
                    if (column.equals(pk) || md.isAutoIncrement(i) || foreign.contains(column) || column.endsWith("_id") || PERSONAL.matcher(column).matches()) {
                        continue;
                    }
                    String literal = literal(md.getColumnType(i), rs, i);
                    if (literal != null) {
                        parts.add(quote(column) + (literal.equals("NULL") ? " IS NULL" : " = " + literal));
                    }
                }
                return parts.isEmpty() ? quote(pk) + " IS NOT NULL" : String.join(" AND ", parts);
            }
        }
    }

    private static String literal(int type, ResultSet rs, int i) throws SQLException {
        switch (type) {
            case Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT -> {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null ? "NULL" : v.stripTrailingZeros().toPlainString();
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? "NULL" : Boolean.toString(v);
            }
            case Types.VARCHAR, Types.CHAR -> {
                String v = rs.getString(i);
                if (v == null) {
                    return "NULL";
                }
                return ENUM_LIKE.matcher(v.strip()).matches() ? "'" + v.strip() + "'" : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

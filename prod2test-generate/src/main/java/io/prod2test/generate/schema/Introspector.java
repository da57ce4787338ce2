package io.prod2test.generate.schema;

import io.prod2test.generate.source.SourceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the schema of a source database's current schema (PostgreSQL) or database (MySQL) into a
 * {@link SchemaModel}. Flyway's own history table is not the service's schema and is left out.
 */
public abstract sealed class Introspector permits PostgresIntrospector, MySqlIntrospector {
    /** Tables that belong to tooling, not to the service: Flyway's history tables. */
    static boolean ignored(String table) {
        return table.startsWith("flyway_schema_history");
    }

    /** The introspector for the source's dialect. */
    public static Introspector of(SourceDatabase source) {
        return switch (source.dialect()) {
            case POSTGRESQL -> new PostgresIntrospector();
            case MYSQL -> new MySqlIntrospector();
        };
    }

    /** The schema of the source, read through a connection of its own. */
    public SchemaModel read(SourceDatabase source) {
        try (Connection connection = source.connect()) {
            return read(connection);
        } catch (SQLException e) {
            throw source.failure("read the schema", e);
        }
    }

    /** The schema seen through an open connection. */
    public abstract SchemaModel read(Connection connection) throws SQLException;

    /** Rows of a query with parameters, each row its columns as strings (arrays as lists). */
    static List<List<Object>> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Array array) {
                            value = List.of((Object[]) array.getArray());
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * Views in an order that creates each after the views its query names: names first, then
     * dependencies. A view is taken to read another when the other's name stands as a word in its query.
     */
    static List<SchemaModel.View> inDependencyOrder(List<SchemaModel.View> byName) {
        Map<String, SchemaModel.View> views = new LinkedHashMap<>();
        byName.forEach(v -> views.put(v.name(), v));
        Map<String, List<String>> reads = new HashMap<>();
        for (SchemaModel.View view : byName) {
            List<String> deps = new ArrayList<>();
            for (String other : views.keySet()) {
                if (!other.equals(view.name()) && Pattern.compile("(?<![\\w$])" + Pattern.quote(other) + "(?![\\w$])")
                        .matcher(view.query()).find()) {
                    deps.add(other);
                }
            }
            reads.put(view.name(), deps);
        }
        return DependencyOrder.sort(new ArrayList<>(views.keySet()), reads).stream().map(views::get).toList();
    }
}

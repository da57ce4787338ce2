package io.prod2test.runner.database;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.scenario.DatabaseCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Brings the system under test's database to a known state before each scenario, fast, and while
 * the service keeps its own connections open (so never DROP DATABASE, never a lock held between
 * scenarios).
 *
 * <p>{@link #prepare} runs once: it applies the schema scripts to a database that has no tables yet
 * (a database the service already migrated itself is taken as it is), empties every table, applies
 * the dataset scripts, and copies the result into the schema {@value #SNAPSHOT_SCHEMA}, remembering
 * every sequence's position. It then installs a trigger on each table that notes the primary key of
 * every row the service (or a setup.sql) inserts, updates or deletes, and marks a table without a
 * primary key, or one that is truncated, as changed as a whole.
 *
 * <p>{@link #reset} runs before each scenario, in one transaction and one round trip: with triggers
 * and foreign keys off ({@code session_replication_role = replica}, so order does not matter and
 * the reset itself is not noted) it deletes the noted rows and copies their base version back from
 * the snapshot, restores whole tables that changed as a whole, and sets the sequences back; then it
 * applies the scenario's {@code setup.sql} with triggers and foreign keys on, so a setup row that
 * points nowhere is an error. The cost follows what the last scenario changed, not the size of the
 * base datasets. Flyway history tables ({@code *schema_history}) are left alone. {@link #close}
 * removes the triggers and the snapshot.
 *
 * <p>The connection's user needs to be allowed to set {@code session_replication_role} (a superuser,
 * or on PostgreSQL 15+ {@code GRANT SET ON PARAMETER session_replication_role}) and to create
 * triggers on the tables. One runner at a time per database.
 */
public final class DatabaseReset implements AutoCloseable {
    /** The schema that holds the copy of the base state, the change logs and the reset function. */
    public static final String SNAPSHOT_SCHEMA = "prod2test_base";
    private static final String RESET_SQL = "SET LOCAL session_replication_role = replica;\n"
            + "SELECT " + SNAPSHOT_SCHEMA + ".reset();\n"
            + "SET LOCAL session_replication_role = origin;\n";

    private final Connection connection;
    private final String jdbcUrl;
    private final String resetSql;
    private final int tables;
    private final long baseRows;

    private DatabaseReset(Connection connection, String jdbcUrl, String resetSql, int tables, long baseRows) {
        this.connection = connection;
        this.jdbcUrl = jdbcUrl;
        this.resetSql = resetSql;
        this.tables = tables;
        this.baseRows = baseRows;
    }

    /** Connects to {@code jdbcUrl}, loads the base state from {@code migrations} and snapshots it. */
    public static DatabaseReset prepare(String jdbcUrl, Migrations migrations) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot connect to the system's database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = '10s'");
            }
            try (Statement s = connection.createStatement()) {
                // A runner that stopped without closing left its triggers: they go with the schema.
                s.execute("DROP SCHEMA IF EXISTS " + quote(SNAPSHOT_SCHEMA) + " CASCADE");
            }
            if (tablesOf(connection).isEmpty()) {
                for (Path script : migrations.schema()) {
                    apply(connection, script);
                }
            }
            List<Table> tables = tablesOf(connection);
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // Emptied in the same transaction that loads the datasets, so a failing dataset leaves
                // the database as it was; replica mode lets the order of the tables not matter.
                s.execute("SET LOCAL session_replication_role = replica");
                for (Table t : tables) {
                    s.execute("DELETE FROM " + t.qualified());
                }
                s.execute("SET LOCAL session_replication_role = origin");
            }
            for (Path script : migrations.datasets()) {
                apply(connection, script);
            }
            long rows = snapshot(connection, tables);
            installTracking(connection, tables);
            connection.commit();
            connection.setAutoCommit(true);
            return new DatabaseReset(connection, jdbcUrl, RESET_SQL, tables.size(), rows);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot prepare the base state of " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Resets the database to the base state and applies {@code setupSql} (may be empty);
     * {@code setupName} names it in errors.
     *
     * @return how long the reset took, in nanoseconds, setup included
     */
    public long reset(String setupSql, String setupName) {
        long start = System.nanoTime();
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute(resetSql);
                if (setupSql != null && !setupSql.isBlank()) {
                    try {
                        s.execute(setupSql);
                    } catch (SQLException e) {
                        connection.rollback();
                        throw new Prod2TestException(ErrorCode.INVALID_INPUT, setupName + ": " + e.getMessage(), e);
                    }
                }
            }
            connection.commit();
            return System.nanoTime() - start;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot reset " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next use reports the broken connection
            }
        }
    }

    /**
     * Runs one {@code expected.sql} check.
     *
     * @return null when it holds, else what it returned instead of one row with {@code true}
     */
    public String check(DatabaseCheck check) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(check.sql())) {
            if (!rs.next()) {
                return "no row";
            }
            if (rs.getMetaData().getColumnCount() != 1) {
                return rs.getMetaData().getColumnCount() + " columns (a check returns one boolean)";
            }
            Object value = rs.getObject(1);
            boolean more = rs.next();
            if (more) {
                return "more than one row";
            }
            if (value instanceof Boolean b) {
                return b ? null : "false";
            }
            return String.valueOf(value) + " (a check returns one boolean)";
        } catch (SQLException e) {
            return "error: " + e.getMessage();
        }
    }

    /** How many tables the reset covers. */
    public int tables() {
        return tables;
    }

    /** How many rows the base state holds. */
    public long baseRows() {
        return baseRows;
    }

    /** Removes the triggers and the snapshot, and disconnects. The data stays as the last scenario left it. */
    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + quote(SNAPSHOT_SCHEMA) + " CASCADE");
        } catch (SQLException e) {
            // Left behind, the next prepare drops them; closing must not hide a test's own failure.
        } finally {
            closeQuietly(connection);
        }
    }

    /**
     * A table of the system.
     *
     * @param name    {@code schema.table}, unquoted, how the snapshot and log tables are named
     * @param columns the quoted columns a copy writes (generated columns left out)
     * @param key     the quoted primary-key columns; empty when the table has none
     */
    private record Table(String name, String qualified, String columns, List<String> key) {
        String snapshot() {
            return quote(SNAPSHOT_SCHEMA) + "." + quote(name);
        }

        String log() {
            return quote(SNAPSHOT_SCHEMA) + "." + quote("log:" + name);
        }

        String tracker() {
            return quote(SNAPSHOT_SCHEMA) + "." + quote("track:" + name);
        }

        /** {@code a.k1 = b.k1 AND a.k2 = b.k2}. */
        String keyJoin(String a, String b) {
            StringJoiner join = new StringJoiner(" AND ");
            key.forEach(k -> join.add(a + "." + k + " = " + b + "." + k));
            return join.toString();
        }
    }

    private static List<Table> tablesOf(Connection connection) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                       string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attgenerated = ''),
                       (SELECT string_agg(quote_ident(k.attname), ',' ORDER BY array_position(i.indkey::int2[], k.attnum))
                          FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
                         WHERE i.indrelid = c.oid AND i.indisprimary)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', '%s')
                  AND n.nspname NOT LIKE 'pg\\_%%'
                  AND c.relname NOT LIKE '%%schema\\_history'
                GROUP BY n.nspname, c.relname, c.oid
                ORDER BY n.nspname, c.relname
                """.formatted(SNAPSHOT_SCHEMA);
        List<Table> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String key = rs.getString(5);
                tables.add(new Table(rs.getString(1) + "." + rs.getString(2), rs.getString(3), rs.getString(4),
                        key == null ? List.of() : List.of(key.split(","))));
            }
        }
        return tables;
    }

    private static long snapshot(Connection connection, List<Table> tables) throws SQLException {
        long rows = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA " + quote(SNAPSHOT_SCHEMA));
            for (Table t : tables) {
                rows += s.executeUpdate("CREATE TABLE " + t.snapshot() + " AS SELECT " + t.columns() + " FROM " + t.qualified());
                if (!t.key().isEmpty()) {
                    s.execute("CREATE INDEX ON " + t.snapshot() + " (" + String.join(", ", t.key()) + ")");
                }
            }
            s.execute("ANALYZE");
        }
        return rows;
    }

    /**
     * The triggers that note what changes, and {@code reset()}, one function that undoes it, so a
     * reset is one round trip whose plans PostgreSQL keeps.
     */
    private static void installTracking(Connection connection, List<Table> tables) throws SQLException {
        String base = quote(SNAPSHOT_SCHEMA);
        // A scenario changes a few rows of big tables: look them up by key (nested loops over the
        // primary-key indexes) rather than let a join estimate on never-analysed logs scan whole tables.
        StringBuilder reset = new StringBuilder("CREATE FUNCTION " + base + ".reset() RETURNS void LANGUAGE plpgsql"
                + " SET enable_hashjoin = off SET enable_mergejoin = off AS $reset$\nBEGIN\n");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE " + base + ".changed (name text PRIMARY KEY)");
            s.execute("CREATE FUNCTION " + base + ".mark_changed() RETURNS trigger LANGUAGE plpgsql AS $f$\nBEGIN\n"
                    + "  INSERT INTO " + base + ".changed VALUES (TG_ARGV[0]) ON CONFLICT DO NOTHING;\n  RETURN NULL;\nEND\n$f$");
            for (Table t : tables) {
                String literal = "'" + t.name().replace("'", "''") + "'";
                s.execute("CREATE TRIGGER prod2test_truncated AFTER TRUNCATE ON " + t.qualified()
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + base + ".mark_changed(" + literal + ")");
                String restoreAll = "    DELETE FROM " + t.qualified() + ";\n"
                        + "    INSERT INTO " + t.qualified() + " (" + t.columns() + ") OVERRIDING SYSTEM VALUE SELECT "
                        + t.columns() + " FROM " + t.snapshot() + ";\n";
                if (t.key().isEmpty()) {
                    s.execute("CREATE TRIGGER prod2test_changed AFTER INSERT OR UPDATE OR DELETE ON " + t.qualified()
                            + " FOR EACH STATEMENT EXECUTE FUNCTION " + base + ".mark_changed(" + literal + ")");
                    reset.append("  IF EXISTS (SELECT 1 FROM ").append(base).append(".changed WHERE name = ").append(literal)
                            .append(") THEN\n").append(restoreAll).append("  END IF;\n");
                    continue;
                }
                String keys = String.join(", ", t.key());
                s.execute("CREATE UNLOGGED TABLE " + t.log() + " AS SELECT " + keys + " FROM " + t.qualified() + " WITH NO DATA");
                StringJoiner oldKeys = new StringJoiner(", ");
                StringJoiner newKeys = new StringJoiner(", ");
                t.key().forEach(k -> {
                    oldKeys.add("OLD." + k);
                    newKeys.add("NEW." + k);
                });
                s.execute("CREATE FUNCTION " + t.tracker() + "() RETURNS trigger LANGUAGE plpgsql AS $f$\nBEGIN\n"
                        + "  IF TG_OP <> 'INSERT' THEN INSERT INTO " + t.log() + " VALUES (" + oldKeys + "); END IF;\n"
                        + "  IF TG_OP <> 'DELETE' THEN INSERT INTO " + t.log() + " VALUES (" + newKeys + "); END IF;\n"
                        + "  RETURN NULL;\nEND\n$f$");
                s.execute("CREATE TRIGGER prod2test_changed AFTER INSERT OR UPDATE OR DELETE ON " + t.qualified()
                        + " FOR EACH ROW EXECUTE FUNCTION " + t.tracker() + "()");
                reset.append("  IF EXISTS (SELECT 1 FROM ").append(base).append(".changed WHERE name = ").append(literal)
                        .append(") THEN\n").append(restoreAll)
                        .append("  ELSIF EXISTS (SELECT 1 FROM ").append(t.log()).append(") THEN\n")
                        .append("    DELETE FROM ").append(t.qualified()).append(" t USING ").append(t.log()).append(" l WHERE ")
                        .append(t.keyJoin("t", "l")).append(";\n")
                        .append("    INSERT INTO ").append(t.qualified()).append(" (").append(t.columns())
                        .append(") OVERRIDING SYSTEM VALUE SELECT ").append(t.columns()).append(" FROM ").append(t.snapshot())
                        .append(" s WHERE EXISTS (SELECT 1 FROM ").append(t.log()).append(" l WHERE ").append(t.keyJoin("s", "l"))
                        .append(");\n  END IF;\n")
                        .append("  DELETE FROM ").append(t.log()).append(";\n");
            }
            reset.append("  DELETE FROM ").append(base).append(".changed;\n");
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), "
                    + "last_value, start_value FROM pg_sequences WHERE schemaname <> '" + SNAPSHOT_SCHEMA + "'")) {
                while (rs.next()) {
                    String name = rs.getString(1).replace("'", "''");
                    long last = rs.getLong(2);
                    boolean called = !rs.wasNull();
                    reset.append("  PERFORM setval('").append(name).append("', ").append(called ? last : rs.getLong(3))
                            .append(", ").append(called).append(");\n");
                }
            }
            reset.append("END\n$reset$");
            s.execute(reset.toString());
        }
    }

    private static void apply(Connection connection, Path script) {
        String sql;
        try {
            sql = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + script + ": " + e.getMessage(), e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, script + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The URL without a password, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? "null" : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}

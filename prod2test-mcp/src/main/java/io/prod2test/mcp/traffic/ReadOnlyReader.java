package io.prod2test.mcp.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ad-hoc SQL against the analysis store so that it can only read. Each statement runs in a
 * read-only transaction with a statement timeout and a row limit, and is rolled back. Where the
 * store lets us (the embedded store always does), it runs as a login role of its own,
 * {@value #ROLE}, that may only SELECT the store's tables: no superuser functions that read or
 * write server files ({@code pg_read_file}, {@code lo_export}, {@code COPY ... TO}), no way back
 * to the owner's role through {@code set_config('role', ...)}. Where the role cannot be made,
 * the owner's connection is used with the same transaction rules, and a warning says so.
 */
final class ReadOnlyReader implements AutoCloseable {
    /** The role ad-hoc queries run as. */
    static final String ROLE = "prod2test_reader";
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyReader.class);
    private static final int CELL_CHARS = 300;
    /** About this many characters of cells per answer: with the JSON around them, a few tens of kB of a model's context. */
    static final int ANSWER_CHARS = 24_000;

    /** An answer: column names and types, rows as JSON-friendly values, whether rows were cut. */
    record Rows(List<String> columns, List<List<Object>> rows, boolean truncated, boolean cutForSize, long elapsedMs) {
    }

    private final AnalysisStore store;
    private Connection connection;
    private boolean restricted;

    ReadOnlyReader(AnalysisStore store) {
        this.store = store;
    }

    /** Whether queries run as the restricted reader role (false: the owner's role, read-only transaction). */
    synchronized boolean restricted() {
        connection();
        return restricted;
    }

    synchronized Rows run(String sql, int maxRows, Duration timeout) {
        long started = System.nanoTime();
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION READ ONLY");
                s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                s.execute("SET LOCAL idle_in_transaction_session_timeout = " + Math.max(1000, timeout.toMillis() * 2));
                s.setMaxRows(maxRows + 1);
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i) + ":" + meta.getColumnTypeName(i));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    boolean truncated = false;
                    boolean cutForSize = false;
                    long chars = 0;
                    while (rs.next()) {
                        if (rows.size() == maxRows) {
                            truncated = true;
                            break;
                        }
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) {
                            Object value = cell(rs, i);
                            chars += 4 + String.valueOf(value).length();
                            row.add(value);
                        }
                        if (chars > ANSWER_CHARS && !rows.isEmpty()) {
                            truncated = true;
                            cutForSize = true;
                            break;
                        }
                        rows.add(row);
                    }
                    return new Rows(columns, rows, truncated, cutForSize, (System.nanoTime() - started) / 1_000_000);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new Prod2TestException(ErrorCode.DATABASE, "the query ran longer than " + timeout.toMillis()
                        + " ms and was cancelled; narrow it (WHERE, LIMIT) or aggregate");
            }
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                closeQuietly();
            }
            throw new Prod2TestException(ErrorCode.DATABASE, "PostgreSQL refused the query: " + e.getMessage(), e);
        }
    }

    private static Object cell(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = rs.getString(column);
        return text.length() > CELL_CHARS ? text.substring(0, CELL_CHARS) + "…(" + text.length() + " chars)" : text;
    }

    private Connection connection() {
        try {
            if (connection != null && connection.isValid(2)) {
                return connection;
            }
        } catch (SQLException e) {
            closeQuietly();
        }
        try {
            connection = openAsReader();
            restricted = true;
        } catch (SQLException e) {
            LOG.warn("ad-hoc queries run as the store's owner in read-only transactions: cannot set up the role {} ({})", ROLE,
                    e.getMessage());
            connection = store.connect();
            restricted = false;
        }
        return connection;
    }

    private Connection openAsReader() throws SQLException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try (Connection owner = store.connect(); Statement s = owner.createStatement()) {
            String database;
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(current_database())")) {
                rs.next();
                database = rs.getString(1);
            }
            s.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            s.execute("ALTER ROLE " + ROLE + " WITH LOGIN PASSWORD '" + password + "' CONNECTION LIMIT 8");
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + ROLE);
            s.execute("GRANT USAGE ON SCHEMA public TO " + ROLE);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + ROLE);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", ROLE);
        credentials.setProperty("password", password);
        Connection reader = DriverManager.getConnection(withoutCredentials(store.jdbcUrl()), credentials);
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT session_user")) {
            rs.next();
            if (!ROLE.equals(rs.getString(1))) {
                reader.close();
                throw new SQLException("connected as " + rs.getString(1) + " instead of " + ROLE);
            }
        }
        return reader;
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("([?&])(user|password)=[^&]*", "$1").replaceAll("&&+", "&").replaceAll("\\?&", "?")
                .replaceAll("[?&]$", "");
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // a broken connection is replaced on the next query
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}

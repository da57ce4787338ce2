package io.prod2test.runner.scenario;

/**
 * One check of {@code expected.sql}: a query that must return exactly one row holding one boolean
 * column that is {@code true}.
 *
 * @param name the comment lines above the query (or the query itself when there are none)
 * @param sql  the query, without its closing semicolon
 * @param line the 1-based line of {@code expected.sql} where the query starts (0 when built in code)
 */
public record DatabaseCheck(String name, String sql, int line) {
    public DatabaseCheck {
        Checks.requireText(sql, "a database check's query");
        if (name == null || name.isBlank()) {
            name = sql.strip().replaceAll("\\s+", " ");
        }
        if (line < 0) {
            throw new IllegalArgumentException("a database check's line must be 0 or more, was " + line);
        }
    }

    /** A check built in code, named {@code name}. */
    public static DatabaseCheck of(String name, String sql) {
        return new DatabaseCheck(name, sql, 0);
    }
}

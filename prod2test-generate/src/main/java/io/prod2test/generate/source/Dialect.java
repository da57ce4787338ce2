package io.prod2test.generate.source;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.util.Locale;

/** The SQL dialects prod2test reads and writes: the source database's, so that its DDL rebuilds it. */
public enum Dialect {
    POSTGRESQL,
    /** MySQL and MariaDB: one information_schema, one quoting, one INSERT syntax. */
    MYSQL;

    /** The dialect of a JDBC URL, or a USAGE error naming what is supported. */
    public static Dialect of(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new Prod2TestException(ErrorCode.USAGE, "the source must be a jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb: URL, was '"
                + SourceDatabase.redact(jdbcUrl) + "'");
    }

    /** An identifier quoted for this dialect. */
    public String quote(String identifier) {
        return switch (this) {
            case POSTGRESQL -> '"' + identifier.replace("\"", "\"\"") + '"';
            case MYSQL -> '`' + identifier.replace("`", "``") + '`';
        };
    }

    /** A string literal for this dialect; MySQL also reads backslashes as escapes, so they are doubled. */
    public String literal(String text) {
        String escaped = text.replace("'", "''");
        if (this == MYSQL) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return '\'' + escaped + '\'';
    }
}

package io.prod2test.generate.source;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database prod2test reads from (production, a replica, a scratch copy), by JDBC URL.
 *
 * @param jdbcUrl the URL, credentials included; never printed as it is ({@link #describe()})
 * @param dialect what it speaks, from the URL
 */
public record SourceDatabase(String jdbcUrl, Dialect dialect) {
    private static final Pattern DATABASE = Pattern.compile("^jdbc:[a-z]+://[^/]*/([^?;]+)");

    public SourceDatabase {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new Prod2TestException(ErrorCode.USAGE, "a source database needs a JDBC URL, e.g. jdbc:postgresql://host/db?user=ro");
        }
        if (dialect == null) {
            throw new IllegalArgumentException("a source database needs its dialect");
        }
    }

    /** The source named by a JDBC URL, its dialect taken from the URL. */
    public static SourceDatabase of(String jdbcUrl) {
        return new SourceDatabase(jdbcUrl, Dialect.of(jdbcUrl));
    }

    /** The database name in the URL: the default service name. */
    public String databaseName() {
        Matcher m = DATABASE.matcher(jdbcUrl);
        if (!m.find()) {
            throw new Prod2TestException(ErrorCode.USAGE, "the source URL " + describe()
                    + " names no database; give one (jdbc:postgresql://host/DB) or --service");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    /** Opens a connection, or a DATABASE error naming the source without its password. */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot connect to " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** For messages: the URL with any password hidden. */
    public String describe() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    /** A DATABASE error for a failed statement against this source. */
    public Prod2TestException failure(String doing, SQLException e) {
        return new Prod2TestException(ErrorCode.DATABASE, "cannot " + doing + " in " + describe() + ": " + e.getMessage(), e);
    }
}

package io.prod2test.generate.testing;

import io.prod2test.generate.source.SourceDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * Real databases for the integration tests: one embedded PostgreSQL for the test JVM with a fresh
 * database per test, and fresh databases on the machine's MariaDB (127.0.0.1:3306, root).
 */
public final class Databases {
    public static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/?user=root";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** A new empty database on the shared embedded PostgreSQL. */
    public static SourceDatabase newPostgres(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = postgres();
        execute(pg.getJdbcUrl("postgres", "postgres"), "CREATE DATABASE " + name);
        return SourceDatabase.of(pg.getJdbcUrl("postgres", name));
    }

    /** A new empty database on the machine's MariaDB; drop it with {@link #dropMariaDb}. */
    public static SourceDatabase newMariaDb(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(MARIADB_ADMIN, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return SourceDatabase.of("jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root");
    }

    public static void dropMariaDb(SourceDatabase db) {
        execute(MARIADB_ADMIN, "DROP DATABASE IF EXISTS " + db.databaseName());
    }

    /** Applies the classpath migrations {@code db/<location>} (the sample services' own schemas). */
    public static void migrate(SourceDatabase db, String location) {
        Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("classpath:db/" + location).load().migrate();
    }

    public static void execute(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static long count(SourceDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row as text. */
    public static String string(SourceDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

package io.prod2test.generate.schema;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.source.Dialect;
import io.prod2test.generate.source.SourceDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An empty database of the source's dialect to apply migrations to, dropped on close: to learn
 * what {@code schemas/} holds by letting the database itself read it (no SQL parser to drift from
 * the server's), and to check that generated datasets load.
 *
 * <p>PostgreSQL: an embedded server of its own (the source is never written to). MySQL/MariaDB: a
 * database {@code prod2test_scratch_<random>} created on the server the source's URL names, which
 * needs CREATE and DROP there; pass a URL of another server where the source's account may not.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final SourceDatabase database;
    private final EmbeddedPostgres embedded;
    private final SourceDatabase admin;
    private final String name;

    private ScratchDatabase(SourceDatabase database, EmbeddedPostgres embedded, SourceDatabase admin, String name) {
        this.database = database;
        this.embedded = embedded;
        this.admin = admin;
        this.name = name;
    }

    /** A scratch database like the source: embedded PostgreSQL, or a new database on the MySQL server. */
    public static ScratchDatabase like(SourceDatabase source) {
        return source.dialect() == Dialect.POSTGRESQL ? embeddedPostgres() : on(source);
    }

    /** A new embedded PostgreSQL server. */
    public static ScratchDatabase embeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").start();
            return new ScratchDatabase(SourceDatabase.of(pg.getJdbcUrl("postgres", "postgres")), pg, null, null);
        } catch (IOException | IllegalStateException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot start an embedded PostgreSQL for a scratch database: " + e.getMessage(), e);
        }
    }

    /** A new, uniquely named database on the server {@code server}'s URL names; dropped on close. */
    public static ScratchDatabase on(SourceDatabase server) {
        String name = "prod2test_scratch_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Dialect d = server.dialect();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + d.quote(name));
        } catch (SQLException e) {
            throw server.failure("create a scratch database " + name, e);
        }
        String url = server.jdbcUrl().replaceFirst("^(jdbc:[a-z]+://[^/?;]*)(/[^?;]*)?", "$1/" + name);
        return new ScratchDatabase(new SourceDatabase(url, d), null, server, name);
    }

    /** An empty database that exists already (a test's, a runner's): loaded into, never dropped. */
    public static ScratchDatabase existing(SourceDatabase database) {
        return new ScratchDatabase(database, null, null, null);
    }

    /** The scratch database, to connect to or introspect. */
    public SourceDatabase database() {
        return database;
    }

    /**
     * Applies Flyway migrations from folders, in Flyway's order across them (the version decides,
     * not the folder), every constraint on.
     */
    public void migrate(List<Path> folders) {
        try {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), null, null)
                    .locations(folders.stream().map(f -> "filesystem:" + f.toAbsolutePath()).toArray(String[]::new))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, "the migrations in " + folders + " do not apply to an empty "
                    + database.dialect().name().toLowerCase(java.util.Locale.ROOT) + " database: " + e.getMessage(), e);
        }
    }

    /**
     * Loads migration sets one after another, each with its own Flyway history table
     * ({@code flyway_schema_history}, then {@code flyway_schema_history_1} ...), since every dataset
     * folder starts again at V1: the schema first, then {@code 00_base}, then the layers.
     */
    public void load(List<Path> sets) {
        for (int i = 0; i < sets.size(); i++) {
            Path folder = sets.get(i);
            try {
                Flyway.configure()
                        .dataSource(database.jdbcUrl(), null, null)
                        .locations("filesystem:" + folder.toAbsolutePath())
                        .failOnMissingLocations(true)
                        .table(i == 0 ? "flyway_schema_history" : "flyway_schema_history_" + i)
                        .baselineOnMigrate(i > 0)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            } catch (FlywayException e) {
                throw new Prod2TestException(ErrorCode.INVALID_INPUT, "the migrations in " + folder + " do not load after "
                        + sets.subList(0, i) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the embedded server or drops the scratch database. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.DATABASE, "the scratch PostgreSQL did not stop: " + e.getMessage(), e);
            }
        }
        if (admin != null) {
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + admin.dialect().quote(name));
            } catch (SQLException e) {
                throw admin.failure("drop the scratch database " + name, e);
            }
        }
    }
}

package io.prod2test.core.store;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database that holds the masked traffic and everything derived from it. Opening
 * it starts the embedded server when needed and brings the store's own schema up to date with
 * Flyway (scripts under {@code db/store}), so every stage can rely on the current tables.
 */
public final class AnalysisStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisStore.class);
    private static final String DATABASE = "prod2test";

    private final StoreLocation location;
    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;

    private AnalysisStore(StoreLocation location, EmbeddedPostgres embedded, String jdbcUrl) {
        this.location = location;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
    }

    /** Opens (and for an embedded store, starts) the store and migrates its schema. */
    public static AnalysisStore open(StoreLocation location) {
        EmbeddedPostgres embedded = null;
        String url = location.jdbcUrl();
        if (location.isEmbedded()) {
            embedded = startEmbedded(location);
            url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/" + DATABASE + "?user=postgres";
        }
        AnalysisStore store = new AnalysisStore(location, embedded, url);
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public StoreLocation location() {
        return location;
    }

    /** The JDBC URL of the store's database, for the stages and the MCP server. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE,
                    "cannot connect to the analysis store at " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The store's metadata: when it was created and by which prod2test version. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT key, value FROM store_metadata ORDER BY key")) {
            while (rs.next()) {
                metadata.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the analysis store's metadata: " + e.getMessage(), e);
        }
        return metadata;
    }

    /** The store's schema version as applied by Flyway. */
    public Optional<String> schemaVersion() {
        var current = flyway().info().current();
        return current == null ? Optional.empty() : Optional.of(current.getVersion().getVersion());
    }

    private void migrate() {
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw new Prod2TestException(ErrorCode.DATABASE,
                    "cannot bring the analysis store at " + location.describe() + " up to date: " + e.getMessage(), e);
        }
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO store_metadata(key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setString(1, "created_at");
            insert.setString(2, Instant.now().toString());
            insert.executeUpdate();
            insert.setString(1, "created_by");
            insert.setString(2, "prod2test " + version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot write the analysis store's metadata: " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations("classpath:db/store")
                .table("store_schema_history")
                // core owns V1-V9 and the analysis V10 on: a store made before a new core version must still take it
                .outOfOrder(true)
                .load();
    }

    /** The version of prod2test on the class path, or {@code dev} when run from classes. */
    public static String version() {
        String v = AnalysisStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static EmbeddedPostgres startEmbedded(StoreLocation location) {
        try {
            Files.createDirectories(location.embeddedDirectory());
            LOG.info("starting embedded PostgreSQL in {}", location.embeddedDirectory());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(location.embeddedDirectory())
                    .setCleanDataDirectory(false)
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    c.createStatement().execute("CREATE DATABASE " + DATABASE);
                }
            }
            return pg;
        } catch (IOException | SQLException | IllegalStateException e) {
            throw new Prod2TestException(ErrorCode.DATABASE,
                    "cannot start the embedded analysis store in " + location.embeddedDirectory()
                            + " (is another prod2test using this --workdir? pass --db to use a server): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("the embedded analysis store did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}

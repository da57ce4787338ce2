package io.prod2test.runner.database;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Finds a PostgreSQL for the system under test in the order of SPEC §5: the JDBC URL given; else
 * Testcontainers' PostgreSQL where a Docker engine answers; else an embedded PostgreSQL (zonky).
 * The caller starts the system on {@link ProvidedDatabase#jdbcUrl()} and closes the database after.
 */
public final class SutDatabases {
    /** The image Testcontainers starts; the same major version as the embedded binaries. */
    public static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private SutDatabases() {
    }

    /** Where a provided database came from. */
    public enum Kind { GIVEN, TESTCONTAINERS, EMBEDDED }

    /**
     * A database to run a system on.
     *
     * @param jdbcUrl the URL with user (and password) in it
     * @param kind    where it came from
     * @param closer  what stops it (nothing for a given URL)
     */
    public record ProvidedDatabase(String jdbcUrl, Kind kind, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new Prod2TestException(ErrorCode.DATABASE, "cannot stop the " + kind + " database: " + e.getMessage(), e);
            }
        }
    }

    /** The given URL when there is one, else a database started by {@link #start(boolean)}. */
    public static ProvidedDatabase provide(String jdbcUrl) {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return new ProvidedDatabase(jdbcUrl, Kind.GIVEN, () -> { });
        }
        return start(dockerAvailable());
    }

    /** Whether a Docker engine answers (Testcontainers' own probe). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts a PostgreSQL: in a container when {@code docker} is true, embedded otherwise. */
    static ProvidedDatabase start(boolean docker) {
        if (docker) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(POSTGRES_IMAGE);
            container.start();
            String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
            return new ProvidedDatabase(url, Kind.TESTCONTAINERS, container::stop);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
            return new ProvidedDatabase(url, Kind.EMBEDDED, postgres::close);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}

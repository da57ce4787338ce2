package io.prod2test.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisStoreIT {

    /** The machine's own PostgreSQL (trust auth on 127.0.0.1), which .ci/run starts when stopped. */
    private static final String MACHINE_PG = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Test
    void startsAnEmbeddedStoreUnderTheWorkdirAndKeepsItsDataAcrossRestarts(@TempDir Path workdir) {
        String createdAt;
        try (AnalysisStore store = AnalysisStore.open(StoreLocation.embeddedUnder(workdir))) {
            assertThat(store.schemaVersion()).contains("3");
            createdAt = store.metadata().get("created_at");
            assertThat(createdAt).isNotBlank();
            assertThat(store.metadata()).containsKey("created_by");
        }
        assertThat(workdir.resolve("postgres/PG_VERSION")).exists();

        try (AnalysisStore again = AnalysisStore.open(StoreLocation.embeddedUnder(workdir))) {
            assertThat(again.metadata()).containsEntry("created_at", createdAt);
        }
    }

    @Test
    void migratesAStoreOnAServerNamedByUrl() throws Exception {
        String database = "prod2test_it_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(MACHINE_PG); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
        try (AnalysisStore store = AnalysisStore.open(new StoreLocation(url, null))) {
            assertThat(store.jdbcUrl()).isEqualTo(url);
            try (Connection c = store.connect(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*) FROM store_schema_history WHERE success AND version IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(MACHINE_PG); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void namesTheStoreWhenItCannotBeReached() {
        StoreLocation nowhere = new StoreLocation("jdbc:postgresql://127.0.0.1:1/none?user=x&password=pw&connectTimeout=2", null);

        assertThatThrownBy(() -> AnalysisStore.open(nowhere))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("password=pw")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.DATABASE);
    }
}

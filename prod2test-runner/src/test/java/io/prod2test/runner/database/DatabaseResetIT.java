package io.prod2test.runner.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.runner.Assets;
import io.prod2test.runner.scenario.DatabaseCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset on a real PostgreSQL, with another connection writing as the service would. */
class DatabaseResetIT {
    private static EmbeddedDatabases postgres;
    private static int databases;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabases.start(null);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static String freshDatabase() {
        return postgres.createDatabase("sut_" + (++databases));
    }

    /** Every table's rows as one fingerprint, and each sequence's next value. */
    private static Map<String, String> state(Connection c) throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT quote_ident(table_name) FROM information_schema.tables "
                     + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement q = c.createStatement();
                     ResultSet rs = q.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                    rs.next();
                    state.put(table, rs.getString(1));
                }
            }
            try (Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    state.put("sequence " + rs.getString(1), String.valueOf(rs.getObject(2)));
                }
            }
        }
        return state;
    }

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void undoesWhatAnotherConnectionChangedWhileItStaysConnected() throws Exception {
        String url = freshDatabase();
        try (DatabaseReset reset = DatabaseReset.prepare(url, Migrations.of(Assets.repo(), "payments"));
             Connection service = DriverManager.getConnection(url)) {
            assertThat(reset.tables()).isEqualTo(5);
            assertThat(reset.baseRows()).isEqualTo(10_255);
            Map<String, String> base = state(service);

            sql(service, """
                    INSERT INTO card_tokens VALUES ('tok_new', '424242', '4242', 'visa', 1, 2030, now());
                    INSERT INTO payments (id, status, amount_minor, currency, order_ref, token, card_brand, card_last4, created_at, updated_at)
                      VALUES ('pay_new', 'authorized', 100, 'JPY', 'o', 'tok_new', 'visa', '4242', now(), now());
                    UPDATE payments SET status = 'refunded', refunded_minor = 4980 WHERE id = 'pay_b000000000000001';
                    UPDATE payments SET id = 'pay_renamed' WHERE id = 'pay_h0000000000000004';
                    DELETE FROM captures WHERE id = 'cap_b000000000000001';
                    INSERT INTO refunds (id, payment_id, amount_minor, currency, status, created_at)
                      VALUES ('re_new', 'pay_new', 50, 'JPY', 'succeeded', now());
                    TRUNCATE idempotency_keys;
                    """);
            assertThat(state(service)).isNotEqualTo(base);

            long nanos = reset.reset("", "setup.sql");

            assertThat(state(service)).isEqualTo(base);
            assertThat(nanos).isPositive();
            // The service's idle connection was never dropped.
            sql(service, "SELECT 1");
        }
    }

    @Test
    void appliesSetupWithForeignKeysOnAndRemovesItAtTheNextReset() throws Exception {
        String url = freshDatabase();
        try (DatabaseReset reset = DatabaseReset.prepare(url, Migrations.of(Assets.repo(), "payments"));
             Connection c = DriverManager.getConnection(url)) {
            Map<String, String> base = state(c);
            reset.reset("INSERT INTO card_tokens VALUES ('tok_s1', '424242', '4242', 'visa', 1, 2030, now());", "s/setup.sql");
            assertThat(reset.check(DatabaseCheck.of("the setup row", "SELECT count(*) = 1 FROM card_tokens WHERE token = 'tok_s1'"))).isNull();

            assertThatThrownBy(() -> reset.reset("INSERT INTO captures VALUES ('cap_x', 'pay_nowhere', 1, now());", "s2/setup.sql"))
                    .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageStartingWith("s2/setup.sql: ").hasMessageContaining("foreign key");

            reset.reset(null, "setup.sql");
            assertThat(state(c)).isEqualTo(base);
        }
    }

    @Test
    void appliesTheSchemaOnlyToAnEmptyDatabaseAndKeepsMigrationHistory(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("schemas/app"));
        Files.writeString(repo.resolve("schemas/app/V1__schema.sql"), """
                CREATE TABLE parents (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                                      upper_name text GENERATED ALWAYS AS (upper(name)) STORED);
                CREATE TABLE children (parent_id bigint NOT NULL REFERENCES parents (id) ON DELETE CASCADE, note text);
                CREATE TABLE audit (at timestamptz NOT NULL DEFAULT now(), what text);
                CREATE TABLE flyway_schema_history (version text);
                INSERT INTO flyway_schema_history VALUES ('1');
                """);
        Files.createDirectories(repo.resolve("datasets/app/00_base"));
        Files.writeString(repo.resolve("datasets/app/00_base/V1__rows.sql"), """
                INSERT INTO parents (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'a'), (2, 'b');
                SELECT setval(pg_get_serial_sequence('parents', 'id'), 2);
                INSERT INTO children VALUES (1, 'x'), (1, 'x'), (2, 'y');
                INSERT INTO audit (what) VALUES ('parent a'), ('parent b');
                """);
        String url = freshDatabase();
        try (DatabaseReset reset = DatabaseReset.prepare(url, Migrations.of(repo, "app"));
             Connection service = DriverManager.getConnection(url)) {
            assertThat(reset.tables()).isEqualTo(3);
            Map<String, String> base = state(service);
            assertThat(base.get("audit")).startsWith("2:");

            sql(service, """
                    INSERT INTO parents (name) VALUES ('c');
                    INSERT INTO audit (what) VALUES ('parent c');
                    DELETE FROM children WHERE note = 'x';
                    DELETE FROM parents WHERE id = 2;
                    INSERT INTO flyway_schema_history VALUES ('2');
                    """);
            reset.reset("", "setup.sql");

            Map<String, String> after = state(service);
            after.remove("flyway_schema_history");
            Map<String, String> expected = new LinkedHashMap<>(base);
            expected.remove("flyway_schema_history");
            assertThat(after).isEqualTo(expected);
            assertThat(reset.check(DatabaseCheck.of("history kept", "SELECT count(*) = 2 FROM flyway_schema_history"))).isNull();
        }
        // A second runner finds the tables there and does not apply the schema again.
        try (DatabaseReset again = DatabaseReset.prepare(url, Migrations.of(repo, "app"))) {
            assertThat(again.check(DatabaseCheck.of("base rows", "SELECT count(*) = 2 FROM parents"))).isNull();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'prod2test%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("close removes the runner's triggers").isZero();
        }
    }

    @Test
    void databaseChecksSayWhatTheyGotInsteadOfTrue() {
        try (DatabaseReset reset = DatabaseReset.prepare(freshDatabase(), new Migrations(java.util.List.of(), java.util.List.of()))) {
            assertThat(reset.tables()).isZero();
            reset.reset("", "setup.sql");
            assertThat(reset.check(DatabaseCheck.of("t", "SELECT true"))).isNull();
            assertThat(reset.check(DatabaseCheck.of("f", "SELECT false"))).isEqualTo("false");
            assertThat(reset.check(DatabaseCheck.of("none", "SELECT true WHERE false"))).isEqualTo("no row");
            assertThat(reset.check(DatabaseCheck.of("two", "VALUES (true), (true)"))).isEqualTo("more than one row");
            assertThat(reset.check(DatabaseCheck.of("cols", "SELECT true, true"))).startsWith("2 columns");
            assertThat(reset.check(DatabaseCheck.of("num", "SELECT 3"))).isEqualTo("3 (a check returns one boolean)");
            assertThat(reset.check(DatabaseCheck.of("err", "SELECT * FROM nowhere"))).startsWith("error: ").contains("nowhere");
        }
    }

    @Test
    void aBadScriptOrAnUnreachableDatabaseIsNamed(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("schemas/app"));
        Files.writeString(repo.resolve("schemas/app/V1__broken.sql"), "CREATE TABLE (;");
        assertThatThrownBy(() -> DatabaseReset.prepare(freshDatabase(), Migrations.of(repo, "app")))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("V1__broken.sql: ").hasMessageContaining("syntax error");
        assertThatThrownBy(() -> DatabaseReset.prepare("jdbc:postgresql://127.0.0.1:1/x?user=u&password=secret", Migrations.of(repo, "app")))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE))
                .hasMessageContaining("password=****").hasMessageNotContaining("secret");
    }

    @Test
    void providesAGivenUrlAsItIsAndElseStartsADatabase() throws Exception {
        try (SutDatabases.ProvidedDatabase given = SutDatabases.provide("jdbc:postgresql://h/db")) {
            assertThat(given.kind()).isEqualTo(SutDatabases.Kind.GIVEN);
            assertThat(given.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        }
        try (SutDatabases.ProvidedDatabase started = SutDatabases.provide(null)) {
            assertThat(started.kind()).isEqualTo(SutDatabases.dockerAvailable() ? SutDatabases.Kind.TESTCONTAINERS : SutDatabases.Kind.EMBEDDED);
            try (Connection c = DriverManager.getConnection(started.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}

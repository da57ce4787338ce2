package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandIT {
    /** The machine's own PostgreSQL (trust auth on 127.0.0.1). */
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private final String database = "prod2test_schema_cli_" + ProcessHandle.current().pid();
    private final String url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";

    @BeforeEach
    void createSource() throws Exception {
        execute(ADMIN, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        execute(url, "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total bigint CHECK (total > 0))",
                // The machine's server is PostgreSQL 15, the scratch one 17: they print this view differently.
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10000");
    }

    @AfterEach
    void dropSource() throws Exception {
        execute(ADMIN, "DROP DATABASE IF EXISTS " + database);
    }

    @Test
    void pullThenDiffExitsZeroAndAnAddedColumnIsDriftWithExitOneAndVersionTwo(@TempDir Path repo) throws Exception {
        CliRun pull = CliRun.of("schema", "pull", "--source", url, "--repo", repo.toString(), "--service", "shop");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("V1__baseline.sql (2 tables, 1 views)");
        assertThat(Files.readString(repo.resolve("schemas/shop/V1__baseline.sql"))).contains("CREATE TABLE \"orders\"");

        CliRun clean = CliRun.of("schema", "diff", "--source", url, "--repo", repo.toString(), "--service", "shop");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("no drift");

        execute(url, "ALTER TABLE customers ADD COLUMN nickname text");
        CliRun drift = CliRun.of("schema", "diff", "--source", url, "--repo", repo.toString(), "--service", "shop");

        assertThat(drift.exitCode()).as(drift.err()).isEqualTo(1);
        assertThat(drift.out()).contains("drift: 1 change", "added column customers.nickname (text)", "V2__add_column_customers_nickname.sql");
        assertThat(repo.resolve("schemas/shop/V2__add_column_customers_nickname.sql")).exists();
    }

    private static void execute(String jdbcUrl, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}

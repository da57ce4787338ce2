package io.prod2test.generate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasPostgresIT {
    /** Beyond the sample services: what their schemas lack (enum, sequence, serial, view, self-reference, deferrable key). */
    private static final String[] EXTRAS = {
        "CREATE TYPE ticket_state AS ENUM ('open', 'waiting', 'closed')",
        "CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10",
        "CREATE TABLE support_tickets (id serial PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open', "
                + "parent_id integer REFERENCES support_tickets (id) DEFERRABLE INITIALLY DEFERRED, "
                + "customer_id text REFERENCES customers (id) ON DELETE SET NULL, invoice_no bigint DEFAULT nextval('invoice_numbers'), "
                + "subject text NOT NULL, subject_length integer GENERATED ALWAYS AS (char_length(subject)) STORED, "
                + "UNIQUE (customer_id, subject))",
        "CREATE INDEX support_tickets_open ON support_tickets (customer_id) WHERE state <> 'closed'",
        "CREATE VIEW open_tickets AS SELECT id, customer_id FROM support_tickets WHERE state = 'open'",
        "CREATE VIEW open_ticket_count AS SELECT count(*) AS n FROM open_tickets"};

    @Test
    void pullWritesABaselineThatRebuildsAnEquivalentSchema(@TempDir Path repo) throws Exception {
        SourceDatabase shop = Databases.newPostgres("shop");
        Databases.migrate(shop, "shop");
        Databases.execute(shop.jdbcUrl(), EXTRAS);

        Schemas.Pulled pulled = Schemas.pull(shop, repo, "shop");

        assertThat(pulled.file()).isEqualTo(repo.resolve("schemas/shop/V1__baseline.sql"));
        assertThat(pulled.tables()).isEqualTo(11);
        assertThat(pulled.views()).isEqualTo(2);
        String ddl = Files.readString(pulled.file());
        assertThat(ddl).doesNotContain("flyway_schema_history").contains("CREATE TYPE \"ticket_state\"");
        SourceDatabase rebuilt = Databases.newPostgres("rebuilt");
        Databases.execute(rebuilt.jdbcUrl(), ddl);
        SchemaModel original = Introspector.of(shop).read(shop);
        assertThat(Introspector.of(rebuilt).read(rebuilt)).isEqualTo(original);
        assertThat(original.table("support_tickets").orElseThrow().foreignKeys())
                .anySatisfy(fk -> assertThat(fk.deferrable()).isTrue());
    }

    @Test
    void twoPullsOfOneDatabaseWriteTheSameBytes(@TempDir Path repo) throws Exception {
        SourceDatabase payments = Databases.newPostgres("payments");
        Databases.migrate(payments, "payments");
        String first = Files.readString(Schemas.pull(payments, repo, "payments").file());
        Databases.execute(payments.jdbcUrl(), "INSERT INTO card_tokens VALUES ('tok_1', '424242', '4242', 'visa', 1, 2030, now())");

        String second = Files.readString(Schemas.pull(payments, repo, "payments").file());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void diffReportsAnAddedColumnAndWritesItAsVersionTwo(@TempDir Path repo) {
        SourceDatabase payments = Databases.newPostgres("payments");
        Databases.migrate(payments, "payments");
        Schemas.pull(payments, repo, "payments");
        assertThat(Schemas.diff(payments, repo, "payments").drift()).isFalse();

        Databases.execute(payments.jdbcUrl(), "ALTER TABLE payments ADD COLUMN risk_score integer",
                "CREATE INDEX payments_created ON payments (created_at)");
        Schemas.Diffed diffed = Schemas.diff(payments, repo, "payments");

        assertThat(diffed.drift()).isTrue();
        assertThat(diffed.changes()).extracting(SchemaDiff.Change::what)
                .containsExactly("added column payments.risk_score (integer)", "added index payments.payments_created");
        assertThat(diffed.file().getFileName().toString()).isEqualTo("V2__add_column_payments_risk_score_and_1_more.sql");
        // V1 + V2 now rebuild the live schema: a second diff finds nothing.
        Schemas.Diffed again = Schemas.diff(payments, repo, "payments");
        assertThat(again.drift()).isFalse();
        assertThat(again.file()).isNull();
        assertThat(Schemas.latestVersion(Schemas.folder(repo, "payments"))).isEqualTo(2);
    }
}

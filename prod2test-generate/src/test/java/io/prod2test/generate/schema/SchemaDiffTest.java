package io.prod2test.generate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.generate.schema.SchemaModel.Check;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.EnumType;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Identity;
import io.prod2test.generate.schema.SchemaModel.Index;
import io.prod2test.generate.schema.SchemaModel.Key;
import io.prod2test.generate.schema.SchemaModel.Sequence;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.schema.SchemaModel.View;
import io.prod2test.generate.source.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    private static Column col(String name, String type, boolean nullable, String def) {
        return new Column(name, type, nullable, def, Identity.NONE, null, null);
    }

    private static Table customers(Dialect d, List<Column> columns, List<Index> indexes, List<Check> checks) {
        return new Table("customers", columns, new Key(d == Dialect.MYSQL ? "PRIMARY" : "customers_pkey", List.of("id")),
                List.of(new Key("customers_email_key", List.of("email"))), List.of(), checks, indexes, null);
    }

    private static final Column ID = col("id", "bigint", false, null);
    private static final Column EMAIL = col("email", "text", false, null);

    @Test
    void ordersStatementsSoThatWhatOthersDependOnIsDroppedFirstAndCreatedLast() {
        Table orders = new Table("orders", List.of(ID, col("customer_id", "bigint", false, null)), new Key("orders_pkey", List.of("id")),
                List.of(), List.of(new ForeignKey("orders_customer", List.of("customer_id"), "customers", List.of("id"), false,
                        "FOREIGN KEY (customer_id) REFERENCES customers(id)")), List.of(), List.of(), null);
        SchemaModel from = new SchemaModel(Dialect.POSTGRESQL, List.of(new EnumType("tier", List.of("gold"))), List.of(),
                List.of(customers(Dialect.POSTGRESQL, List.of(ID, EMAIL, col("old", "text", true, null)), List.of(), List.of())),
                List.of(new View("v", "SELECT 1")));
        SchemaModel to = new SchemaModel(Dialect.POSTGRESQL, List.of(new EnumType("tier", List.of("silver", "gold"))),
                List.of(new Sequence("invoice_no", "AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9 START WITH 1 CACHE 1", null)),
                List.of(customers(Dialect.POSTGRESQL, List.of(ID, col("email", "varchar(254)", true, "'x'::text")),
                        List.of(new Index("customers_created", false, "USING btree (id)")), List.of(new Check("email_shape", "CHECK ((email ~~ '%@%'::text))"))), orders),
                List.of(new View("v", "SELECT 2")));

        List<SchemaDiff.Change> changes = SchemaDiff.between(from, to);

        assertThat(changes).extracting(SchemaDiff.Change::what).containsExactly(
                "changed view v",
                "changed enum tier (labels [gold] to [silver, gold])",
                "added sequence invoice_no",
                "added table orders",
                "changed type of customers.email from text to varchar(254)",
                "changed customers.email to nullable",
                "changed default of customers.email",
                "dropped column customers.old",
                "added check customers.email_shape",
                "added index customers.customers_created",
                "added foreign key orders.orders_customer",
                "recreated view v");
        String script = SchemaDiff.script(changes);
        assertThat(script).contains("ALTER TYPE \"tier\" ADD VALUE 'silver';", "ALTER TABLE \"customers\" ALTER COLUMN \"email\" TYPE varchar(254) USING \"email\"::varchar(254);",
                "ALTER TABLE \"customers\" ALTER COLUMN \"email\" DROP NOT NULL;", "SET DEFAULT 'x'::text;", "DROP VIEW \"v\";",
                "CREATE INDEX \"customers_created\" ON \"customers\" USING btree (id);");
        assertThat(SchemaDiff.slug(changes)).isEqualTo("change_view_v_and_11_more");
    }

    @Test
    void mySqlChangesAreWholeColumnDefinitionsAndDropsNameTheirKind() {
        Table was = customers(Dialect.MYSQL, List.of(ID, EMAIL), List.of(new Index("by_email", false, "(`email`)")),
                List.of(new Check("email_shape", "CHECK (`email` like '%@%')")));
        Table is = new Table("customers", List.of(ID, col("email", "varchar(300)", false, "'a'")), null, List.of(),
                List.of(new ForeignKey("self", List.of("id"), "customers", List.of("id"), false, "FOREIGN KEY (`id`) REFERENCES `customers` (`id`)")),
                List.of(), List.of(new Index("by_email", false, "FULLTEXT (`email`)")), "ENGINE=InnoDB");
        SchemaModel from = new SchemaModel(Dialect.MYSQL, List.of(), List.of(), List.of(was, new Table("gone", List.of(ID), null, List.of(), List.of(), List.of(), List.of(), null)), List.of(new View("old", "select 1")));
        SchemaModel to = new SchemaModel(Dialect.MYSQL, List.of(), List.of(), List.of(is), List.of());

        String script = SchemaDiff.script(SchemaDiff.between(from, to));

        assertThat(script).contains("DROP VIEW `old`;", "ALTER TABLE `customers` DROP INDEX `customers_email_key`;",
                "ALTER TABLE `customers` DROP CONSTRAINT `email_shape`;", "DROP INDEX `by_email` ON `customers`;\nCREATE FULLTEXT INDEX `by_email` ON `customers` (`email`);",
                "ALTER TABLE `customers` MODIFY COLUMN `email` varchar(300) NOT NULL DEFAULT 'a';", "ALTER TABLE `customers` DROP PRIMARY KEY;",
                "DROP TABLE `gone`;", "ADD CONSTRAINT `self` FOREIGN KEY");
    }

    @Test
    void schemasOfTwoDialectsAreNotCompared() {
        SchemaModel pg = new SchemaModel(Dialect.POSTGRESQL, List.of(), List.of(), List.of(), List.of());
        SchemaModel my = new SchemaModel(Dialect.MYSQL, List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> SchemaDiff.between(pg, my)).hasMessageContaining("two dialects");
        assertThatThrownBy(() -> SchemaDiff.slug(List.of())).hasMessageContaining("no changes");
    }

    @Test
    void aModelRefusesWhatNoDatabaseHas() {
        assertThatThrownBy(() -> new Key("k", List.of())).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> new ForeignKey("fk", List.of("a", "b"), "t", List.of("a"), false, "x")).hasMessageContaining("pairs each");
        assertThatThrownBy(() -> new Table("t", List.of(), null, List.of(), List.of(), List.of(), List.of(), null)).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> new Column(" ", "int", true, null, Identity.NONE, null, null)).hasMessageContaining("a column has a name");
    }

    @Test
    void dependencyOrderPutsParentsFirstAndBreaksCycles() {
        assertThat(DependencyOrder.sort(List.of("a", "b", "c"), java.util.Map.of("a", List.of("c"), "c", List.of("b", "a", "x"))))
                .containsExactly("b", "c", "a");
    }
}

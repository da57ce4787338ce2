package io.prod2test.generate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.generate.source.Dialect;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import io.prod2test.generate.testing.MariaDbShop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasMariaDbIT {
    private SourceDatabase source;

    @BeforeEach
    void createSource() {
        source = Databases.newMariaDb("p2t_schema");
        Databases.execute(source.jdbcUrl(), MariaDbShop.SCHEMA);
    }

    @AfterEach
    void dropSource() {
        Databases.dropMariaDb(source);
    }

    @Test
    void pullWritesMySqlDdlThatRebuildsAnEquivalentSchema(@TempDir Path repo) throws Exception {
        Schemas.Pulled pulled = Schemas.pull(source, repo, "shop");

        String ddl = Files.readString(pulled.file());
        assertThat(ddl).contains("`tier` enum('standard','gold','platinum') NOT NULL DEFAULT 'standard'", "AUTO_INCREMENT",
                "FULLTEXT KEY `products_title`", "ON UPDATE current_timestamp()", "GENERATED ALWAYS AS (`total_minor` - `refunded_minor`) VIRTUAL");
        SchemaModel original = Introspector.of(source).read(source);
        assertThat(original.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(original.views()).extracting(SchemaModel.View::name).containsExactly("customer_order_totals", "big_spenders");
        try (ScratchDatabase rebuilt = ScratchDatabase.on(source)) {
            rebuilt.migrate(java.util.List.of(pulled.file().getParent()));
            assertThat(Introspector.of(rebuilt.database()).read(rebuilt.database())).isEqualTo(original);
        }
        assertThat(Files.readString(Schemas.pull(source, repo, "shop").file())).isEqualTo(ddl);
    }

    @Test
    void diffReportsAChangedTypeAndAnAddedColumn(@TempDir Path repo) {
        Schemas.pull(source, repo, "shop");
        Databases.execute(source.jdbcUrl(), "ALTER TABLE customers ADD COLUMN nickname varchar(40) NULL",
                "ALTER TABLE products MODIFY COLUMN title varchar(300) NOT NULL");

        Schemas.Diffed diffed = Schemas.diff(source, repo, "shop");

        assertThat(diffed.changes()).extracting(SchemaDiff.Change::what).containsExactly(
                "added column customers.nickname (varchar(40))", "changed type of products.title from varchar(200) to varchar(300)");
        assertThat(diffed.file().getFileName().toString()).startsWith("V2__add_column_customers_nickname");
        assertThat(Schemas.diff(source, repo, "shop").drift()).isFalse();
    }
}

package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.schema.ScratchDatabase;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import io.prod2test.generate.testing.MariaDbShop;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsMariaDbIT {
    private SourceDatabase source;

    @BeforeEach
    void production() {
        source = Databases.newMariaDb("p2t_data");
        Databases.execute(source.jdbcUrl(), MariaDbShop.SCHEMA);
        MariaDbShop.populate(source, 120);
    }

    @AfterEach
    void drop() {
        Databases.dropMariaDb(source);
    }

    @Test
    void aMariaDbSourceGivesLayersThatLoadWithSelfReferencesAndVirtualKeysIntact(@TempDir Path repo) throws Exception {
        Schemas.pull(source, repo, "shop");
        DatasetConfig config = DatasetConfig.parse("""
                datasets:
                  virtualForeignKeys:
                    - { table: audit_events, column: subject_id, typeColumn: subject_type, typeValue: order, references: orders.id }
                    - { table: audit_events, column: payload, path: $.customerId, references: customers.id }
                """, "prod2test.yaml");

        Datasets.Result result = Datasets.generate(source, repo, "shop", config,
                Masker.create(MaskingPolicy.defaults(), MaskingKey.ofText("mariadb-datasets-key-0123456789")), LocalDate.of(2026, 11, 21));

        assertThat(result.referenceTables()).containsExactly("categories", "currencies", "products");
        Datasets.Written layer = result.files().get(1);
        assertThat(layer.rowsByTable()).containsKeys("customers", "orders", "order_lines", "audit_events");
        String sql = Files.readString(layer.file());
        assertThat(sql).contains("UPDATE `customers` SET `referred_by` = ", "AUTO_INCREMENT = ").doesNotContain("mail-box.jp");
        try (ScratchDatabase loaded = ScratchDatabase.on(source)) {
            List<Path> sets = List.of(Schemas.folder(repo, "shop"), repo.resolve("datasets/shop/00_base"), repo.resolve("datasets/shop/10_characteristic"));
            loaded.load(sets);
            SourceDatabase db = loaded.database();
            assertThat(Databases.count(db, "SELECT count(*) FROM customers")).isEqualTo((long) layer.rowsByTable().get("customers"));
            assertThat(Databases.count(db, "SELECT count(*) FROM order_lines")).isEqualTo((long) layer.rowsByTable().get("order_lines"));
            assertThat(Databases.count(db, "SELECT count(*) FROM categories")).isEqualTo(5);
            assertThat(Databases.count(db, "SELECT min(id) FROM orders")).isEqualTo(DatasetConfig.DEFAULT_FROM);
            assertThat(Databases.count(db, "SELECT count(*) FROM customers WHERE referred_by IS NOT NULL")).isPositive();
            // The declared keys were followed and renumbered with their rows: every event finds its order and its customer.
            assertThat(Databases.count(db, "SELECT count(*) FROM audit_events e WHERE e.subject_type = 'order' "
                    + "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = e.subject_id)")).isZero();
            assertThat(Databases.count(db, "SELECT count(*) FROM audit_events e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM customers c WHERE c.id = JSON_VALUE(e.payload, '$.customerId'))")).isZero();
            assertThat(Databases.count(db, "SELECT count(*) FROM audit_events WHERE subject_type = 'order'")).isPositive();
        }
        assertThat(Scanner.standard().scan(repo.resolve("datasets")).findings()).isEmpty();
    }
}

package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.generate.schema.Introspector;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.schema.ScratchDatabase;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import io.prod2test.generate.testing.ShopData;
import io.prod2test.mask.LogFileMasker;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsPostgresIT {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final MaskingKey KEY = MaskingKey.ofText("datasets-it-key-0123456789abcdef");
    private static SourceDatabase shop;

    @BeforeAll
    static void production() {
        shop = Databases.newPostgres("shop");
        Databases.migrate(shop, "shop");
        ShopData.populate(shop, 400, TODAY);
    }

    private static Datasets.Result generate(Path repo, DatasetConfig config) {
        return Datasets.generate(shop, repo, "shop", config, Masker.create(MaskingPolicy.defaults(), KEY), TODAY);
    }

    @Test
    void layersLoadInFlywayOrderWithEveryConstraintOnAndHoldTheRowsTheySay(@TempDir Path repo) throws Exception {
        Schemas.pull(shop, repo, "shop");
        Datasets.Result result = generate(repo, DatasetConfig.defaults());

        assertThat(result.referenceTables()).containsExactly("products");
        assertThat(result.files()).extracting(w -> repo.relativize(w.file()).toString()).containsExactly(
                "datasets/shop/00_base/V1__reference_data.sql", "datasets/shop/10_characteristic/V1__characteristic.sql");
        Datasets.Written layer = result.files().get(1);
        assertThat(layer.rowsByTable()).containsKeys("customers", "cards", "orders", "order_items", "refunds", "kyc_records");
        SourceDatabase test = Databases.newPostgres("loaded");
        loadInto(test, repo);
        Map<String, Integer> expected = new TreeMap<>(layer.rowsByTable());
        expected.put("products", 16);
        for (Map.Entry<String, Integer> table : expected.entrySet()) {
            assertThat(Databases.count(test, "SELECT count(*) FROM " + table.getKey())).as(table.getKey()).isEqualTo((long) table.getValue());
        }
        assertForeignKeysHold(test);
        assertThat(Databases.count(test, "SELECT count(*) FROM customers WHERE id !~ '^cus_[0-9a-f]{12}$'")).isZero();
        assertThat(Databases.count(test, "SELECT min(('x' || lpad(substr(id, 5), 16, '0'))::bit(64)::bigint) FROM customers"))
                .isEqualTo(DatasetConfig.DEFAULT_FROM);
        // Sequences moved past the loaded keys: the next cart item gets a key after the layer's.
        Databases.execute(test.jdbcUrl(), "INSERT INTO cart_items (cart_id, sku, quantity, unit_price) SELECT id, 'MUG-HASAMI', 1, 1 FROM carts LIMIT 1");
        assertThat(Databases.count(test, "SELECT max(id) FROM cart_items")).isEqualTo(DatasetConfig.DEFAULT_FROM + layer.rowsByTable().get("cart_items"));
    }

    @Test
    void rootsAreTheCharacteristicAndEdgeRowsOfProduction(@TempDir Path repo) throws Exception {
        Datasets.Written layer = generate(repo, DatasetConfig.defaults()).files().get(1);

        assertThat(layer.rootsByReason().keySet()).anyMatch(r -> r.startsWith("customers: many cards (7)"))
                .contains("customers: cards expiring this month", "customers: has orders with status partially_refunded",
                        "customers: orders of more than one currency", "customers: no orders", "customers: longest name")
                .anyMatch(r -> r.startsWith("customers: non-ASCII name"));
        String sql = Files.readString(layer.file());
        assertThat(sql).contains("-- Why these roots", "customers: many cards (7): 1");
        // Stratified, not everything: a layer is a small part of production.
        assertThat(layer.rowsByTable().get("customers")).isBetween(15, 120);
    }

    @Test
    void aCustomerInADatasetAndInAMaskedLogIsTheSameSurrogate(@TempDir Path repo) throws Exception {
        Datasets.Written layer = generate(repo, DatasetConfig.defaults()).files().get(1);
        Path log = repo.resolve("shop.jsonl");
        Files.writeString(log, "{\"ts\":\"2026-11-02T09:14:03Z\",\"service\":\"shop\",\"method\":\"GET\",\"path\":\"/customers/me\",\"status\":200,"
                + "\"responseBody\":{\"email\":\"" + ShopData.MANY_CARDS_EMAIL + "\"}}\n");
        Path masked = repo.resolve("shop.masked.jsonl");
        new LogFileMasker(Masker.create(MaskingPolicy.defaults(), KEY)).mask(log, masked, n -> { });

        Matcher m = Pattern.compile("\"email\":\"([^\"]+)\"").matcher(Files.readString(masked));
        assertThat(m.find()).isTrue();
        String surrogate = m.group(1);
        assertThat(surrogate).isNotEqualTo(ShopData.MANY_CARDS_EMAIL).contains("@");
        String sql = Files.readString(layer.file());
        assertThat(sql).contains("'" + surrogate + "'").doesNotContain(ShopData.MANY_CARDS_EMAIL).doesNotContain("mail-box.jp");
    }

    @Test
    void theScannerFindsNothingPersonalInTheGeneratedFiles(@TempDir Path repo) {
        generate(repo, DatasetConfig.defaults());

        ScanResult scan = Scanner.standard().scan(repo.resolve("datasets"));

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.files()).isEqualTo(2);
    }

    @Test
    void laterLayersOwnTheirRangeAndReferToEarlierLayersRows(@TempDir Path repo) throws Exception {
        Schemas.pull(shop, repo, "shop");
        DatasetConfig config = DatasetConfig.parse("""
                datasets:
                  layers:
                    - name: customers
                      ids: { from: 1000000, to: 1999999 }
                      roots: [{ table: customers, where: "locale = 'ja-JP'", limit: 5 }]
                      children: [cards]
                    - name: refunds
                      ids: { from: 2000000, to: 2999999 }
                      roots: [{ table: orders, where: "status = 'partially_refunded'", limit: 4 }]
                      children: [refunds, order_items]
                """, "prod2test.yaml");

        Datasets.Result result = generate(repo, config);

        assertThat(result.files()).extracting(w -> w.file().getParent().getFileName().toString())
                .containsExactly("00_base", "10_customers", "20_refunds");
        assertThat(result.files().get(1).rowsByTable()).containsOnlyKeys("customers", "cards");
        assertThat(result.files().get(2).rowsByTable()).containsEntry("orders", 4).containsEntry("refunds", 4).doesNotContainKey("kyc_records");
        SourceDatabase test = Databases.newPostgres("layers");
        loadInto(test, repo);
        assertForeignKeysHold(test);
        assertThat(Databases.count(test, "SELECT count(*) FROM orders WHERE ('x' || lpad(substr(id, 5), 16, '0'))::bit(64)::bigint BETWEEN 2000000 AND 2999999"))
                .isEqualTo(4);
    }

    @Test
    void aDeferrableCycleAndASelfReferenceOverBigintKeysLoadInOneLayer(@TempDir Path repo) throws Exception {
        SourceDatabase ledger = Databases.newPostgres("ledger");
        Databases.execute(ledger.jdbcUrl(),
                "CREATE TABLE accounts (id bigint PRIMARY KEY, owner_email text NOT NULL, first_transfer_id bigint NOT NULL)",
                "CREATE TABLE transfers (id bigserial PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id),"
                        + " reversal_of bigint REFERENCES transfers (id), amount bigint NOT NULL, currency char(3) NOT NULL)",
                "ALTER TABLE accounts ADD CONSTRAINT accounts_first_transfer FOREIGN KEY (first_transfer_id) REFERENCES transfers (id)"
                        + " DEFERRABLE INITIALLY DEFERRED",
                "BEGIN",
                "INSERT INTO accounts SELECT a, 'owner' || a || '@mail-box.jp', a * 3 - 2 FROM generate_series(1, 60) a",
                "INSERT INTO transfers (id, account_id, reversal_of, amount, currency) SELECT t, (t + 2) / 3,"
                        + " CASE WHEN t % 3 = 0 THEN t - 1 END, 100 * t, CASE WHEN t % 2 = 0 THEN 'JPY' ELSE 'USD' END FROM generate_series(1, 180) t",
                "SELECT setval('transfers_id_seq', 180)",
                "COMMIT");
        Schemas.pull(ledger, repo, "ledger");
        DatasetConfig config = DatasetConfig.parse("""
                datasets:
                  layers:
                    - { name: ledger, ids: { from: 5000000, to: 5999999 }, roots: [accounts] }
                """, "prod2test.yaml");

        Datasets.Written layer = Datasets.generate(ledger, repo, "ledger", config, Masker.create(MaskingPolicy.defaults(), KEY), TODAY)
                .files().get(1);

        String sql = Files.readString(layer.file());
        assertThat(sql).contains("SET CONSTRAINTS ALL DEFERRED;", "UPDATE \"transfers\" SET \"reversal_of\" = 5",
                "SELECT setval(pg_get_serial_sequence('\"transfers\"', 'id')").doesNotContain("mail-box.jp");
        SourceDatabase test = Databases.newPostgres("ledger_loaded");
        ScratchDatabase.existing(test).load(List.of(Schemas.folder(repo, "ledger"), repo.resolve("datasets/ledger/00_base"),
                repo.resolve("datasets/ledger/10_ledger")));
        assertThat(Databases.count(test, "SELECT count(*) FROM transfers")).isEqualTo((long) layer.rowsByTable().get("transfers"));
        assertThat(Databases.count(test, "SELECT min(id) FROM accounts")).isEqualTo(5_000_000L);
        assertThat(Databases.count(test, "SELECT count(*) FROM transfers WHERE reversal_of IS NOT NULL")).isPositive();
        assertThat(Databases.count(test, "SELECT count(*) FROM accounts a JOIN transfers t ON t.id = a.first_transfer_id AND t.account_id = a.id"))
                .isEqualTo((long) layer.rowsByTable().get("accounts"));
        assertForeignKeysHold(test);
    }

    private static void loadInto(SourceDatabase test, Path repo) throws Exception {
        List<Path> sets = new ArrayList<>();
        sets.add(Schemas.folder(repo, "shop"));
        try (var folders = Files.list(repo.resolve("datasets/shop"))) {
            folders.sorted().forEach(sets::add);
        }
        ScratchDatabase.existing(test).load(sets);
    }

    /** Every foreign key of the loaded database finds its row (the constraints say so; this says it again, by query). */
    private static void assertForeignKeysHold(SourceDatabase db) throws SQLException {
        SchemaModel model = Introspector.of(db).read(db);
        try (Connection c = db.connect()) {
            for (SchemaModel.Table table : model.tables()) {
                for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
                    String join = String.join(" AND ", java.util.stream.IntStream.range(0, fk.columns().size())
                            .mapToObj(i -> "p." + fk.referencedColumns().get(i) + " = c." + fk.columns().get(i)).toList());
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table.name() + " c WHERE c."
                            + fk.columns().getFirst() + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + fk.referencedTable() + " p WHERE " + join + ")")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(fk.name()).isZero();
                    }
                }
            }
        }
    }
}

package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.generate.schema.ScratchDatabase;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import io.prod2test.generate.testing.ShopData;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's setup.sql rows: what a returning customer's session uses, from a real PostgreSQL production database. */
class ScenarioRowsIT {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final MaskingKey KEY = MaskingKey.ofText("scenario-rows-it-key-0123456789ab");
    private static final DatasetConfig.IdRange RANGE = new DatasetConfig.IdRange(10_030_000, 10_039_999);
    private static SourceDatabase shop;
    private static final Masker MASKER = Masker.create(MaskingPolicy.defaults(), KEY);

    @BeforeAll
    static void production() {
        shop = Databases.newPostgres("shop");
        Databases.migrate(shop, "shop");
        ShopData.populate(shop, 60, TODAY);
    }

    private static String firstCard(String customer) {
        return Databases.string(shop, "SELECT id FROM cards WHERE customer_id = '" + customer + "' ORDER BY id LIMIT 1");
    }

    @Test
    void bringsTheUsedRowsAndTheRowsTheyReferToButNotTheirHistory() {
        String card = firstCard(ShopData.MANY_CARDS);

        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), MASKER, List.of(card), RANGE, "shop-0004-flow");

        assertThat(rows.missing()).isEmpty();
        assertThat(rows.rows()).containsOnly(Map.entry("cards", 1), Map.entry("customers", 1));
        assertThat(rows.keys()).containsOnlyKeys(card);
        // The range's first key in hex, in the card key's shape (the customer is first of its table too).
        String first = String.format("%012x", RANGE.from());
        assertThat(rows.keys().get(card)).isEqualTo("card_" + first);
        assertThat(rows.sql()).contains("shop-0004-flow").contains(RANGE.toString()).contains("card_" + first)
                .contains("cus_" + first).doesNotContain(ShopData.MANY_CARDS).doesNotContain(ShopData.MANY_CARDS_EMAIL);
    }

    @Test
    void theRowsLoadOnTheSchemaWithEveryConstraintOnAndHoldTheSameMaskedValuesAsTheTraffic(@TempDir Path repo) throws Exception {
        Schemas.pull(shop, repo, "shop");
        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), MASKER, List.of(ShopData.MANY_CARDS),
                RANGE, "shop-0004-flow");
        SourceDatabase test = Databases.newPostgres("setup");
        ScratchDatabase.existing(test).load(List.of(Schemas.folder(repo, "shop")));

        Databases.execute(test.jdbcUrl(), rows.sql());

        String customer = rows.keys().get(ShopData.MANY_CARDS);
        assertThat(Databases.string(test, "SELECT email FROM customers WHERE id = '" + customer + "'"))
                .isEqualTo(MASKER.maskRow("customers", Map.of("email", ShopData.MANY_CARDS_EMAIL)).get("email"));
        assertThat(Databases.count(test, "SELECT count(*) FROM customers")).isEqualTo(1);
    }

    @Test
    void bringsTheRowsThatExtendAUsedRowOneToOneSuchAsItsKycRecord() {
        String verified = Databases.string(shop, "SELECT customer_id FROM kyc_records ORDER BY customer_id LIMIT 1");

        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), MASKER, List.of(verified), RANGE, "s");

        assertThat(rows.rows()).containsOnly(Map.entry("customers", 1), Map.entry("kyc_records", 1));
    }

    @Test
    void findsAKeyInAnIntegerKeyedTableAndSkipsThoseOfAnotherShape() {
        long item = Databases.count(shop, "SELECT min(id) FROM cart_items");

        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), MASKER, List.of(Long.toString(item)), RANGE, "s");

        assertThat(rows.missing()).isEmpty();
        assertThat(rows.rows()).containsEntry("cart_items", 1).containsKeys("carts", "customers");
        assertThat(rows.keys().get(Long.toString(item))).isEqualTo(Long.toString(RANGE.from()));
    }

    @Test
    void namesTheKeysProductionDoesNotHold() {
        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), MASKER,
                List.of("cus_ffffffffffff"), RANGE, "shop-0004-flow");

        assertThat(rows.missing()).containsExactly("cus_ffffffffffff");
        assertThat(rows.sql()).isEmpty();
    }

    @Test
    void findsAKeyTheTrafficMaskedThroughTheMaskersInverse(@TempDir Path dir) throws Exception {
        MaskingPolicy identifiers = MaskingPolicy.of(true, List.of(new MaskingPolicy.Rule(MaskingPolicy.Where.COLUMN, "*.ref", null,
                io.prod2test.mask.Strategy.parse("identifier"))));
        Masker masker = Masker.create(identifiers, KEY);
        String surrogate = masker.maskRow("orders", Map.of("ref", ShopData.MANY_CARDS)).get("ref").toString();
        assertThat(surrogate).isNotEqualTo(ShopData.MANY_CARDS).startsWith("cus_");

        Datasets.ScenarioRows rows = Datasets.scenarioRows(shop, "shop", DatasetConfig.defaults(), masker, List.of(surrogate), RANGE, "s");

        assertThat(rows.missing()).isEmpty();
        assertThat(rows.keys()).containsOnlyKeys(surrogate);
        Path file = dir.resolve("setup.sql");
        Files.writeString(file, rows.sql());
        assertThat(Scanner.standard().scan(file).findings()).isEmpty();
    }
}

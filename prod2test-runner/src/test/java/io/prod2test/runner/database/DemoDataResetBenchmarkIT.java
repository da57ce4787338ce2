package io.prod2test.runner.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.world.SampleWorld;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reset on the demo's data: the sample world simulates the demo's 2,000 sessions, every row of
 * each service's production database becomes its base dataset (more than the generator's subsets
 * will hold), and the reset is measured after the writes of a typical scenario. Prints the medians
 * and writes them to target/demo-reset-benchmark.txt; asserts only that the base came back.
 */
class DemoDataResetBenchmarkIT {
    private static final int RESETS = 200;
    private static final Map<String, List<String>> SCHEMAS = Map.of(
            "payments", List.of("V1__payments_schema.sql"),
            "shop", List.of("V1__shop_schema.sql", "V2__product_catalogue.sql"));
    private static final Map<String, String> SCENARIO_WRITES = Map.of(
            "payments", """
                    INSERT INTO card_tokens VALUES ('tok_x', '424242', '4242', 'visa', 1, 2030, now());
                    INSERT INTO idempotency_keys VALUES ('authorise', 'bench-k1', 'h', 201, '{}', now());
                    INSERT INTO payments (id, status, amount_minor, currency, order_ref, token, card_brand, card_last4, created_at, updated_at)
                      VALUES ('pay_x', 'authorized', 50000, 'JPY', 'o', 'tok_x', 'visa', '4242', now(), now());
                    INSERT INTO captures VALUES ('cap_x1', 'pay_x', 20000, now()), ('cap_x2', 'pay_x', 10000, now());
                    UPDATE payments SET captured_minor = 30000, status = 'partially_captured' WHERE id = 'pay_x';
                    INSERT INTO refunds (id, payment_id, amount_minor, currency, status, created_at)
                      VALUES ('re_x', 'pay_x', 1000, 'JPY', 'succeeded', now());
                    """,
            "shop", """
                    INSERT INTO customers (id, email, name, phone, postal_code, address, date_of_birth, locale, created_at)
                      VALUES ('cus_bbbb00000001', 'bench@example.com', 'Bench', '+81 1', '100-0001', 'a', '1990-01-01', 'ja-JP', now());
                    INSERT INTO cards (id, customer_id, token, brand, last4, exp_month, exp_year, created_at)
                      VALUES ('card_bbbb00000001', 'cus_bbbb00000001', 'tok_bench', 'visa', '4242', 1, 2030, now());
                    INSERT INTO carts (id, customer_id, currency, status, created_at)
                      VALUES ('cart_bbbb00000001', 'cus_bbbb00000001', 'JPY', 'open', now());
                    INSERT INTO cart_items (cart_id, sku, quantity, unit_price)
                      VALUES ('cart_bbbb00000001', 'MUG-HASAMI', 3, 2200), ('cart_bbbb00000001', 'TEA-SENCHA-100', 1, 1280);
                    UPDATE carts SET status = 'checked_out' WHERE id = 'cart_bbbb00000001';
                    INSERT INTO orders (id, customer_id, cart_id, card_id, idempotency_key, status, currency, amount, created_at, updated_at)
                      VALUES ('ord_bbbb00000001', 'cus_bbbb00000001', 'cart_bbbb00000001', 'card_bbbb00000001', 'bench', 'paid', 'JPY', 7880, now(), now());
                    INSERT INTO order_items VALUES ('ord_bbbb00000001', 1, 'MUG-HASAMI', 'Mug', 3, 2200);
                    """);

    @Test
    void measuresTheResetOnTheDemosProductionData(@TempDir Path temp) throws Exception {
        StringBuilder report = new StringBuilder();
        try (SampleWorld world = SampleWorld.start(temp.resolve("production"))) {
            world.simulate(42, 2000, 8, n -> { });
            Path repo = temp.resolve("assets");
            for (String service : List.of("payments", "shop")) {
                long rows = writeRepository(repo, service, world.jdbcUrl(service));
                String url = world.databases().createDatabase("sut_" + service);
                try (DatabaseReset reset = DatabaseReset.prepare(url, Migrations.of(repo, service));
                     Connection app = DriverManager.getConnection(url)) {
                    assertThat(reset.baseRows()).isEqualTo(rows);
                    long[] nanos = new long[RESETS];
                    for (int i = 0; i < RESETS; i++) {
                        try (Statement s = app.createStatement()) {
                            s.execute(SCENARIO_WRITES.get(service));
                        }
                        nanos[i] = reset.reset("", "setup.sql");
                    }
                    assertThat(count(app, service.equals("shop") ? "orders" : "payments"))
                            .isEqualTo(count(DriverManager.getConnection(world.jdbcUrl(service)), service.equals("shop") ? "orders" : "payments"));
                    Arrays.sort(nanos);
                    report.append(String.format(Locale.ROOT,
                            "%s: %,d base rows in %d tables; reset after a typical scenario, %d resets: median %.2f ms, p90 %.2f ms%n",
                            service, rows, reset.tables(), RESETS, nanos[RESETS / 2] / 1e6, nanos[RESETS * 9 / 10] / 1e6));
                }
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "demo-reset-benchmark.txt"), report);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** schemas/ from the service's own migrations, and every production row as its base dataset; returns the row count. */
    private static long writeRepository(Path repo, String service, String productionUrl) throws Exception {
        Path schemas = Files.createDirectories(repo.resolve("schemas").resolve(service));
        for (String name : SCHEMAS.get(service)) {
            try (InputStream in = DemoDataResetBenchmarkIT.class.getResourceAsStream("/db/" + service + "/" + name)) {
                Files.write(schemas.resolve(name), in.readAllBytes());
            }
        }
        StringBuilder sql = new StringBuilder("SET LOCAL session_replication_role = replica;\n");
        long rows = 0;
        try (Connection c = DriverManager.getConnection(productionUrl); Statement s = c.createStatement()) {
            Map<String, String> tables = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '%schema_history'
                    GROUP BY c.relname ORDER BY c.relname""")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, String> t : tables.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(json_agg(t), '[]')::text FROM " + t.getKey() + " t")) {
                    rs.next();
                    rows += rs.getLong(1);
                    sql.append("INSERT INTO ").append(t.getKey()).append(" (").append(t.getValue()).append(") OVERRIDING SYSTEM VALUE SELECT ")
                            .append(t.getValue()).append(" FROM json_populate_recordset(NULL::").append(t.getKey()).append(", '")
                            .append(rs.getString(2).replace("'", "''")).append("');\n");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(sequencename), last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
                while (rs.next()) {
                    sql.append("SELECT setval('").append(rs.getString(1)).append("', ").append(rs.getLong(2)).append(");\n");
                }
            }
        }
        sql.append("SET LOCAL session_replication_role = origin;\n");
        Path dataset = Files.createDirectories(repo.resolve("datasets").resolve(service).resolve("00_base"));
        Files.writeString(dataset.resolve("V1__production.sql"), sql, StandardCharsets.UTF_8);
        return rows;
    }
}

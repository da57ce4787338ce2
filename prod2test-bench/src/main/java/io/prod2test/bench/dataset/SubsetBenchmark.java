package io.prod2test.bench.dataset;

import io.prod2test.bench.Timing;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;

/**
 * Subsetting side by side with its reference: from a source of 1,000,000 rows (200,000 customers,
 * 250,000 cards, 300,000 orders, 249,900 order lines, 100 products) it takes 10,000 customers
 * with their cards, orders and order lines (the foreign-key closure, children included) and
 * writes them as a dataset layer: masked with the default policy, keys renumbered, INSERTs. The
 * reference is a plain {@code COPY (SELECT ...) TO STDOUT} of exactly those rows, table by table,
 * with the joins written by hand: the floor of reading them out of PostgreSQL. Both run against
 * the same embedded server in one JVM, alternating for several rounds; the best rounds give the ratio.
 * A third run without masking rules shows what the subsetting costs by itself.
 *
 * <p>Usage: {@code SubsetBenchmark [ROUNDS]} (default 3).
 */
public final class SubsetBenchmark {
    private static final String SCHEMA = """
            CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL, price bigint NOT NULL);
            CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, phone text,
                                    tier text NOT NULL, created_at timestamptz NOT NULL);
            CREATE TABLE cards (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), brand text NOT NULL,
                                last4 char(4) NOT NULL, exp_month integer NOT NULL, exp_year integer NOT NULL);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
                                 card_id bigint NOT NULL REFERENCES cards (id), currency char(3) NOT NULL, status text NOT NULL,
                                 amount bigint NOT NULL, created_at timestamptz NOT NULL);
            CREATE TABLE order_items (order_id bigint NOT NULL REFERENCES orders (id), line_no integer NOT NULL,
                                      sku text NOT NULL REFERENCES products (sku), quantity integer NOT NULL, PRIMARY KEY (order_id, line_no));
            CREATE INDEX cards_customer ON cards (customer_id);
            CREATE INDEX orders_customer ON orders (customer_id);
            CREATE INDEX orders_card ON orders (card_id);
            """;
    private static final String DATA = """
            INSERT INTO products SELECT 'SKU-' || i, 'Product ' || i, 100 * i FROM generate_series(1, 100) i;
            INSERT INTO customers SELECT i, 'user' || i || '@mail-box.jp', (ARRAY['Emily Johnson', 'James Miller', '山田 太郎', '佐藤 花子'])[1 + i % 4],
                   '+81 90-' || lpad((i % 10000)::text, 4, '0') || '-' || lpad((i * 7 % 10000)::text, 4, '0'),
                   (ARRAY['standard', 'gold', 'platinum'])[1 + i % 3], timestamptz '2026-01-01' + i * interval '1 minute'
              FROM generate_series(1, 200000) i;
            INSERT INTO cards SELECT i, 1 + (i * 4 / 5) % 200000, (ARRAY['visa', 'mastercard', 'jcb'])[1 + i % 3],
                   lpad((i % 10000)::text, 4, '0'), 1 + i % 12, 2027 + i % 5 FROM generate_series(1, 250000) i;
            INSERT INTO orders SELECT i, c.customer_id, c.id, (ARRAY['JPY', 'USD'])[1 + i % 2], (ARRAY['paid', 'shipped', 'refunded'])[1 + i % 3],
                   1000 + i % 50000, timestamptz '2026-06-01' + i * interval '1 minute'
              FROM generate_series(1, 300000) i JOIN cards c ON c.id = 1 + (i * 5 / 6) % 250000;
            INSERT INTO order_items SELECT o, l, 'SKU-' || (1 + (o * l) % 100), 1 + l FROM generate_series(1, 83300) o, generate_series(1, 3) l;
            ANALYZE;
            """;
    private static final String ROOTS = "id % 20 = 0";

    private SubsetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long rows = build(url);
            System.out.printf(Locale.ROOT, "source: %,d rows; roots: customers where %s; %d rounds, %d processors%n", rows, ROOTS, rounds,
                    Runtime.getRuntime().availableProcessors());
            DatasetConfig config = DatasetConfig.parse("""
                    datasets:
                      layers:
                        - name: bench
                          ids: { from: 1000000, to: 9999999 }
                          roots: [{ table: customers, where: "%s", limit: 10000 }]
                    """.formatted(ROOTS), "bench.yaml");
            MaskingKey key = MaskingKey.of("benchmark-key-not-a-secret-32by!".getBytes(StandardCharsets.UTF_8));
            double bestCopy = Double.MAX_VALUE;
            double bestSubset = Double.MAX_VALUE;
            double bestUnmasked = Double.MAX_VALUE;
            for (int round = 1; round <= rounds; round++) {
                long[] copied = new long[1];
                double copy = Timing.seconds(() -> copied[0] = copy(url));
                Path repo = Files.createTempDirectory("prod2test-bench-dataset");
                Datasets.Result[] result = new Datasets.Result[1];
                double subset = Timing.seconds(() -> result[0] = Datasets.generate(SourceDatabase.of(url), repo, "bench", config,
                        Masker.create(MaskingPolicy.defaults(), key), LocalDate.of(2026, 11, 21)));
                Datasets.Written layer = result[0].files().get(1);
                long bytes = Files.size(layer.file());
                delete(repo);
                // The same without masking (a policy with no rules and no detectors): what the subsetting itself costs.
                Path bare = Files.createTempDirectory("prod2test-bench-dataset");
                double unmasked = Timing.seconds(() -> Datasets.generate(SourceDatabase.of(url), bare, "bench", config,
                        Masker.create(MaskingPolicy.of(false, List.of()), key), LocalDate.of(2026, 11, 21)));
                delete(bare);
                bestUnmasked = Math.min(bestUnmasked, unmasked);
                bestCopy = Math.min(bestCopy, copy);
                bestSubset = Math.min(bestSubset, subset);
                System.out.printf(Locale.ROOT, "round %d: COPY (SELECT ...) %,d rows in %.2f s; prod2test subset %,d rows %s (%.1f MB SQL) in %.2f s"
                        + " (%.1fx), of which masking %.2f s (unmasked subset %.2f s, %.1fx)%n", round, copied[0], copy, layer.rows(),
                        new TreeMap<>(layer.rowsByTable()), bytes / 1e6, subset, subset / copy, subset - unmasked, unmasked, unmasked / copy);
                if (copied[0] != layer.rows()) {
                    System.out.println("  (row counts differ: the reference and the subset did not take the same rows)");
                }
            }
            System.out.printf(Locale.ROOT, "best: COPY %.2f s, prod2test %.2f s (ratio %.1fx), prod2test without masking %.2f s (ratio %.1fx)%n",
                    bestCopy, bestSubset, bestSubset / bestCopy, bestUnmasked, bestUnmasked / bestCopy);
        }
    }

    private static long build(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            s.execute(DATA);
            long total = 0;
            for (String table : List.of("products", "customers", "cards", "orders", "order_items")) {
                try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return total;
        }
    }

    /** The same rows by hand-written COPY: the roots, their cards, their orders (and the cards those use), the orders' lines. */
    private static long copy(String url) throws Exception {
        Map<String, String> queries = Map.of(
                "customers", "SELECT * FROM customers WHERE " + ROOTS,
                "cards", "SELECT * FROM cards WHERE customer_id % 20 = 0 OR id IN (SELECT card_id FROM orders WHERE customer_id % 20 = 0)",
                "orders", "SELECT * FROM orders WHERE customer_id % 20 = 0 OR card_id IN (SELECT id FROM cards WHERE customer_id % 20 = 0)",
                "order_items", "SELECT * FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE customer_id % 20 = 0"
                        + " OR card_id IN (SELECT id FROM cards WHERE customer_id % 20 = 0))");
        long lines = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String query : queries.values()) {
                CountingLines out = new CountingLines();
                copy.copyOut("COPY (" + query + ") TO STDOUT", out);
                lines += out.lines;
            }
        }
        return lines;
    }

    private static final class CountingLines extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

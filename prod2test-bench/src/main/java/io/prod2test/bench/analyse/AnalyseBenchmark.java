package io.prod2test.bench.analyse;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.core.ingest.RequestFacts;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.examples.simulator.Journey;
import io.prod2test.examples.simulator.UsageModel;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The analysis against a single aggregate scan of the same table, side by side in one run.
 *
 * <p>Traffic is generated straight into a fresh store with COPY (not through the services): sessions
 * draw their journey from the simulator's {@link UsageModel#standard() standard usage model} and
 * make the shop calls that journey makes (with the payments calls they cause, in the same trace),
 * statuses and bodies included, so the analysis has the flows, errors, retries, odd amounts and
 * concurrent shipments of real simulator traffic. Each row carries the request facts the ingest
 * computes while it loads an exchange ({@link RequestFacts}, by the same code), so the analysis reads
 * them as it would after a real ingest. Then, per round, the wall time of
 * {@code SELECT route_id, count(*) FROM exchanges GROUP BY route_id} and of the full analysis.
 *
 * <pre>
 *   scripts/bench analyse [--sessions N] [--rounds N] [--server JDBC_URL] [--keep]
 * </pre>
 * {@code --server} is a PostgreSQL server URL whose user may create databases (default the
 * machine's 127.0.0.1:5432 as postgres); the benchmark makes its own database there and drops it
 * after unless {@code --keep}.
 */
public final class AnalyseBenchmark {
    private static final int BATCH = 20_000;

    /** One call a journey makes: service, method, template, a concrete path maker, status, body and children. */
    private record Call(int route, String path, int status, String body, String idemKey, int durationMs, List<Call> children) {
    }

    private static final String[][] ROUTES = {
        {"shop", "GET", "/products"}, {"shop", "GET", "/products/{id}"}, {"shop", "POST", "/customers"},
        {"shop", "POST", "/customers/{id}/cards"}, {"shop", "POST", "/carts"}, {"shop", "POST", "/carts/{id}/items"},
        {"shop", "GET", "/carts/{id}"}, {"shop", "POST", "/carts/{id}/checkout"}, {"shop", "POST", "/orders/{id}/authenticate"},
        {"shop", "POST", "/orders/{id}/shipments"}, {"shop", "GET", "/orders/{id}"}, {"shop", "POST", "/orders/{id}/refunds"},
        {"shop", "PUT", "/customers/{id}/kyc"}, {"shop", "GET", "/customers/{id}"}, {"shop", "GET", "/customers/{id}/orders"},
        {"shop", "GET", "/customers/{id}/cards"}, {"shop", "DELETE", "/customers/{id}/cards/{id}"},
        {"payments", "POST", "/tokens"}, {"payments", "POST", "/payments"}, {"payments", "POST", "/payments/{id}/3ds/confirm"},
        {"payments", "POST", "/payments/{id}/capture"}, {"payments", "POST", "/payments/{id}/refunds"},
    };
    private static final int PRODUCTS = 1, PRODUCT = 2, CUSTOMERS = 3, CARDS = 4, CARTS = 5, ITEMS = 6, CART = 7, CHECKOUT = 8,
            AUTHENTICATE = 9, SHIPMENTS = 10, ORDER = 11, REFUNDS = 12, KYC = 13, CUSTOMER = 14, ORDERS = 15, CARD_LIST = 16,
            CARD_DELETE = 17, TOKENS = 18, PAYMENTS = 19, CONFIRM = 20, CAPTURE = 21, PAYMENT_REFUNDS = 22;

    public static void main(String[] args) throws Exception {
        int sessions = 1_000_000;
        int rounds = 2;
        String server = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--server" -> server = args[++i];
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: scripts/bench analyse [--sessions N] [--rounds N] [--server JDBC_URL] [--keep]");
                    System.exit(2);
                }
            }
        }
        String database = "prod2test_bench_analyse_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(server)) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (AnalysisStore store = AnalysisStore.open(new StoreLocation(url, null))) {
            long started = System.nanoTime();
            long exchanges = generate(store, sessions);
            System.out.printf(Locale.ROOT, "generated %,d exchanges in %,d sessions in %.1f s%n", exchanges, sessions, (System.nanoTime() - started) / 1e9);
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE exchanges");
                s.execute("VACUUM ANALYZE sessions");
                try (ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('exchanges'))")) {
                    rs.next();
                    System.out.println("exchanges table: " + rs.getString(1));
                }
            }
            for (int round = 1; round <= rounds; round++) {
                double scan = scan(store);
                long t = System.nanoTime();
                Map<String, Double> steps = new LinkedHashMap<>();
                long[] last = {t};
                String[] current = {null};
                Analysis analysis = Analyser.analyse(store, AnalysisOptions.defaults(), step -> {
                    long now = System.nanoTime();
                    if (current[0] != null) {
                        steps.put(current[0], (now - last[0]) / 1e9);
                    }
                    current[0] = step;
                    last[0] = now;
                });
                long end = System.nanoTime();
                steps.put(current[0], (end - last[0]) / 1e9);
                double analyse = (end - t) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: scan (SELECT route_id, count(*) ... GROUP BY route_id) %.2f s; full analysis %.2f s;"
                                + " ratio %.2fx (%,d flows, %,d edge cases, %,d sub-flows)%n",
                        round, scan, analyse, analyse / scan, analysis.flows().size(), analysis.edgeCases().size(), analysis.subFlows().size());
                steps.forEach((step, seconds) -> System.out.printf(Locale.ROOT, "    %-28s %6.2f s%n", step, seconds));
            }
        } finally {
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(server)) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } else {
                System.out.println("kept database " + database);
            }
        }
    }

    private static double scan(AnalysisStore store) throws SQLException {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            long rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT route_id, count(*) FROM exchanges GROUP BY route_id")) {
                while (rs.next()) {
                    rows += rs.getLong(2);
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            if (rows == 0) {
                throw new IllegalStateException("the scan found no exchanges");
            }
            return seconds;
        }
    }

    /** Writes routes, sessions and exchanges with COPY; the number of exchanges. */
    static long generate(AnalysisStore store, int sessions) throws SQLException, IOException {
        try (Connection c = store.connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sources (id, fingerprint, path, format, service) VALUES (1, 'bench', 'generated', 'jsonl', NULL)");
                for (int i = 0; i < ROUTES.length; i++) {
                    s.execute(String.format(Locale.ROOT, "INSERT INTO routes (id, service, method, template, origin) VALUES (%d, '%s', '%s', '%s', 'inferred')",
                            i + 1, ROUTES[i][0], ROUTES[i][1], ROUTES[i][2]));
                }
            }
            // A bulk load into a fresh database, as a restore would do it: foreign keys unchecked and
            // the secondary indexes built once at the end rather than row by row.
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("DROP INDEX exchanges_session_key_ts, exchanges_trace_id, exchanges_service_method_shape");
            }
            UsageModel model = UsageModel.standard();
            StringBuilder rows = new StringBuilder(BATCH * 300);
            StringBuilder sessionRows = new StringBuilder(BATCH * 80);
            long id = 0;
            long epoch = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
            int pending = 0;
            for (int n = 0; n < sessions; n++) {
                SplittableRandom random = new SplittableRandom(0x5EED ^ (n * 0x9E3779B97F4A7C15L));
                Journey journey = model.pick(random);
                List<Call> calls = journey(journey, random, n);
                String key = String.format(Locale.ROOT, "sid-%016x", n * 0x9E3779B97F4A7C15L);
                long ts = epoch + (long) n * 2_000 + random.nextInt(1_000);
                long start = ts;
                int count = 0;
                for (Call call : calls) {
                    // the second of two concurrent shipments starts while the first still runs
                    ts += call.route() == SHIPMENTS && call.status() == 409 ? 2 : 500 + random.nextInt(4_000);
                    String trace = Long.toHexString(random.nextLong()) + Long.toHexString(n);
                    row(rows, ++id, ts, call, key, n + 1, trace);
                    count++;
                    long childTs = ts + 1;
                    for (Call child : call.children()) {
                        row(rows, ++id, childTs++, child, "", n + 1, trace);
                        count++;
                    }
                }
                sessionRows.append(n + 1).append('\t').append(key).append('\t').append(iso(start)).append('\t').append(iso(ts)).append('\t')
                        .append(count).append('\n');
                if (++pending == BATCH / 10) {
                    flush(copy, rows, sessionRows);
                    pending = 0;
                }
            }
            flush(copy, rows, sessionRows);
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = DEFAULT");
                s.execute("CREATE INDEX exchanges_session_key_ts ON exchanges (session_key, ts)");
                s.execute("CREATE INDEX exchanges_trace_id ON exchanges (trace_id) WHERE trace_id IS NOT NULL");
                s.execute("CREATE INDEX exchanges_service_method_shape ON exchanges (service, method, path_shape)");
            }
            return id;
        }
    }

    private static void flush(CopyManager copy, StringBuilder rows, StringBuilder sessionRows) throws SQLException, IOException {
        if (!sessionRows.isEmpty()) {
            try (Reader r = new StringReader(sessionRows.toString())) {
                copy.copyIn("COPY sessions (id, session_key, started_at, ended_at, exchanges) FROM STDIN", r);
            }
            sessionRows.setLength(0);
        }
        if (!rows.isEmpty()) {
            try (Reader r = new StringReader(rows.toString())) {
                copy.copyIn("COPY exchanges (id, source_id, ordinal, ts, service, method, path, path_shape, request_headers, request_body,"
                        + " status, duration_ms, session_key, session_id, trace_id, route_id,"
                        + " request_facts, idempotency_key, request_body_hash, request_shape, request_odd_values) FROM STDIN", r);
            }
            rows.setLength(0);
        }
    }

    private static void row(StringBuilder out, long id, long ts, Call call, String key, long session, String trace) {
        String[] route = ROUTES[call.route() - 1];
        out.append(id).append("\t1\t").append(id).append('\t').append(iso(ts)).append('\t').append(route[0]).append('\t').append(route[1])
                .append('\t').append(call.path()).append('\t').append(route[2]).append('\t')
                .append(call.idemKey() == null ? "\\N" : "{\"idempotency-key\": \"" + call.idemKey() + "\"}").append('\t')
                .append(call.body() == null ? "\\N" : call.body()).append('\t').append(call.status()).append('\t').append(call.durationMs())
                .append('\t').append(key.isEmpty() ? "\\N" : key).append('\t').append(session).append('\t').append(trace).append('\t')
                .append(call.route());
        // the request facts the ingest computes for every exchange, by the same code
        for (Object value : RequestFacts.of(call.idemKey(), call.body()).columns()) {
            out.append('\t');
            copyText(out, value);
        }
        out.append('\n');
    }

    /** A value in COPY's text format. */
    private static void copyText(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static Call call(int route, String path, int status, String body, SplittableRandom random, Call... children) {
        return new Call(route, path, status, body, null, 3 + random.nextInt(20) + (random.nextInt(1000) == 0 ? 900 : 0), List.of(children));
    }

    /** The calls of one session of a journey, as the simulator's JourneySteps makes them. */
    static List<Call> journey(Journey journey, SplittableRandom r, int n) {
        List<Call> calls = new ArrayList<>();
        String customer = "/customers/" + (1000 + n); // the customer the session signs up; a regular customer is older
        String cart = "/carts/cart_" + Integer.toHexString(n);
        String order = "/orders/" + (5000 + n);
        String payment = "/payments/pay_" + Integer.toHexString(n);
        String key = "k-" + Integer.toHexString(n);
        calls.add(call(PRODUCTS, "/products", 200, null, r));
        int views = journey == Journey.BROWSE_ONLY ? 1 + r.nextInt(4) : r.nextInt(3);
        for (int i = 0; i < views; i++) {
            calls.add(call(PRODUCT, "/products/TEA-" + r.nextInt(40), 200, null, r));
        }
        if (journey == Journey.BROWSE_ONLY) {
            return calls;
        }
        if (journey == Journey.REGULAR_CUSTOMER) {
            // a customer who signed up before the window (ids below the sessions' 1000 + n): no sign-up, a new card
            int regular = 1 + r.nextInt(500);
            customer = "/customers/" + regular;
            calls.add(call(CUSTOMER, customer, 200, null, r));
            String card = "{\"number\": \"4242424242424242\", \"expMonth\": 12, \"expYear\": 2030, \"cvc\": \"123\"}";
            calls.add(call(CARDS, customer + "/cards", 201, card, r, call(TOKENS, "/tokens", 201, card, r)));
            calls.add(call(CARTS, "/carts", 201, "{\"customerId\": " + regular + ", \"currency\": \"JPY\"}", r));
            int lines = 1 + r.nextInt(3);
            for (int i = 0; i < lines; i++) {
                calls.add(call(ITEMS, cart + "/items", 200, "{\"sku\": \"TEA-" + r.nextInt(40) + "\", \"quantity\": " + (1 + r.nextInt(3)) + "}", r));
            }
            calls.add(call(CART, cart, 200, null, r));
            String pay = "{\"token\": \"tok_" + n + "\", \"amount\": 4980, \"currency\": \"JPY\"}";
            calls.add(new Call(CHECKOUT, cart + "/checkout", 201, "{\"cardId\": \"card_" + n + "\"}", key, 20 + r.nextInt(30),
                    List.of(new Call(PAYMENTS, "/payments", 201, pay, "shop-" + key, 10 + r.nextInt(10), List.of()))));
            calls.add(call(SHIPMENTS, order + "/shipments", 201, "{}", r, call(CAPTURE, payment + "/capture", 201, "{\"currency\": \"JPY\"}", r)));
            calls.add(call(ORDER, order, 200, null, r));
            return calls;
        }
        String person = "{\"email\": \"user" + n + "@example.com\", \"name\": \"山田 花子\", \"phone\": \"090-0000-0000\", \"locale\": \"ja-JP\"}";
        boolean refused = switch (journey) {
            case NAME_TOO_LONG, UNDERAGE_SIGNUP, INVALID_EMAIL -> true;
            default -> false;
        };
        calls.add(call(CUSTOMERS, "/customers", refused ? 422 : 201, person, r));
        switch (journey) {
            case NAME_TOO_LONG, UNDERAGE_SIGNUP -> {
                return calls;
            }
            case INVALID_EMAIL -> {
                calls.add(call(CUSTOMERS, "/customers", 201, person, r));
                return calls;
            }
            case DUPLICATE_SIGNUP -> {
                calls.add(call(CUSTOMERS, "/customers", 409, person, r));
                return calls;
            }
            case KYC_VERIFIED, KYC_INVALID_MY_NUMBER -> {
                boolean wrong = journey == Journey.KYC_INVALID_MY_NUMBER;
                calls.add(call(KYC, customer + "/kyc", wrong ? 422 : 200, "{\"myNumber\": \"123456789012\"}", r));
                calls.add(wrong ? call(KYC, customer + "/kyc", 200, "{\"myNumber\": \"123456789018\"}", r) : call(CUSTOMER, customer, 200, null, r));
                return calls;
            }
            default -> { }
        }
        String card = "{\"number\": \"4242424242424242\", \"expMonth\": 12, \"expYear\": 2030, \"cvc\": \"123\"}";
        calls.add(call(CARDS, customer + "/cards", 201, card, r, call(TOKENS, "/tokens", 201, card, r)));
        if (journey == Journey.DELETE_SAVED_CARD) {
            calls.add(call(CARDS, customer + "/cards", 201, card, r, call(TOKENS, "/tokens", 201, card, r)));
            calls.add(call(CARD_LIST, customer + "/cards", 200, null, r));
            calls.add(call(CARD_DELETE, customer + "/cards/card_" + n, 204, null, r));
            calls.add(call(CARD_LIST, customer + "/cards", 200, null, r));
            return calls;
        }
        int purchases = journey == Journey.RETURNING_BUYER ? 3 + r.nextInt(3) : 1;
        for (int p = 0; p < purchases; p++) {
            String thisCart = cart + "-" + p;
            String thisOrder = order + "-" + p;
            String currency = journey == Journey.USD_PURCHASE ? "USD" : "JPY";
            calls.add(call(CARTS, "/carts", 201, "{\"customerId\": " + (1000 + n) + ", \"currency\": \"" + currency + "\"}", r));
            String amount = "4980";
            if (journey == Journey.GIFT_CARD_EDGE_AMOUNTS) {
                amount = List.of("0", "1", "1000000", "4980.5").get(r.nextInt(4));
                calls.add(call(ITEMS, thisCart + "/items", 200, "{\"sku\": \"GIFT-CARD\", \"quantity\": 1, \"amount\": " + amount + "}", r));
            } else {
                int lines = 1 + r.nextInt(3);
                for (int i = 0; i < lines; i++) {
                    calls.add(call(ITEMS, thisCart + "/items", 200, "{\"sku\": \"TEA-" + r.nextInt(40) + "\", \"quantity\": " + (1 + r.nextInt(3)) + "}", r));
                }
            }
            calls.add(call(CART, thisCart, 200, null, r));
            if (journey == Journey.ABANDONED_CART) {
                return calls;
            }
            String pay = "{\"token\": \"tok_" + n + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\"}";
            boolean declined = journey == Journey.DECLINED_CARD || journey == Journey.EXPIRED_CARD;
            boolean invalid = amount.equals("0") || amount.equals("4980.5");
            int status = declined ? 402 : invalid ? 422 : 201;
            Call checkout = new Call(CHECKOUT, thisCart + "/checkout", status, "{\"cardId\": \"card_" + n + "\"}", key + p, 20 + r.nextInt(30),
                    List.of(new Call(PAYMENTS, "/payments", status, pay, "shop-" + key + p, 10 + r.nextInt(10), List.of())));
            calls.add(checkout);
            if (journey == Journey.DOUBLE_SUBMIT) {
                calls.add(new Call(CHECKOUT, thisCart + "/checkout", 200, checkout.body(), key + p, 15,
                        List.of(new Call(PAYMENTS, "/payments", 201, pay, "shop-" + key + p, 8, List.of()))));
            }
            if (declined || invalid) {
                return calls;
            }
            boolean challenged = journey == Journey.THREE_DS_PASSED || journey == Journey.THREE_DS_FAILED;
            if (challenged) {
                boolean failed = journey == Journey.THREE_DS_FAILED;
                calls.add(call(AUTHENTICATE, thisOrder + "/authenticate", failed ? 402 : 200, "{\"otp\": \"123456\"}", r,
                        call(CONFIRM, payment + "/3ds/confirm", failed ? 402 : 200, "{\"otp\": \"123456\"}", r)));
                if (failed) {
                    calls.add(call(ORDER, thisOrder, 200, null, r));
                    return calls;
                }
            }
            String capture = "{\"currency\": \"" + currency + "\"}";
            calls.add(call(SHIPMENTS, thisOrder + "/shipments", 201, "{}", r, call(CAPTURE, payment + "/capture", 201, capture, r)));
            if (journey == Journey.CONCURRENT_SHIPMENTS) {
                calls.add(new Call(SHIPMENTS, thisOrder + "/shipments", 409, "{}", null, 5,
                        List.of(new Call(CAPTURE, payment + "/capture", 409, capture, null, 3, List.of()))));
            }
            if (journey == Journey.PARTIAL_REFUND || journey == Journey.REFUND_ABOVE_CAPTURED) {
                int refundStatus = journey == Journey.PARTIAL_REFUND ? 201 : 422;
                String refund = "{\"amount\": 1000, \"reason\": \"damaged\"}";
                calls.add(call(REFUNDS, thisOrder + "/refunds", refundStatus, refund, r, call(PAYMENT_REFUNDS, payment + "/refunds", refundStatus, refund, r)));
            }
            calls.add(call(ORDER, thisOrder, 200, null, r));
        }
        if (journey == Journey.RETURNING_BUYER) {
            calls.add(call(CUSTOMER, customer, 200, null, r));
            calls.add(call(ORDERS, customer + "/orders", 200, null, r));
        }
        return calls;
    }
}

package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.core.ingest.StoreLoader.Loaded;
import io.prod2test.core.ingest.StoreLoader.LoadedExchange;
import io.prod2test.core.ingest.StoreLoader.LoadedRejection;
import io.prod2test.core.ingest.format.DownstreamCall;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLoaderIT {
    @TempDir
    static Path workdir;
    static AnalysisStore store;

    @BeforeAll
    static void start() {
        store = AnalysisStore.open(StoreLocation.embeddedUnder(workdir));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE downstream_calls, quarantine, exchanges, routes, sessions, sources");
        }
    }

    private static LoadedExchange exchange(long ordinal, String session, Instant ts, String method, String path, int status) {
        Exchange e = Exchange.builder(ts, method, path).service("shop").status(status)
                .requestBody(ExchangeJson.bodyOf("{\"note\":\"tab\\there\\\\ and \\\"quotes\\\" 日本\"}"))
                .requestHeaders(Map.of("user-agent", "test")).traceId("t" + ordinal).build();
        return new LoadedExchange(ordinal, new MaskedExchange(e, List.of()), session, RouteTemplates.shape(path));
    }

    @Test
    void loadsBatchesAndResumesAfterTheLastCommittedOne() throws Exception {
        try (Connection c = store.connect()) {
            StoreLoader.Source source = StoreLoader.register(c, "fp-1", "a.jsonl", "jsonl", "shop");
            Instant t = Instant.parse("2026-11-02T09:00:00Z");
            StoreLoader.commit(c, source, List.of(exchange(1, "s1", t, "GET", "/products", 200),
                    new LoadedRejection(2, 2, "not JSON", "masked text")), 2);

            StoreLoader.Source again = StoreLoader.register(c, "fp-1", "renamed.jsonl", "jsonl", "shop");
            assertThat(again).isEqualTo(new StoreLoader.Source(source.id(), 2));
            StoreLoader.commit(c, again, List.of(exchange(3, "s1", t.plusSeconds(5), "GET", "/products/KETTLE", 200)), 3);

            assertThat(count(c, "exchanges")).isEqualTo(2);
            assertThat(count(c, "quarantine")).isEqualTo(1);
            assertThat(query(c, "SELECT committed_through || '/' || loaded || '/' || quarantined || ' ' || path FROM sources"))
                    .isEqualTo("3/2/1 renamed.jsonl");
            assertThat(query(c, "SELECT request_body->>'note' FROM exchanges WHERE ordinal = 1")).isEqualTo("tab\there\\ and \"quotes\" 日本");
            assertThat(query(c, "SELECT id::text FROM exchanges WHERE ordinal = 3")).isEqualTo(String.valueOf(source.id() * 1_000_000_000_000L + 3));
        }
    }

    @Test
    void storesTheRequestFactsOfEachExchangeAsPostgresDerivesThemFromItsBody() throws Exception {
        try (Connection c = store.connect()) {
            StoreLoader.Source source = StoreLoader.register(c, "fp-facts", "f.jsonl", "jsonl", "shop");
            Instant t = Instant.parse("2026-11-02T09:00:00Z");
            Exchange e = Exchange.builder(t, "POST", "/payments").service("shop").status(201)
                    .requestBody(ExchangeJson.bodyOf("{\"currency\":\"JPY\",\"amount\":4980.5,\"note\":\"\",\"items\":[1,2]}"))
                    .requestHeaders(Map.of("Idempotency-Key", "k-1")).build();
            StoreLoader.commit(c, source, List.of(new LoadedExchange(1, new MaskedExchange(e, List.of()), "s1", RouteTemplates.shape("/payments")),
                    exchange(2, "s1", t.plusSeconds(1), "GET", "/products", 200)), 2);

            assertThat(query(c, "SELECT string_agg((request_facts = 1 AND request_body_hash = hashtextextended(request_body::text, 0)"
                    + " AND idempotency_key IS NOT DISTINCT FROM request_headers ->> 'idempotency-key'"
                    + " AND request_shape = jsonb_path_query_array(request_body, '$.keyvalue().key')::text"
                    + " || jsonb_path_query_array(request_body, '$.*.type()')::text)::text, ',' ORDER BY ordinal) FROM exchanges"))
                    .isEqualTo("true,true");
            assertThat(query(c, "SELECT idempotency_key || ' ' || request_odd_values::text FROM exchanges WHERE ordinal = 1"))
                    .isEqualTo("k-1 {decimals-in-zero-decimal-currency|$.amount,empty|$.note}");
        }
    }

    @Test
    void refusesABatchBehindTheMarkSoNothingLoadsTwice() throws Exception {
        try (Connection c = store.connect()) {
            StoreLoader.Source source = StoreLoader.register(c, "fp-2", "b.jsonl", "jsonl", "shop");
            Instant t = Instant.parse("2026-11-02T09:00:00Z");
            StoreLoader.commit(c, source, List.of(exchange(1, "s1", t, "GET", "/a", 200)), 1);

            assertThatThrownBy(() -> StoreLoader.commit(c, source, List.of(exchange(1, "s1", t, "GET", "/a", 200)), 1))
                    .isInstanceOf(SQLException.class);
            assertThat(count(c, "exchanges")).isEqualTo(1);
        }
    }

    @Test
    void derivesRoutesAndCutsSessionsByInactivity() throws Exception {
        try (Connection c = store.connect()) {
            StoreLoader.Source source = StoreLoader.register(c, "fp-3", "c.jsonl", "jsonl", "shop");
            Instant t = Instant.parse("2026-11-02T09:00:00Z");
            List<Loaded> records = new ArrayList<>();
            records.add(exchange(1, "s1", t, "GET", "/customers/812/orders", 200));
            records.add(exchange(2, "s1", t.plusSeconds(60), "GET", "/customers/913/orders", 200));
            records.add(exchange(3, "s1", t.plusSeconds(60 + 31 * 60), "GET", "/customers/812/orders", 200)); // after 31 idle minutes
            records.add(exchange(4, "s2", t.plusSeconds(10), "POST", "/customers", 201));
            records.add(new LoadedExchange(5, new MaskedExchange(Exchange.builder(t.plusSeconds(11), "POST", "/payments")
                    .service("payments").status(201).traceId("t4").clientIp("127.0.0.1").build(),
                    List.of(new DownstreamCall(t.plusSeconds(11), "POST", "http://bank/authorise", 200, 5L, "00f067aa0ba902b7", "bank"))),
                    "client:127.0.0.1|Java-http-client", "/payments"));
            records.add(new LoadedExchange(6, new MaskedExchange(Exchange.builder(t.plusSeconds(12), "GET", "/health")
                    .service("payments").status(200).clientIp("127.0.0.1").build(), List.of()), "client:127.0.0.1|Java-http-client", "/health"));
            StoreLoader.commit(c, source, records, 6);

            Derivations.Result result = Derivations.derive(c, Duration.ofMinutes(30));

            assertThat(result.sessions()).as("the payments call joins its caller's session; only the untraced probe gets a weak one")
                    .isEqualTo(4);
            assertThat(result.routes()).isEqualTo(4);
            assertThat(query(c, "SELECT string_agg(r.template, ',' ORDER BY e.ordinal) FROM exchanges e JOIN routes r ON r.id = e.route_id"))
                    .isEqualTo("/customers/{id}/orders,/customers/{id}/orders,/customers/{id}/orders,/customers,/payments,/health");
            assertThat(query(c, "SELECT string_agg(session_id::text, ',' ORDER BY ordinal) FROM exchanges")).isEqualTo("1,1,3,2,2,4");
            assertThat(count(c, "downstream_calls")).isEqualTo(1);

            Derivations.Result again = Derivations.derive(c, Duration.ofMinutes(30));
            assertThat(again).isEqualTo(result);
            assertThat(query(c, "SELECT string_agg(session_id::text, ',' ORDER BY ordinal) FROM exchanges")).isEqualTo("1,1,3,2,2,4");
        }
    }

    @Test
    void rederivingWritesOnlyWhatChangedAndKeepsRouteAndSessionIds() throws Exception {
        try (Connection c = store.connect()) {
            StoreLoader.Source source = StoreLoader.register(c, "fp-4", "d.jsonl", "jsonl", "shop");
            Instant t = Instant.parse("2026-11-02T09:00:00Z");
            StoreLoader.commit(c, source, List.of(
                    exchange(1, "s1", t, "GET", "/customers/812/orders", 200),
                    exchange(2, "s2", t.plusSeconds(10), "GET", "/products", 200),
                    exchange(3, "s1", t.plusSeconds(60), "POST", "/customers", 201)), 3);
            Derivations.derive(c, Duration.ofMinutes(30));
            String rows = "SELECT string_agg(ordinal || ':' || route_id || ':' || session_id || '@' || xmin::text, ',' ORDER BY ordinal)"
                    + " FROM exchanges WHERE ordinal <= 3";
            String before = query(c, rows);
            String routes = query(c, "SELECT string_agg(id || '=' || method || ' ' || template, ',' ORDER BY id) FROM routes");

            Derivations.derive(c, Duration.ofMinutes(30));
            assertThat(query(c, rows)).as("an unchanged store: no exchange row is rewritten").isEqualTo(before);

            // A later load: one more call in s1's session, one new session, one new route.
            StoreLoader.commit(c, source, List.of(
                    exchange(4, "s1", t.plusSeconds(120), "GET", "/customers/913/orders", 200),
                    exchange(5, "s3", t.plusSeconds(5), "GET", "/health", 200)), 5);
            Derivations.Result result = Derivations.derive(c, Duration.ofMinutes(30));

            assertThat(result).isEqualTo(new Derivations.Result(4, 3));
            assertThat(query(c, rows)).as("the earlier rows keep their route and session, untouched").isEqualTo(before);
            assertThat(query(c, "SELECT string_agg(id || '=' || method || ' ' || template, ',' ORDER BY id) FROM routes"))
                    .startsWith(routes).endsWith(",4=GET /health");
            assertThat(query(c, "SELECT route_id || ':' || session_id FROM exchanges WHERE ordinal = 4"))
                    .isEqualTo(query(c, "SELECT route_id || ':' || session_id FROM exchanges WHERE ordinal = 1"));
            assertThat(query(c, "SELECT session_id::text FROM exchanges WHERE ordinal = 5")).as("new sessions follow the old ones")
                    .isEqualTo("3");
            assertThat(query(c, "SELECT exchanges || ' ' || (ended_at - started_at) FROM sessions WHERE id = 1"))
                    .as("s1's session grew").isEqualTo("3 00:02:00");
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(query(c, "SELECT count(*)::text FROM " + table));
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestIT {
    static final MaskingKey KEY = MaskingKey.of("ingest-test-key-of-32-bytes!!!!!".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path workdir;
    static AnalysisStore store;

    @BeforeAll
    static void start() {
        store = AnalysisStore.open(StoreLocation.embeddedUnder(workdir.resolve("store")));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static Ingest ingest(Ingest.Options options) {
        return new Ingest(store, new MaskingHook(Masker.create(MaskingPolicy.defaults(), KEY)), LogFormats.standard(), options);
    }

    /** Session ids as real frameworks make them: wide enough that a surrogate never meets another raw one. */
    static String rawSession(int i) {
        return String.format("sid-%016x", (i + 1) * 0x9E3779B97F4A7C15L);
    }

    /** Synthetic traffic with planted personal values, one session per customer, and a few bad lines. */
    static void writeTraffic(Writer out, int customers) throws IOException {
        for (int i = 0; i < customers; i++) {
            String email = "planted.user" + i + "@example.org";
            String sid = rawSession(i);
            String minute = String.format("%02d", i % 60);
            out.write("{\"ts\":\"2026-11-02T09:" + minute + ":01Z\",\"service\":\"shop\",\"method\":\"POST\",\"path\":\"/customers\","
                    + "\"requestHeaders\":{\"cookie\":\"sid=" + sid + "\",\"x-forwarded-for\":\"198.18.0." + (i % 250) + "\"},"
                    + "\"requestBody\":{\"email\":\"" + email + "\",\"phone\":\"090-1234-" + String.format("%04d", i) + "\",\"name\":\"山田 花子\"},"
                    + "\"status\":201,\"responseBody\":{\"id\":" + (800 + i) + "},\"durationMs\":12,\"sessionId\":\"" + sid + "\"}\n");
            out.write("{\"ts\":\"2026-11-02T09:" + minute + ":05Z\",\"service\":\"shop\",\"method\":\"POST\",\"path\":\"/customers/" + (800 + i) + "/cards\","
                    + "\"requestBody\":{\"number\":\"4242424242424242\",\"cvc\":\"123\"},\"status\":201,\"sessionId\":\"" + sid + "\"}\n");
            if (i % 50 == 7) {
                out.write("{\"ts\":\"not a time\",\"method\":\"GET\",\"path\":\"/x\",\"status\":200,\"requestBody\":{\"email\":\"" + email + "\"}}\n");
                out.write("truncated {\"email\":\"" + email + "\"\n");
            }
        }
    }

    @Test
    void loadsMaskedTrafficCountsEveryRecordAndNeverLoadsTwice() throws Exception {
        Path file = workdir.resolve("shop.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file));
             Writer out = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            writeTraffic(out, 200);
        }

        Ingest.Summary first = ingest(Ingest.Options.defaults().withBatchSize(64)).run(List.of(file), Ingest.Progress.NONE);

        assertThat(first.read()).isEqualTo(408);
        assertThat(first.loaded()).isEqualTo(400);
        assertThat(first.quarantined()).isEqualTo(8);
        assertThat(first.skipped()).isZero();
        assertThat(first.sessions()).isEqualTo(200);
        assertThat(first.files()).singleElement().extracting(Ingest.FileSummary::format).isEqualTo("jsonl");
        try (Connection c = store.connect()) {
            assertThat(query(c, "SELECT string_agg(DISTINCT r.template, ',') FROM exchanges e JOIN routes r ON r.id = e.route_id"))
                    .isEqualTo("/customers,/customers/{id}/cards");
            String everything = dump(c);
            assertThat(everything).doesNotContain("planted.user", "4242424242424242", "090-1234-0", "山田", "198.18.0.");
            for (int i = 0; i < 200; i++) {
                assertThat(everything).doesNotContain(rawSession(i));
            }
            assertThat(query(c, "SELECT count(DISTINCT session_key)::text FROM exchanges")).isEqualTo("200");
        }

        Ingest.Summary again = ingest(Ingest.Options.defaults()).run(List.of(file), Ingest.Progress.NONE);

        assertThat(again.read()).isEqualTo(408);
        assertThat(again.skipped()).isEqualTo(408);
        assertThat(again.loaded() + again.quarantined()).isZero();
        try (Connection c = store.connect()) {
            assertThat(query(c, "SELECT count(*)::text FROM exchanges")).isEqualTo("400");
        }
    }

    @Test
    void takesRouteTemplatesFromAnOpenApiDocumentAndInfersTheRest() throws Exception {
        Path file = workdir.resolve("documented.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTraffic(out, 20);
            out.write("{\"ts\":\"2026-11-02T10:00:00Z\",\"service\":\"shop\",\"method\":\"GET\",\"path\":\"/undocumented/42\",\"status\":404}\n");
        }
        OpenApiRoutes shop = OpenApiRoutes.read(Path.of("src/test/resources/ingest/openapi/shop.yaml"));

        ingest(Ingest.Options.defaults().withOpenApi(java.util.Map.of("shop", shop))).run(List.of(file), Ingest.Progress.NONE);

        try (Connection c = store.connect()) {
            assertThat(query(c, "SELECT string_agg(DISTINCT r.template || ' ' || r.origin, ', ') FROM exchanges e"
                    + " JOIN routes r ON r.id = e.route_id JOIN sources s ON s.id = e.source_id WHERE s.path LIKE '%documented.jsonl'"))
                    .isEqualTo("/customers openapi, /customers/{customerId}/cards openapi, /undocumented/{id} inferred");
        }
    }

    static String dump(Connection c) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("sources", "exchanges", "downstream_calls", "quarantine", "routes", "sessions")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnName(i);
                        if (!column.endsWith("_ingested_at") && !column.equals("path")) {
                            all.append(column).append('=').append(rs.getString(i)).append('\t');
                        }
                    }
                    all.append('\n');
                }
            }
        }
        return all.toString();
    }

    static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

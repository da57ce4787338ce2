package io.prod2test.analyse.mining;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.core.ingest.RequestFacts;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request facts computed in Java at ingest are what the analysis's SQL derives from the same
 * JSONB for rows loaded without them: both run on the same bodies and must agree on every one.
 */
class RequestFactsIT {
    @TempDir
    static Path dir;
    static AnalysisStore store;

    @BeforeAll
    static void open() {
        store = AnalysisStore.open(StoreLocation.embeddedUnder(dir));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static final String LONG = "x".repeat(201);

    static final List<String> CORPUS = List.of(
            "{}", "[]", "\"text\"", "12", "-3.5", "true", "null", "[1, 2, {\"a\": 0}]",
            "{\"a\": 1}", "{\"amount\": 0}", "{\"amount\": -0}", "{\"amount\": -0.0}", "{\"amount\": -1}", "{\"amount\": -0.5}",
            "{\"amount\": 1e6}", "{\"amount\": 1E6}", "{\"amount\": 1.0e6}", "{\"amount\": 1000000}", "{\"amount\": 1000000.0}",
            "{\"amount\": 10000000}", "{\"amount\": 5000000}", "{\"amount\": 2147483647}", "{\"amount\": 2147483648}",
            "{\"amount\": 1e100}", "{\"amount\": 1.5e1}", "{\"amount\": 1.500e2}", "{\"amount\": 1e-2}", "{\"amount\": 12.50}",
            "{\"amount\": 4980.5, \"currency\": \"JPY\"}", "{\"amount\": 4980.5, \"currency\": \"jpy\"}",
            "{\"amount\": 4980.0, \"currency\": \"JPY\"}", "{\"amount\": 4980.5, \"currency\": \"USD\"}",
            "{\"price\": 3.25, \"total\": 7.00, \"unitPrice\": 0.5, \"other\": 1.5, \"currency\": \"KRW\"}",
            "{\"amount\": 4980.0, \"currency\": \"JPY\", \"note\": \"\"}", "{\"amount\": 1.5, \"currency\": 5}",
            "{\"amount\": 1.5, \"currency\": null}", "{\"amount\": 1.5, \"currency\": [\"JPY\"]}",
            "{\"note\": \"\"}", "{\"note\": \"" + "x".repeat(200) + "\"}", "{\"note\": \"" + LONG + "\"}",
            "{\"note\": \"" + "あ".repeat(201) + "\"}", "{\"note\": \"" + "😀".repeat(101) + "\"}",
            "{\"note\": \"line\\n" + LONG + "\"}", "{\"note\": \"" + LONG + "\\nmore\"}",
            "{\"name\": \"山田 花子\"}", "{\"name\": \"𠮷野家\"}", "{\"name\": \"a😀\"}", "{\"name\": \"\\ud83d\\ude00\"}",
            "{\"esc\": \"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u00e9\"}",
            "{\"nested\": {\"amount\": 0, \"note\": \"\"}}", "{\"items\": [0]}", "{\"items\": [\"\"]}", "{\"items\": [[0]]}",
            "{\"items\": [1, 2], \"amount\": 4980.0, \"currency\": \"JPY\"}", "{\"items\": [0], \"amount\": 4980.0, \"currency\": \"JPY\"}",
            "{\"items\": [{\"qty\": 0}], \"ok\": true, \"gone\": null}",
            "{\"b\": 1, \"a\": 2, \"aa\": 3, \"é\": 4, \"z\": 5, \"B\": 6, \"_\": 7, \"ab\": 8}",
            "{\"k\": 1, \"k\": 0}", "{\"k\": 0, \"k\": 1}", "{\"k\": \"\", \"k\": {\"x\": 1}}",
            "{\"flag\": false, \"list\": [], \"obj\": {}, \"s\": \"s\", \"n\": 1, \"nul\": null}",
            "{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}", "{\"a\":1,\"b\":2}", "{ \"a\" : [ 1 , 2 ] }",
            "{\"sku\": \"GIFT-CARD\", \"quantity\": 1, \"amount\": 0}", "{\"token\": \"tok_1\", \"amount\": 4980.5, \"currency\": \"JPY\"}",
            "{\"" + "k".repeat(300) + "\": 1}", "{\"amount\": 123456789012345678901234567890.123456789}",
            "{\"a\": \"" + "0123456789".repeat(30) + "\"}");

    @Test
    void javaFactsEqualTheAnalysisSqlOnEveryCorpusBody() throws Exception {
        for (String body : CORPUS) {
            assertSame(Map.of("idempotency-key", "k-1"), body);
        }
        assertSame(null, null);
        assertSame(Map.of("content-type", "application/json"), null);
    }

    @Test
    void javaFactsEqualTheAnalysisSqlOnRandomBodies() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            assertSame(null, randomObject(random, 0));
        }
    }

    private static void assertSame(Map<String, String> headers, String body) throws Exception {
        String headersJson = headers == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(headers);
        RequestFacts java = RequestFacts.of(headers, body);
        try (Connection c = store.connect();
             PreparedStatement q = c.prepareStatement("SELECT " + Mining.LEGACY_IDEMPOTENCY_KEY + ", " + Mining.LEGACY_BODY_HASH + ", "
                     + Mining.LEGACY_SHAPE + ", " + Mining.LEGACY_ODD_VALUES.replace("@?", "@??") // JDBC's escape for a literal ?
                     + " FROM (SELECT ?::jsonb AS request_headers, ?::jsonb AS request_body) e")) {
            q.setString(1, headersJson);
            q.setString(2, body);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Long hash = rs.getObject(2) == null ? null : rs.getLong(2);
                Array odd = rs.getArray(4);
                List<String> oddValues = odd == null ? null : Arrays.stream((String[]) odd.getArray()).sorted().toList();
                assertThat(java).as(body).isEqualTo(new RequestFacts(rs.getString(1), hash, rs.getString(3), oddValues));
            }
        }
    }

    private static final List<String> KEYS = List.of("amount", "price", "currency", "note", "a", "bb", "é", "名前", "items");
    private static final List<String> SCALARS = List.of("0", "-0", "1", "-7", "0.5", "4980.5", "4980.0", "1e6", "1000000", "2147483648",
            "3e9", "12.340", "\"\"", "\"JPY\"", "\"usd\"", "\"" + LONG + "\"", "\"😀\"", "\"tab\\there\"", "true", "false", "null");

    private static String randomObject(SplittableRandom r, int depth) {
        List<String> members = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            members.add("\"" + KEYS.get(r.nextInt(KEYS.size())) + "\": " + randomValue(r, depth));
        }
        return "{" + String.join(", ", members) + "}";
    }

    private static String randomValue(SplittableRandom r, int depth) {
        int pick = r.nextInt(10);
        if (pick == 0 && depth < 2) {
            return randomObject(r, depth + 1);
        } else if (pick == 1 && depth < 2) {
            List<String> items = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                items.add(randomValue(r, depth + 1));
            }
            return "[" + String.join(", ", items) + "]";
        }
        return SCALARS.get(r.nextInt(SCALARS.size()));
    }
}

package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request facts on their own; that they equal what the analysis's SQL derives from the same JSONB
 * is checked against PostgreSQL by prod2test-analyse's RequestFactsIT.
 */
class RequestFactsTest {
    @Test
    void hashesTheBodyAsPostgresHashesItsJsonbText() {
        // the values of SELECT hashtextextended('...'::jsonb::text, 0) on PostgreSQL 15
        assertThat(RequestFacts.of((String) null, "{\"a\": 1}").bodyHash()).isEqualTo(-2207530809341272740L);
        assertThat(RequestFacts.of((String) null, "{}").bodyHash()).isEqualTo(979974244851230194L);
        // jsonb's text: keys by length, numbers as numeric prints them
        assertThat(RequestFacts.of((String) null, "{\"name\":\"山田 花子\",\"amount\":1e6}").bodyHash()).isEqualTo(-4408899957831825697L);
    }

    @Test
    void shapeListsKeysInJsonbOrderThenTheirTypes() {
        RequestFacts facts = RequestFacts.of((String) null, "{\"sku\": \"A\", \"quantity\": 1, \"id\": null, \"tags\": [], \"x\": {}}");
        assertThat(facts.shape()).isEqualTo("[\"x\", \"id\", \"sku\", \"tags\", \"quantity\"][\"object\", \"null\", \"string\", \"array\", \"number\"]");
    }

    @Test
    void reportsOddTopLevelValuesOnly() {
        RequestFacts facts = RequestFacts.of((String) null,
                "{\"amount\": 4980.5, \"currency\": \"jpy\", \"qty\": 0, \"note\": \"\", \"nested\": {\"n\": -1}}");
        assertThat(facts.oddValues()).containsExactly("decimals-in-zero-decimal-currency|$.amount", "empty|$.note", "zero|$.qty");
        assertThat(RequestFacts.of((String) null, "{\"nested\": {\"n\": -1}, \"items\": [0]}").oddValues()).isNull();
    }

    @Test
    void anIntegralDecimalAloneDoesNotPassTheOddValueFilter() {
        // 4980.0 prints with a point, but the jsonpath filter sees an integer and lets nothing through
        assertThat(RequestFacts.of((String) null, "{\"amount\": 4980.0, \"currency\": \"JPY\"}").oddValues()).isNull();
        assertThat(RequestFacts.of((String) null, "{\"amount\": 4980.0, \"currency\": \"JPY\", \"n\": 0}").oddValues())
                .containsExactly("decimals-in-zero-decimal-currency|$.amount", "zero|$.n");
    }

    @Test
    void scalarAndMissingBodiesHaveAHashButNoShape() {
        assertThat(RequestFacts.of(Map.of("idempotency-key", "k-1"), null)).isEqualTo(new RequestFacts("k-1", null, null, null));
        RequestFacts scalar = RequestFacts.of((Map<String, String>) null, "[0, \"\"]");
        assertThat(scalar.bodyHash()).isNotNull();
        assertThat(scalar.shape()).isNull();
        assertThat(scalar.oddValues()).isNull();
    }

    @Test
    void columnsWriteOddValuesAsAnArrayLiteral() {
        RequestFacts facts = new RequestFacts("k", 7L, "s", List.of("empty|$.a\"b", "zero|$.c\\d"));
        assertThat(facts.columns()).isEqualTo(Arrays.asList(RequestFacts.VERSION, "k", 7L, "s", "{\"empty|$.a\\\"b\",\"zero|$.c\\\\d\"}"));
    }
}

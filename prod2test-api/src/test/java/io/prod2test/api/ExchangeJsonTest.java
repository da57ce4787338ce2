package io.prod2test.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeJsonTest {

    private static final String SPEC_EXAMPLE = """
            {"ts":"2026-11-02T09:14:03.120Z","service":"payments","method":"POST","path":"/payments",\
            "query":{"expand":["card"]},"requestHeaders":{"content-type":"application/json"},\
            "requestBody":{"orderId":812,"amount":4980,"currency":"JPY"},"status":201,\
            "responseHeaders":{},"responseBody":{"id":"pay_81d2","status":"authorized"},\
            "durationMs":87,"sessionId":"s-19ab","userId":"u-77","traceId":"4bf92f35","clientIp":"203.0.113.9"}""";

    @Test
    void readsTheSpecExampleAndWritesItBackUnchanged() {
        Exchange exchange = ExchangeJson.read(SPEC_EXAMPLE, "payments.jsonl", 1);

        assertThat(exchange.ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03.120Z"));
        assertThat(exchange.query()).containsEntry("expand", List.of("card"));
        assertThat(exchange.requestBody().get("amount").asInt()).isEqualTo(4980);
        assertThat(exchange.status()).isEqualTo(201);
        assertThat(ExchangeJson.write(exchange)).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void leavesOutFieldsTheSourceLacks() {
        Exchange exchange = Exchange.builder(Instant.parse("2026-11-02T09:00:00Z"), "GET", "/orders").build();

        assertThat(ExchangeJson.write(exchange))
                .isEqualTo("{\"ts\":\"2026-11-02T09:00:00Z\",\"method\":\"GET\",\"path\":\"/orders\",\"status\":200}");
    }

    @Test
    void lowerCasesHeaderNamesAndJoinsRepeatedOnes() {
        Exchange exchange = Exchange.builder(Instant.EPOCH, "GET", "/")
                .requestHeaders(orderedMap("Accept", "a/b", "accept", "c/d", "X-Trace", "1"))
                .build();

        assertThat(exchange.requestHeaders()).containsExactly(Map.entry("accept", "a/b, c/d"), Map.entry("x-trace", "1"));
    }

    @Test
    void rejectsAStatusOutsideHttpRangeNamingFileLineAndField() {
        String line = SPEC_EXAMPLE.replace("\"status\":201", "\"status\":42");

        assertThatThrownBy(() -> ExchangeJson.read(line, "payments.jsonl", 7))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageStartingWith("payments.jsonl:7: field 'status': ")
                .hasMessageContaining("between 100 and 599")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void rejectsAnUnparseableTimestampNamingTheField() {
        String line = SPEC_EXAMPLE.replace("2026-11-02T09:14:03.120Z", "yesterday");

        assertThatThrownBy(() -> ExchangeJson.read(line, "a.jsonl", 3))
                .hasMessageStartingWith("a.jsonl:3: field 'ts': ");
    }

    @Test
    void rejectsTruncatedJsonWithItsLineNumber() {
        assertThatThrownBy(() -> ExchangeJson.read(SPEC_EXAMPLE.substring(0, 40), "a.jsonl", 12))
                .hasMessageStartingWith("a.jsonl:12: not valid JSON");
    }

    @Test
    void keepsDecimalAmountsExactlyAsWritten() {
        String line = SPEC_EXAMPLE.replace("\"amount\":4980,\"currency\":\"JPY\"", "\"amount\":49.80,\"currency\":\"USD\"");

        Exchange exchange = ExchangeJson.read(line, "a.jsonl", 1);

        assertThat(exchange.requestBody().get("amount").decimalValue()).isEqualByComparingTo("49.80");
        assertThat(ExchangeJson.write(exchange)).contains("\"amount\":49.80,").isEqualTo(line);
    }

    @Test
    void keepsNonJsonBodiesAsText() {
        assertThat(ExchangeJson.bodyOf("{\"a\":1}").get("a").asInt()).isEqualTo(1);
        assertThat(ExchangeJson.bodyOf("plain <b>text</b>").asText()).isEqualTo("plain <b>text</b>");
        assertThat(ExchangeJson.bodyOf("")).isNull();
        assertThat(ExchangeJson.bodyOf("123 abc").isTextual()).as("trailing text keeps the whole body as text").isTrue();
        assertThat(ExchangeJson.bodyOf("{\"a\":1} {\"b\":2}").asText()).isEqualTo("{\"a\":1} {\"b\":2}");
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

package io.prod2test.core.ingest.format;

import static io.prod2test.core.ingest.format.Reading.parsed;
import static io.prod2test.core.ingest.format.Reading.read;
import static io.prod2test.core.ingest.format.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpFormatTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:14:03.120Z");
    private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

    private final OtlpFormat format = new OtlpFormat();

    /**
     * The collector's file exporter layout, one request a line. Line 1 holds the shop's client
     * and internal spans (they end first, so they are exported first) and the payments server
     * span; line 2 the shop's server spans; line 3 is cut; line 4 has a server span without status.
     */
    @Test
    void oneRequestALineWithCallsExportedBeforeTheirServerSpan() {
        List<ReadRecord> records = read(format, Reading.fixture("otlp-traces.jsonl"));

        assertThat(records).extracting(r -> r.position()).containsExactly(new Position(5, 1), new Position(6, 2),
                new Position(7, 2), new Position(10, 3), new Position(11, 4));
        assertThat(parsed(records)).hasSize(3);
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "not valid JSON: the text ends before the JSON value does (truncated?) (line 1, column 401)",
                "field 'http.response.status_code': the HTTP status is missing (span 9999999999999999)");

        ReadRecord.Parsed payments = parsed(records).get(0);
        assertPayments(payments);
        ReadRecord.Parsed orders = parsed(records).get(1);
        assertShopOrder(orders);
        ReadRecord.Parsed post = parsed(records).get(2);
        assertShopPost(post);
    }

    /** One pretty-printed document holding the same spans, kinds written as enum names. */
    @Test
    void onePrettyPrintedDocument() {
        List<ReadRecord> records = read(format, Reading.fixture("otlp-trace.json"));

        assertThat(rejected(records)).isEmpty();
        assertThat(records).extracting(r -> r.position()).containsExactly(new Position(1, 0), new Position(6, 0), new Position(9, 0));
        assertShopOrder(parsed(records).get(0));
        assertShopPost(parsed(records).get(1));
        assertPayments(parsed(records).get(2));
    }

    private static void assertShopOrder(ReadRecord.Parsed record) {
        Exchange e = record.exchange();
        assertThat(e.ts()).isEqualTo(T0);
        assertThat(e.service()).isEqualTo("shop");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/orders/42");
        assertThat(e.query()).isEqualTo(Map.of("expand", List.of("items")));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.durationMs()).isEqualTo(87L);
        assertThat(e.traceId()).isEqualTo(TRACE_A);
        assertThat(e.clientIp()).isEqualTo("203.0.113.9");
        assertThat(e.userId()).isEqualTo("u-77");
        assertThat(e.sessionId()).isEqualTo("s-19ab");
        assertThat(e.requestHeaders()).containsOnly(Map.entry("x-request-id", "req-1"),
                Map.entry("user-agent", "Mozilla/5.0 (X11; Linux x86_64)"));
        assertThat(e.responseHeaders()).containsOnly(Map.entry("content-type", "application/json"));
        // the call through the internal span and the direct one; the database span is not HTTP
        assertThat(record.downstream()).containsExactly(
                new DownstreamCall(T0.plusMillis(10), "GET", "http://payments.example.com/payments?order=42", 200, 30L,
                        "2222222222222222", "payments"),
                new DownstreamCall(T0.plusMillis(50), "POST", "http://inventory.example.com:8080/reservations", 409, 12L,
                        "3333333333333333", "inventory.example.com"));
    }

    private static void assertShopPost(ReadRecord.Parsed record) {
        Exchange e = record.exchange();
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.path()).isEqualTo("/orders");
        assertThat(e.status()).isEqualTo(201);
        assertThat(e.durationMs()).isEqualTo(250L);
        assertThat(e.traceId()).isEqualTo(TRACE_B);
        assertThat(record.downstream()).containsExactly(new DownstreamCall(T0.plusMillis(1100), "POST",
                "http://payments.example.com/payments", 201, 100L, "7777777777777777", "payments.example.com"));
    }

    private static void assertPayments(ReadRecord.Parsed record) {
        Exchange e = record.exchange();
        assertThat(e.service()).isEqualTo("payments");
        assertThat(e.ts()).isEqualTo(T0.plusMillis(12));
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/payments");
        assertThat(e.query()).isEqualTo(Map.of("order", List.of("42")));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.durationMs()).isEqualTo(23L);
        assertThat(e.traceId()).isEqualTo(TRACE_A);
        assertThat(e.clientIp()).isEqualTo("198.51.100.7");
        assertThat(e.requestHeaders()).containsOnly(Map.entry("host", "payments.example.com"));
        assertThat(record.downstream()).isEmpty();
    }

    @Test
    void idsInBase64SnakeCaseNamesAndUrlOnlySpans() {
        // 4bf92f35... and 00f067aa... in base64, as a generic protobuf JSON writer puts them
        String line = "{\"resource_spans\":[{\"resource\":{\"attributes\":[]},\"scope_spans\":[{\"spans\":["
                + "{\"trace_id\":\"S/kvNXezTaajzpKdDg5HNg==\",\"span_id\":\"APBnqgupArc=\",\"kind\":\"SPAN_KIND_SERVER\","
                + "\"start_time_unix_nano\":1793610843120000000,\"end_time_unix_nano\":\"1793610843121000000\",\"attributes\":["
                + "{\"key\":\"http.method\",\"value\":{\"stringValue\":\"_OTHER\"}},"
                + "{\"key\":\"http.request.method_original\",\"value\":{\"stringValue\":\"purge\"}},"
                + "{\"key\":\"http.url\",\"value\":{\"stringValue\":\"https://cdn.example.com/assets/app.js?v=3\"}},"
                + "{\"key\":\"http.status_code\",\"value\":{\"intValue\":\"204\"}}]}]}]}]}";
        List<ReadRecord> records = read(format, line);
        Exchange e = parsed(records).get(0).exchange();
        assertThat(e.traceId()).isEqualTo(TRACE_A);
        assertThat(e.method()).isEqualTo("PURGE");
        assertThat(e.path()).isEqualTo("/assets/app.js");
        assertThat(e.query()).isEqualTo(Map.of("v", List.of("3")));
        assertThat(e.requestHeaders()).containsOnly(Map.entry("host", "cdn.example.com"));
        assertThat(e.status()).isEqualTo(204);
        assertThat(e.durationMs()).isEqualTo(1L);
        assertThat(e.service()).isNull();
    }

    @Test
    void badRequestsAndSpansAreCountedAndTheRestGoesOn() {
        String server = "{\"traceId\":\"" + TRACE_A + "\",\"spanId\":\"00f067aa0ba902b7\",\"kind\":2,\"startTimeUnixNano\":\"1793610843120000000\","
                + "\"attributes\":[{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}},"
                + "{\"key\":\"url.path\",\"value\":{\"stringValue\":\"/x\"}},{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":200}}]}";
        String request = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + server + "]}]}]}";
        List<ReadRecord> records = read(format, String.join("\n",
                request,
                "{\"resourceSpans\":[1,{\"scopeSpans\":[{\"spans\":[2," + server.replace("\"kind\":2", "\"kind\":\"SIDEWAYS\"") + ","
                        + server.replace("\"kind\":2", "\"kind\":\"SERVER\"") + "]}]}]}",
                "{\"something\":\"else\"}",
                "{\"resourceSpans\":{}}",
                "[1,2]",
                request.replace("1793610843120000000", "0"),
                request.replace("1793610843120000000", "-5"),
                request.replace(TRACE_A, "00000000000000000000000000000000"),
                request.replace("/x", "x y"),
                request.replace("\"kind\":2", "\"kind\":3"),
                request.replace("\"kind\":2", "\"kind\":\"SPAN_KIND_CONSUMER\"")));
        assertThat(records).extracting(r -> r.position().ordinal()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(records).extracting(r -> r instanceof ReadRecord.Parsed ? "parsed" : ((ReadRecord.Rejected) r).reason())
                .containsExactly(
                        "parsed",
                        "resourceSpans[0]: expected an object, was a number",
                        "resourceSpans[1].scopeSpans[0].spans[0]: expected a span object, was a number",
                        "resourceSpans[1].scopeSpans[0].spans[1]: field 'kind': expected a span kind (0-5 or SPAN_KIND_SERVER ...), was \"SIDEWAYS\"",
                        "parsed",
                        "field 'resourceSpans': missing: this is not an OTLP trace export",
                        "field 'resourceSpans': expected an array, was an object",
                        "expected a JSON object, the line holds an array",
                        "field 'startTimeUnixNano': expected nanoseconds since 1970, was \"0\" (unset) (span 00f067aa0ba902b7)",
                        "field 'startTimeUnixNano': expected nanoseconds since 1970, was \"-5\" (span 00f067aa0ba902b7)",
                        "field 'traceId': expected 32 hex digits (or base64 of 16 bytes), was \"00000000000000000000000000000000\" "
                                + "(span 00f067aa0ba902b7)",
                        "field 'url.path': expected a path starting with '/' or an absolute URL, was \"x y\" (span 00f067aa0ba902b7)");
        // the last two lines hold a client and a consumer span: no record of their own
    }

    @Test
    void aBrokenDocumentEndsWithOneRejection() {
        String doc = "{\n  \"resourceSpans\": [\n    {\"scopeSpans\": [{\"spans\": [\n      {\"traceId\": \"" + TRACE_A + "\",";
        List<ReadRecord> records = read(format, doc);
        assertThat(records).singleElement().isInstanceOfSatisfying(ReadRecord.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(new Position(1, 1));
            assertThat(r.reason()).startsWith("the document is cut or broken, nothing after this point can be read: the text ends");
        });
        assertThat(read(format, "")).isEmpty();
        assertThat(read(format, "\n  \n")).isEmpty();
        assertThat(read(format, "{\n\"resourceSpans\": []\n}\n{\n\"resourceSpans\": []\n}")).isEmpty();
        assertThat(rejected(read(format, "{\n\"resourceSpans\": []\n}\n[\n1\n]")))
                .extracting(ReadRecord.Rejected::reason)
                .containsExactly("expected an OTLP ExportTraceServiceRequest object, found an array");
    }

    @Test
    void pendingSpansAreBoundedAndOddAttributesRead() {
        String client = "{\"traceId\":\"" + TRACE_A + "\",\"spanId\":\"%s\",\"parentSpanId\":\"00f067aa0ba902b7\",\"kind\":%s,"
                + "\"startTimeUnixNano\":\"1793610843130000000\",\"attributes\":[%s]}";
        String get = "{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}},{\"key\":\"http.url\",\"value\":\"http://a.example.com/\"}";
        String server = "{\"traceId\":\"" + TRACE_A + "\",\"spanId\":\"00f067aa0ba902b7\",\"kind\":\"SPAN_KIND_SERVER\","
                + "\"startTimeUnixNano\":\"1793610843120000000\",\"endTimeUnixNano\":\"1793610843110000000\",\"attributes\":["
                + "{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}},{\"key\":\"http.target\",\"value\":{\"stringValue\":\"/t\"}},"
                + "{\"key\":\"http.status_code\",\"value\":{\"stringValue\":\"200\"}},{\"key\":\"x\",\"value\":{\"kvlistValue\":{}}},"
                + "{\"key\":\"http.request.header.accept\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"},{\"intValue\":1},{}]}}},"
                + "{\"key\":\"http.request.header.x-odd\",\"value\":{\"arrayValue\":{}}},"
                + "{\"key\":\"http.response.header.x-none\",\"value\":{\"kvlistValue\":{}}},{\"key\":\"http.client_ip\",\"value\":{\"stringValue\":null}}]}";
        String line1 = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":["
                + String.format(client, "1000000000000001", 3, get) + ","
                + String.format(client, "1000000000000002", "\"SPAN_KIND_PRODUCER\"", get) + ","
                + String.format(client, "1000000000000003", "\"SPAN_KIND_UNSPECIFIED\"", "") + ","
                + String.format(client, "1000000000000004", 3, "{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}}") + ","
                + String.format(client, "1000000000000005", 3, get) + ","
                + String.format(client, "1000000000000006", 3, get.replace("\"GET\"", "\"G-T\"")) + ","
                + String.format(client, "1000000000000007", 3, get + ",{\"key\":\"http.status_code\",\"value\":{\"intValue\":\"999\"}}")
                + "]},{\"spans\":{}},7]}]}";
        String line2 = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + server + "]}]}]}";
        List<ReadRecord> records = read(new OtlpFormat(2), line1 + "\n" + line2);
        ReadRecord.Parsed parsed = parsed(records).get(0);
        assertThat(parsed.position()).isEqualTo(new Position(8, 2));
        assertThat(parsed.downstream()).as("only the two latest pending spans were kept").extracting(DownstreamCall::spanId)
                .containsExactly("1000000000000005", "1000000000000007");
        assertThat(parsed.downstream().get(1).status()).as("999 is no status").isZero();
        assertThat(parsed.downstream().get(0).peerService()).isNull();
        assertThat(parsed.exchange().durationMs()).as("ends before it starts").isNull();
        assertThat(parsed.exchange().requestHeaders()).containsOnly(Map.entry("accept", "a, 1"));
        assertThat(parsed.exchange().responseHeaders()).isNull();
        assertThat(parsed.exchange().clientIp()).isNull();
    }

    @Test
    void documentsTheFirstLineCannotDecide() {
        // over a megabyte of blank lines before a pretty document: too far to go back, so lines it is
        String doc = "\n".repeat(1_100_000) + "{\n\"resourceSpans\": []\n}\n";
        assertThat(rejected(read(format, doc))).extracting(ReadRecord.Rejected::reason).containsExactly(
                "not valid JSON: the text ends before the JSON value does (truncated?) (line 1, column 2)",
                "not valid JSON: Unexpected character (':' (code 58)): expected a valid value (JSON String, Number, Array, Object or "
                        + "token 'null', 'true' or 'false') (line 1, column 16)",
                "not valid JSON: Unexpected close marker '}': no open Object to close (line 1, column 1)");
        // bytes Jackson takes for UCS-4 in an unsupported order
        assertThat(read(format, new byte[] {0, 0, 2, 0, 0, 0, 0, 0, '{', '\n', '}'})).singleElement()
                .isInstanceOfSatisfying(ReadRecord.Rejected.class, r -> assertThat(r.reason()).startsWith(
                        "not valid JSON: the bytes are not UTF-8 text"));
    }
}

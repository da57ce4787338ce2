package io.prod2test.core.ingest.format;

import static io.prod2test.core.ingest.format.Reading.parsed;
import static io.prod2test.core.ingest.format.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonlFormatTest {
    static final String LINE = "{\"ts\":\"2026-11-02T09:14:03.120Z\",\"service\":\"payments\",\"method\":\"POST\",\"path\":\"/payments\","
            + "\"query\":{\"expand\":[\"card\"]},\"requestHeaders\":{\"Content-Type\":\"application/json\"},"
            + "\"requestBody\":{\"orderId\":812,\"amount\":49.80,\"currency\":\"JPY\"},\"status\":201,\"responseHeaders\":{},"
            + "\"responseBody\":{\"id\":\"pay_81d2\",\"status\":\"authorized\"},\"durationMs\":87,\"sessionId\":\"s-19ab\","
            + "\"userId\":\"u-77\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"clientIp\":\"203.0.113.9\"}";

    private final JsonlFormat format = new JsonlFormat();

    static String with(String field, String json) {
        String from = "\"" + field + "\":";
        int start = LINE.indexOf(from);
        if (start < 0) {
            return LINE.substring(0, LINE.length() - 1) + "," + from + json + "}";
        }
        int end = start + from.length();
        int depth = 0;
        boolean inString = false;
        for (; end < LINE.length(); end++) {
            char c = LINE.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return LINE.substring(0, start) + (json == null ? "" : from + json) + LINE.substring(end)
                .replaceFirst(json == null ? "^," : "^$", "");
    }

    @Test
    void theCanonicalLineRoundTrips() {
        Exchange e = parsed(Reading.read(format, LINE)).get(0).exchange();
        assertThat(ExchangeJson.read(ExchangeJson.write(e), "x", 1)).isEqualTo(e);
        assertThat(e).isEqualTo(ExchangeJson.read(LINE, "x", 1));
        assertThat(e.requestBody().get("amount").toString()).isEqualTo("49.80");
        assertThat(e.requestHeaders()).containsOnly(Map.entry("content-type", "application/json"));
        assertThat(e.responseHeaders()).as("empty, as written").isEmpty();
        assertThat(e.query()).isEqualTo(Map.of("expand", List.of("card")));
    }

    /** The bad-input corpus of the issue, counted to the record. */
    @Test
    void badInputCorpusIsCountedToTheRecord() {
        byte[] invalidUtf8 = LINE.replace("JPY", "J\u00ffY").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[LINE.indexOf("JPY") + 2] = 0x28; // C3 BF -> C3 28: a lead byte without its continuation
        byte[] bom = ("\uFEFF" + LINE).getBytes(StandardCharsets.UTF_8);
        Corpus corpus = new Corpus()
                .parsed(bom)                                                                   // 1 BOM
                .parsed(with("ts", "\"2026-11-02T18:14:03.120+09:00\"") + "\r")             // 2 offset, CRLF
                .blank("")                                                                     // 3 empty
                .parsed(with("ts", "\"2026-11-02 09:14:03.12\""))                              // 4 no zone: default zone
                .parsed(with("ts", "1793610843120"))                                           // 5 epoch millis
                .parsed(with("ts", "\"1793610843.12\""))                                       // 6 epoch seconds
                .parsed(with("ts", "\"02/Nov/2026:18:14:03 +0900\""))                          // 7 Apache style
                .parsed(with("ts", "1793610843120000"))                                        // 8 epoch micros
                .parsed(with("ts", "\"1793610843120000000\""))                                 // 9 epoch nanos
                .rejected(LINE.substring(0, LINE.length() / 2), "not valid JSON: the text ends before the JSON value does")
                .rejected(invalidUtf8, "the line is not valid UTF-8: byte 0xc3 at byte " + (LINE.indexOf("JPY") + 2) + " does not fit")
                .rejected(new byte[] {0x00, 0x13, (byte) 0xff, (byte) 0xfe, 0x7f, 'P', 'K', 0x03, 0x04}, "the line is not valid UTF-8")
                .rejected(with("status", "\"abc\""), "field 'status': expected an HTTP status 100-599, was \"abc\"")
                .rejected(with("method", "42"), "field 'method': expected an HTTP method such as GET, was \"42\"")
                .rejected(with("query", "\"expand=card\""), "field 'query': expected an object of parameter names and value lists, was a string")
                .rejected(with("requestHeaders", "[]"), "field 'requestHeaders': expected an object of header names and values, was an array")
                .rejected(with("durationMs", "\"slow\""), "field 'durationMs': expected a number, was \"slow\"")
                .rejected(with("durationMs", "-5"), "field 'durationMs': expected a duration, not negative, was -5")
                .rejected(with("ts", "\"yesterday\""), "field 'ts': expected a timestamp (ISO-8601")
                .rejected(with("ts", null), "field 'ts': missing: an exchange must say when it happened")
                .rejected("[1,2,3]", "expected a JSON object, the line holds an array")
                .rejected("\"just a string\"", "expected a JSON object, the line holds a string")
                .rejected("42", "expected a JSON object, the line holds a number")
                .rejected("null", "expected a JSON object, the line holds null")
                .rejected(LINE + " garbage", "not valid JSON: Unrecognized token 'garbage'")
                .rejected(with("path", "\"payments\""), "field 'path': expected a path starting with '/', was \"payments\"")
                .rejected(with("status", "700"), "field 'status': expected an HTTP status 100-599, was 700")
                .rejected(with("ts", "\"2026-13-45T00:00:00Z\""), "field 'ts': expected a timestamp, was \"2026-13-45T00:00:00Z\"")
                .rejected("{\"ts\":\"2026-11-02T09:14:03Z\",\u0001\"method\":\"GET\"}", "the line holds binary data: control character 0x01 at column 30; the line was skipped")
                .blank("  \t ")
                .parsed(with("ts", "\"2026-11-02T09:14:03.120Z\""))
                .noFinalNewline();

        List<ReadRecord> records = corpus.check(format);

        assertThat(parsed(records)).hasSize(9);
        assertThat(rejected(records)).hasSize(20);
        assertThat(corpus.count(null)).isEqualTo(2);
        Instant expected = Instant.parse("2026-11-02T09:14:03.120Z");
        assertThat(parsed(records)).extracting(p -> p.exchange().ts())
                .containsExactly(expected, expected, expected, expected, expected, Instant.parse("2026-11-02T09:14:03Z"), expected,
                        expected, expected); // the Apache style has whole seconds
        assertThat(rejected(records).get(1).raw()).as("raw of an invalid UTF-8 line, decoded leniently").contains("J\uFFFD(Y");
    }

    @Test
    void timestampsWithoutZoneTakeTheDefaultZone() throws IOException {
        RecordReader reader = format.open(new ByteArrayInputStream(with("ts", "\"2026-11-02T18:14:03.120\"")
                .getBytes(StandardCharsets.UTF_8)), new ReadContext("x.jsonl", "fallback", ZoneId.of("Asia/Tokyo")));
        Exchange e = ((ReadRecord.Parsed) reader.next()).exchange();
        assertThat(e.ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03.120Z"));
        assertThat(e.service()).as("the line names its service").isEqualTo("payments");
        reader = format.open(new ByteArrayInputStream(with("service", null).getBytes(StandardCharsets.UTF_8)),
                new ReadContext("x.jsonl", "fallback", null));
        assertThat(((ReadRecord.Parsed) reader.next()).exchange().service()).isEqualTo("fallback");
    }

    @Test
    void lenientButTypedOptionalFields() {
        List<ReadRecord> records = Reading.read(format, String.join("\n",
                with("query", "{\"page\":2,\"tag\":[\"a\",null,3],\"none\":null}"),
                with("durationMs", "87.6"),
                with("userId", "77"),
                with("requestHeaders", "{\"X-Multi\":[\"a\",\"b\"],\"x-null\":null}"),
                with("requestBody", "null"),
                with("query", "{\"tag\":[{}]}"),
                with("query", "{\"tag\":{}}"),
                with("requestHeaders", "{\"x\":{}}"),
                with("userId", "{}"),
                with("method", "\"get\"")));
        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        assertThat(e.get(0).query()).isEqualTo(Map.of("page", List.of("2"), "tag", List.of("a", "", "3"), "none", List.of()));
        assertThat(e.get(3).responseHeaders()).isEmpty();
        assertThat(e.get(1).durationMs()).isEqualTo(88L);
        assertThat(e.get(2).userId()).isEqualTo("77");
        assertThat(e.get(3).requestHeaders()).containsOnly(Map.entry("x-multi", "a, b"));
        assertThat(e.get(4).requestBody()).isNull();
        assertThat(e.get(5).method()).isEqualTo("GET");
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'query.tag': expected a list of strings, found an object in it",
                "field 'query.tag': expected a list of strings, was an object",
                "field 'requestHeaders.x': expected a header value, was an object",
                "field 'userId': expected a string, was an object");
    }
}

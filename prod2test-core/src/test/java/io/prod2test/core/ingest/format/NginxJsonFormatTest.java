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

class NginxJsonFormatTest {
    private final NginxJsonFormat format = new NginxJsonFormat();

    @Test
    void fixtureReadsWithExactCountsAndMappings() {
        List<ReadRecord> records = read(format, Reading.fixture("nginx-json.log"));

        assertThat(parsed(records)).hasSize(5);
        assertThat(rejected(records)).hasSize(3);
        assertThat(rejected(records)).extracting(r -> r.position().line()).containsExactly(7L, 8L, 9L);
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'status': expected an HTTP status 100-599, was \"abc\"",
                "field 'time_iso8601': missing (and so are time_local, msec, @timestamp, timestamp and time)",
                "field 'request': expected a request line \"METHOD target HTTP/x\", was \"\\u0016\\u0003\\u0001\\u0002\\u0000\\u0001"
                        + "\\u0000\\u0001\uFFFD\\u0003\\u0003\"");

        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        Exchange post = e.get(0);
        assertThat(post.ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03Z"));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/payments");
        assertThat(post.query()).isEqualTo(Map.of("expand", List.of("card")));
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.durationMs()).isEqualTo(87L);
        assertThat(post.clientIp()).isEqualTo("192.0.2.10");
        assertThat(post.userId()).as("remote_user \"\" is absent").isNull();
        assertThat(post.requestHeaders()).containsOnly(Map.entry("user-agent", "curl/8.5.0"),
                Map.entry("content-type", "application/json"), Map.entry("x-request-id", "req-7f3a"));
        assertThat(post.requestBody().get("amount").toString()).isEqualTo("49.80");
        assertThat(post.requestBody().get("card").textValue()).isEqualTo("4111111111111111");

        Exchange get = e.get(1);
        assertThat(get.ts()).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
        assertThat(get.path()).isEqualTo("/payments/pay_81d2");
        assertThat(get.query()).isEqualTo(Map.of("fields", List.of("id,status")));
        assertThat(get.clientIp()).as("the first X-Forwarded-For address").isEqualTo("203.0.113.9");
        assertThat(get.userId()).isEqualTo("u-77");
        assertThat(get.requestBody()).as("request_body \"-\" is absent").isNull();
        assertThat(get.responseHeaders()).containsOnly(Map.entry("content-type", "application/json"));
        assertThat(get.durationMs()).isEqualTo(4L);

        Exchange msec = e.get(2);
        assertThat(msec.ts()).isEqualTo(Instant.parse("2026-11-02T09:16:00.123Z"));
        assertThat(msec.method()).isEqualTo("GET");
        assertThat(msec.path()).isEqualTo("/orders");
        assertThat(msec.query()).isEqualTo(Map.of("page", List.of("2"), "size", List.of("20")));
        assertThat(msec.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(msec.requestHeaders()).containsEntry("host", "shop.example.com");

        Exchange hexEscaped = e.get(3);
        assertThat(hexEscaped.method()).isEqualTo("PUT");
        assertThat(hexEscaped.requestBody().get("name").textValue()).isEqualTo("山田 太郎");
        assertThat(hexEscaped.requestBody().get("email").textValue()).isEqualTo("taro@example.com");

        Exchange clientClosed = e.get(4);
        assertThat(clientClosed.status()).isEqualTo(499);
        assertThat(clientClosed.durationMs()).isEqualTo(1503L);
        assertThat(clientClosed.requestBody()).isNull();
    }

    @Test
    void otherVariableLayouts() {
        List<ReadRecord> records = read(format, String.join("\n",
                "{\"@timestamp\":\"2026-11-02T09:14:03.5Z\",\"request_method\":\"DELETE\",\"request_uri\":\"http://api.example.com/carts/7?force\","
                        + "\"status\":204,\"service\":\"carts\",\"trace_id\":\"0AF7651916CD43DD8448EB211C80319C\",\"sent_http_x_cache\":\"MISS\","
                        + "\"http_referrer\":\"https://shop.example.com/\",\"response_body\":\"done\"}",
                "{\"time\":1793610843,\"uri\":\"/search\",\"query_string\":\"q=a+b\",\"request_method\":\"GET\",\"status\":\"200\"}",
                "{\"timestamp\":\"2026-11-02 09:14:03\",\"uri\":\"/search\",\"request_method\":\"GET\",\"status\":200,\"content_type\":\"text/plain\","
                        + "\"request_body\":\"42\",\"http_x_forwarded_for\":\"-\",\"remote_addr\":\"192.0.2.1\"}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"status\":200}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request_method\":\"GET\",\"status\":200}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"request_time\":\"fast\"}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"trace_id\":\"nope\"}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"http_user_agent\":[1]}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request\":\"GET / HTTP/1.1\",\"status\":2000}",
                "{\"time_local\":\"not a time\",\"request\":\"GET / HTTP/1.1\",\"status\":200}",
                "{\"time_local\":\"02/Nov/2026:09:14:03 +0000\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"bad\":\"\\x4\"}"));
        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        assertThat(e).hasSize(3);
        assertThat(e.get(0).method()).isEqualTo("DELETE");
        assertThat(e.get(0).path()).isEqualTo("/carts/7");
        assertThat(e.get(0).query()).isEqualTo(Map.of("force", List.of("")));
        assertThat(e.get(0).service()).isEqualTo("carts");
        assertThat(e.get(0).traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(e.get(0).responseHeaders()).containsOnly(Map.entry("x-cache", "MISS"));
        assertThat(e.get(0).requestHeaders()).containsOnly(Map.entry("referer", "https://shop.example.com/"),
                Map.entry("host", "api.example.com"));
        assertThat(e.get(0).responseBody().textValue()).isEqualTo("done");
        assertThat(e.get(0).ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03.500Z"));
        assertThat(e.get(1).ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03Z"));
        assertThat(e.get(1).query()).isEqualTo(Map.of("q", List.of("a b")));
        assertThat(e.get(2).requestBody().isTextual()).as("42 sent as text/plain stays text").isTrue();
        assertThat(e.get(2).clientIp()).isEqualTo("192.0.2.1");
        assertThat(e.get(2).ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03Z"));
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'request': missing (and so is request_method)",
                "field 'request_uri': missing (and so is uri)",
                "field 'request_time': expected a number, was \"fast\"",
                "field 'trace_id': expected a trace id of 32 hex digits, was \"nope\"",
                "field 'http_user_agent': expected a string, was an array",
                "field 'status': expected an HTTP status 100-599, was 2000",
                "field 'time_local': expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), "
                        + "was \"not a time\"",
                "not valid JSON: Unrecognized character escape 'x' (code 120) (line 1, column 92)");
    }
}

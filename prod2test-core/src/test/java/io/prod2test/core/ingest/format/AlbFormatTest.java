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

class AlbFormatTest {
    private final AlbFormat format = new AlbFormat();

    /** The fixture: AWS's documented example entries (addresses changed to documentation ranges) and a few of our own. */
    @Test
    void fixtureReadsWithExactCountsAndMappings() {
        List<ReadRecord> records = read(format, Reading.fixture("alb-access.log"));

        assertThat(parsed(records)).hasSize(10);
        assertThat(rejected(records)).extracting(r -> r.position().line()).containsExactly(12L, 13L);
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'request': expected a request line \"METHOD target HTTP/x\", was \"- http://api.example.com:80- -\"",
                "field 'elb_status_code': expected an HTTP status 100-599, was \"abc\"");

        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        Exchange http = e.get(0);
        assertThat(http.ts()).as("request_creation_time").isEqualTo(Instant.parse("2018-07-02T22:22:48.364Z"));
        assertThat(http.method()).isEqualTo("GET");
        assertThat(http.path()).isEqualTo("/");
        assertThat(http.query()).isNull();
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.durationMs()).isEqualTo(1L);
        assertThat(http.clientIp()).isEqualTo("203.0.113.39");
        assertThat(http.traceId()).isEqualTo("5833726236d228ad5d99923122bbe354");
        assertThat(http.requestHeaders()).containsOnly(Map.entry("host", "www.example.com"), Map.entry("user-agent", "curl/7.46.0"),
                Map.entry("x-amzn-trace-id", "Root=1-58337262-36d228ad5d99923122bbe354"));

        assertThat(e.get(1).durationMs()).as("0.086 + 0.048 + 0.037 s").isEqualTo(171L);
        assertThat(e.get(1).requestHeaders()).containsEntry("host", "www.example.com");
        assertThat(e.get(2).requestHeaders()).containsEntry("host", "198.51.100.105:773");
        assertThat(e.get(3).status()).isEqualTo(101);
        assertThat(e.get(3).requestHeaders()).doesNotContainKey("user-agent");
        assertThat(e.get(5).status()).as("a Lambda target").isEqualTo(200);
        assertThat(e.get(6).status()).as("the Lambda failed: what the client got").isEqualTo(502);

        Exchange post = e.get(7);
        assertThat(post.ts()).isEqualTo(Instant.parse("2026-11-02T09:14:03.086210Z"));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/v1/orders");
        assertThat(post.query()).isEqualTo(Map.of("expand", List.of("items", "customer")));
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.durationMs()).isEqualTo(121L);
        assertThat(post.clientIp()).isEqualTo("203.0.113.9");
        assertThat(post.traceId()).as("Root after Self").isEqualTo("6905a0c38a7b6c5d4e3f2a1b0c9d8e7f");

        assertThat(e.get(8).status()).isEqualTo(503);
        assertThat(e.get(8).durationMs()).as("-1: no target reached, no full measurement").isNull();
        assertThat(e.get(9).status()).isEqualTo(460);
        assertThat(e.get(9).durationMs()).isNull();
        assertThat(e).allSatisfy(x -> assertThat(x.requestBody()).isNull());
    }

    @Test
    void brokenEntries() {
        String ok = "https 2026-11-02T09:14:03.207512Z app/a/1 203.0.113.9:51234 198.51.100.20:8080 0.001 0.120 0.000 201 201 1 2 "
                + "\"POST https://api.example.com:443/v1/orders HTTP/1.1\" \"ua\" - - arn:aws:x \"Root=1-6905a0c3-8a7b6c5d4e3f2a1b0c9d8e7f\"";
        List<ReadRecord> records = read(format, String.join("\n",
                ok,
                ok.replace("https 2026", "ftp 2026"),
                ok.replace("2026-11-02T09:14:03.207512Z", "02/11/2026"),
                ok.replace("0.120", "fast"),
                ok.replace(" 201 201 ", " - 201 "),
                ok.replace("\"POST", "POST").replace("HTTP/1.1\"", "HTTP/1.1"),
                ok.substring(0, 60),
                ok.substring(0, ok.indexOf(" - - arn")),
                ok.replace("203.0.113.9:51234", "[2001:db8::7]:51234"),
                ok.replace("203.0.113.9:51234", "2001:db8::7:51234"),
                ok.replace("Root=1-6905a0c3-8a7b6c5d4e3f2a1b0c9d8e7f", "Self=1-abc"),
                ok + " \"api.example.com\" \"-\" 0 yesterday"));
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'type': expected one of http, https, h2, grpcs, ws, wss, was \"ftp\"",
                "field 'time': expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), "
                        + "was \"02/11/2026\"",
                "field 'target_processing_time': expected seconds such as 0.001 or -1, was \"fast\"",
                "field 'elb_status_code': no response was sent to the client ('-')",
                "field 'request': expected a quoted request line, was \"POST\"",
                "expected an ALB access log entry (type time elb client:port target:port ... \"request\" ...), found 4 fields of at least 18",
                "expected an ALB access log entry (type time elb client:port target:port ... \"request\" ...), found 14 fields of at least 18",
                "field 'request_creation_time': expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, "
                        + "micros or nanos), was \"yesterday\"");
        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        assertThat(e).hasSize(4);
        assertThat(e.get(0).ts()).as("no request_creation_time: time").isEqualTo(Instant.parse("2026-11-02T09:14:03.207512Z"));
        assertThat(e.get(0).traceId()).isEqualTo("6905a0c38a7b6c5d4e3f2a1b0c9d8e7f");
        assertThat(e.get(1).clientIp()).isEqualTo("2001:db8::7");
        assertThat(e.get(2).clientIp()).isEqualTo("2001:db8::7");
        assertThat(e.get(3).traceId()).as("not an X-Ray root").isNull();
        assertThat(AlbFormat.xrayToW3c("Self=1-aa;Root=1-58337262-36d228ad5d99923122bbe354;Sampled=1"))
                .isEqualTo("5833726236d228ad5d99923122bbe354");
        assertThat(AlbFormat.xrayToW3c("Root=1-58337262-36d228ad5d99923122bbe3541")).isNull();
    }
}

package io.prod2test.core.ingest.format;

import static io.prod2test.core.ingest.format.Reading.parsed;
import static io.prod2test.core.ingest.format.Reading.read;
import static io.prod2test.core.ingest.format.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CombinedFormatTest {
    private final CombinedFormat format = new CombinedFormat();

    /**
     * The shared 10,000-line Apache log. Counted independently (awk -F'"' 'NF-1!=6' and a Python
     * regex while developing, the quote count below in the test): every line has the six quotes of
     * the combined format except line 8899, whose user agent is cut before its closing quote.
     */
    @Test
    void sharedApacheLogReadsWithExactCounts() throws IOException {
        Path file = Reading.shared("apache-combined-10k.log");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long sixQuotes = lines.stream().filter(l -> l.chars().filter(c -> c == '"').count() == 6).count();
        assertThat(lines).hasSize(10_000);
        assertThat(sixQuotes).isEqualTo(9_999);

        List<ReadRecord> records = read(format, file);

        assertThat(records).hasSize(10_000);
        assertThat(parsed(records)).hasSize(9_999);
        assertThat(rejected(records)).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(new Position(8899, 8899));
            assertThat(r.reason()).isEqualTo("field 'user_agent': the quoted value has no closing quote (the line is cut or has a stray '\"')");
            assertThat(r.raw()).isEqualTo(lines.get(8898));
        });
        // distributions counted with awk over the request and status fields
        assertThat(count(records, Exchange::method)).isEqualTo(Map.of("GET", 9951L, "HEAD", 42L, "POST", 5L, "OPTIONS", 1L));
        assertThat(count(records, e -> e.status())).isEqualTo(Map.of(200, 9125L, 304, 445L, 404, 213L, 301, 164L, 206, 45L,
                500, 3L, 403, 2L, 416, 2L));
        // 1,259 targets hold a '?'; one of them, "/blog/geekery/2!?", has an empty query string
        assertThat(parsed(records).stream().filter(p -> p.exchange().query() != null).count()).isEqualTo(1258);
    }

    @Test
    void knownLinesOfTheSharedLog() {
        List<ReadRecord.Parsed> parsed = parsed(read(format, Reading.shared("apache-combined-10k.log")));
        Exchange first = parsed.get(0).exchange();
        assertThat(first.ts()).isEqualTo(Instant.parse("2015-05-17T10:05:03Z"));
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.clientIp()).isEqualTo("83.149.9.216");
        assertThat(first.userId()).isNull();
        assertThat(first.requestHeaders()).containsEntry("referer", "http://semicomplete.com/presentations/logstash-monitorama-2013/")
                .containsEntry("user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/32.0.1700.77 Safari/537.36");
        assertThat(first.durationMs()).isNull();
        assertThat(first.requestBody()).isNull();

        Exchange options = byLine(parsed, 9158);
        assertThat(options.method()).isEqualTo("OPTIONS");
        assertThat(options.path()).isEqualTo("/projects/xdotool/");
        assertThat(options.status()).isEqualTo(500);
        assertThat(options.requestHeaders()).containsOnly(Map.entry("user-agent", "Microsoft Office Protocol Discovery"));

        Exchange rss = byLine(parsed, 87); // "GET /?flav=rss20 HTTP/1.1" 200 29941 "-" "-"
        assertThat(rss.path()).isEqualTo("/");
        assertThat(rss.query()).isEqualTo(Map.of("flav", List.of("rss20")));
        assertThat(rss.requestHeaders()).isNull();

        Exchange post = byLine(parsed, 5009);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/blog/geekery/xvfb-firefox");
        assertThat(post.ts()).isEqualTo(Instant.parse("2015-05-19T04:05:16Z"));
    }

    @Test
    void commonFormatUsersZonesAndEscapes() {
        String log = String.join("\n",
                "192.0.2.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
                "192.0.2.2 - - [10/Oct/2000:13:55:36 +0900] \"GET /search?q=caf%C3%A9+au+lait&q=2&empty= HTTP/1.1\" 304 -",
                "192.0.2.3 - - [02/Nov/2026:09:14:03 +0000] \"GET /say?x=\\\"hi\\\" HTTP/1.1\" 200 5 \"-\" \"agent \\\"quoted\\\" \\xe5\\xb1\\xb1\"",
                "192.0.2.4 - - [02/Nov/2026:09:14:03 +0000] \"GET http://proxy.example.com:8080/abs/path?a=1 HTTP/1.1\" 200 5 \"-\" \"-\" \"203.0.113.9\"");
        List<ReadRecord> records = read(format, log);
        assertThat(rejected(records)).isEmpty();
        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        assertThat(e.get(0).userId()).isEqualTo("frank");
        assertThat(e.get(0).ts()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(e.get(0).requestHeaders()).isNull();
        assertThat(e.get(1).ts()).isEqualTo(Instant.parse("2000-10-10T04:55:36Z"));
        assertThat(e.get(1).query()).isEqualTo(Map.of("q", List.of("café au lait", "2"), "empty", List.of("")));
        assertThat(e.get(2).path()).isEqualTo("/say");
        assertThat(e.get(2).query()).isEqualTo(Map.of("x", List.of("\"hi\"")));
        assertThat(e.get(2).requestHeaders()).containsEntry("user-agent", "agent \"quoted\" 山");
        assertThat(e.get(3).path()).isEqualTo("/abs/path");
        assertThat(e.get(3).requestHeaders()).containsEntry("host", "proxy.example.com:8080");
    }

    @Test
    void malformedLinesAreRejectedWithTheirReason() {
        String log = String.join("\n",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"-\" 408 -",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\" 400 226",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"OPTIONS * HTTP/1.1\" 200 -",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.1\" abc 5",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.1\" 200 12kb",
                "192.0.2.1 - - [10/Oct/2000:99:55:36 -0700] \"GET /x HTTP/1.1\" 200 5",
                "192.0.2.1 - - 10/Oct/2000:13:55:36 \"GET /x HTTP/1.1\" 200 5",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700 \"GET /x HTTP/1.1\" 200 5",
                "just some words",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] GET 200 5",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"get /x HTTP/1.1\" 200 5",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.1\"x 200 5",
                "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /x HTTP/1.1\" 200 5 referer \"agent\"");
        List<ReadRecord> records = read(format, log);
        assertThat(parsed(records)).isEmpty();
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "field 'request': no request line ('-'): the client sent no complete request",
                "field 'request': expected a request line \"METHOD target HTTP/x\", was \"\\u0016\\u0003\\u0001\\u0002\\u0000\\u0001\\u0000\"",
                "field 'request': expected a path starting with '/' or an absolute URL, was \"*\"",
                "field 'status': expected an HTTP status 100-599, was \"abc\"",
                "field 'bytes': expected a byte count or '-', was \"12kb\"",
                "field 'time': expected a timestamp, was \"10/Oct/2000:99:55:36 -0700\" (Text '10/Oct/2000:99:55:36' could not be "
                        + "parsed: Invalid value for HourOfDay (valid values 0 - 23): 99)",
                "field 'time': expected a [bracketed] time such as [10/Oct/2000:13:55:36 -0700], was \"10/Oct/2000:13:55:36\"",
                "field 'time': the bracketed value has no closing ']'",
                "expected the combined or common log format (host ident user [time] \"request\" status bytes \"referer\" "
                        + "\"user-agent\"), found 3 fields",
                "field 'request': expected a quoted request line, was \"GET\"",
                "field 'request': expected an upper-case HTTP method, was \"get\"",
                "field 'request': unexpected text after the closing quote: \"x 200 5\"",
                "field 'referer': expected a quoted value, was \"referer\"");
        assertThat(rejected(records)).extracting(r -> r.position().line()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L);
    }

    private static Exchange byLine(List<ReadRecord.Parsed> parsed, long line) {
        return parsed.stream().filter(p -> p.position().line() == line).findFirst().orElseThrow().exchange();
    }

    private static <K> Map<K, Long> count(List<ReadRecord> records, Function<Exchange, K> key) {
        return parsed(records).stream().map(ReadRecord.Parsed::exchange)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}

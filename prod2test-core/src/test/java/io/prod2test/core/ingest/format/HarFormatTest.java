package io.prod2test.core.ingest.format;

import static io.prod2test.core.ingest.format.Reading.parsed;
import static io.prod2test.core.ingest.format.Reading.read;
import static io.prod2test.core.ingest.format.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prod2test.api.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HarFormatTest {
    private final HarFormat format = new HarFormat();

    /**
     * Entry counts of the shared HARs, verified with jq/Python ({@code len(log.entries)}) and again
     * here with a plain Jackson tree read. chrome.har's second entry has status 0 (the browser was
     * offline: net::ERR_INTERNET_DISCONNECTED), which no canonical exchange can hold.
     */
    @ParameterizedTest
    @CsvSource({
        "har/charles.har, 1, 1, 0",
        "har/chrome.har, 3, 2, 1",
        "har/firefox.har, 14, 14, 0",
        "har/insomnia.har, 1, 1, 0",
        "har/postdata.har, 1, 1, 0",
        "har/with-bom.har, 1, 1, 0"})
    void sharedHarsReadWithExactCounts(String name, int entries, int parsed, int rejected) throws IOException {
        Path file = Reading.shared(name);
        assertThat(new ObjectMapper().readTree(file.toFile()).path("log").path("entries").size()).isEqualTo(entries);

        List<ReadRecord> records = read(format, file);

        assertThat(records).hasSize(entries);
        assertThat(parsed(records)).hasSize(parsed);
        assertThat(rejected(records)).hasSize(rejected);
        assertThat(records).extracting(r -> r.position().ordinal()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, entries).boxed().toList());
    }

    @Test
    void chromeEntryWithoutResponseIsRejectedAndTheOthersMapped() {
        List<ReadRecord> records = read(format, Reading.shared("har/chrome.har"));
        assertThat(rejected(records)).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(new Position(2, 196));
            assertThat(r.reason()).isEqualTo("field 'response.status': 0: the client got no response (net::ERR_INTERNET_DISCONNECTED)");
            assertThat(r.raw()).contains("\"url\":\"https://www.google.com/\"");
        });
        Exchange first = parsed(records).get(0).exchange();
        assertThat(first.ts()).isEqualTo(Instant.parse("2023-03-30T00:00:54.250Z"));
        assertThat(first.service()).isEqualTo("mitmproxy.org");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/");
        assertThat(first.status()).isEqualTo(304);
        assertThat(first.durationMs()).isEqualTo(15L); // time 14.666 ms, rounded
        assertThat(first.requestHeaders()).containsEntry("host", "mitmproxy.org").doesNotContainKeys(":authority", ":path");
        assertThat(first.responseHeaders()).containsEntry("server", "AmazonS3");
        // base64 text/html decoded
        assertThat(first.responseBody().textValue()).startsWith("<!DOCTYPE html>");
        Exchange image = parsed(records).get(1).exchange();
        assertThat(image.path()).isEqualTo("/images/branding/googlelogo/2x/googlelogo_light_color_272x92dp.png");
        assertThat(image.responseBody()).as("binary content is left out").isNull();
    }

    @Test
    void producersWithOffsetsAndQueryStrings() {
        Exchange charles = parsed(read(format, Reading.shared("har/charles.har"))).get(0).exchange();
        assertThat(charles.ts()).isEqualTo(Instant.parse("2023-03-30T00:37:42.482Z")); // -07:00 offset
        assertThat(charles.path()).isEqualTo("/");
        assertThat(charles.query()).as("'?=' holds no parameter").isNull();
        assertThat(charles.durationMs()).isEqualTo(107L);
        assertThat(charles.responseBody().textValue()).startsWith("<!DOCTYPE html>");
        assertThat(charles.clientIp()).isNull();

        Exchange insomnia = parsed(read(format, Reading.shared("har/insomnia.har"))).get(0).exchange();
        assertThat(insomnia.service()).isEqualTo("mitm.it");
        assertThat(insomnia.requestBody()).as("empty postData").isNull();
        assertThat(insomnia.durationMs()).isEqualTo(70L);

        List<ReadRecord.Parsed> firefox = parsed(read(format, Reading.shared("har/firefox.har")));
        assertThat(firefox).extracting(p -> p.exchange().status()).containsOnly(200, 304);
        assertThat(firefox.get(0).exchange().ts()).isEqualTo(Instant.parse("2023-03-29T23:58:59.303Z"));
    }

    @Test
    void postDataBecomesAJsonBodyAndTheBomFileReadsTheSame() {
        Exchange post = parsed(read(format, Reading.shared("har/postdata.har"))).get(0).exchange();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/metrics");
        assertThat(post.service()).isEqualTo("signal-metrics-collector-beta.s-onetag.com");
        assertThat(post.requestHeaders()).containsEntry("content-type", "text/plain;charset=UTF-8");
        JsonNode body = post.requestBody();
        assertThat(body.isObject()).as("JSON sent as text/plain is still JSON").isTrue();
        assertThat(body.path("metadata").path("pageViewId").asLong()).isEqualTo(1689428126308L);
        assertThat(body.path("payloads")).hasSize(4);

        Exchange bom = parsed(read(format, Reading.shared("har/with-bom.har"))).get(0).exchange();
        assertThat(bom).isEqualTo(post);
    }

    @Test
    void brokenSharedHarIsOneRejection() {
        List<ReadRecord> records = read(format, Reading.shared("har/broken.har"));
        assertThat(records).singleElement().isInstanceOfSatisfying(ReadRecord.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(new Position(1, 2));
            assertThat(r.reason()).isEqualTo("field 'log': expected an object holding 'entries', was an array");
        });
    }

    @Test
    void harCutInHalfYieldsTheEntriesBeforeTheCutAndOneRejection() throws IOException {
        byte[] bytes = Files.readAllBytes(Reading.shared("har/firefox.har"));
        List<long[]> spans = entrySpans(bytes);
        assertThat(spans).hasSize(14);
        int cut = bytes.length / 2;
        int inside = 0;
        while (!(spans.get(inside)[0] <= cut && cut < spans.get(inside)[1])) {
            inside++;
        }
        assertThat(inside).as("the half-way cut falls inside entry 14 (a large base64 body)").isEqualTo(13);

        List<ReadRecord> records = read(format, Arrays.copyOf(bytes, cut));

        assertThat(parsed(records)).hasSize(13);
        assertThat(records).hasSize(14);
        ReadRecord.Rejected last = (ReadRecord.Rejected) records.get(13);
        assertThat(last.position().ordinal()).isEqualTo(14);
        assertThat(last.position().line()).isEqualTo(lineOf(bytes, (int) spans.get(13)[0]));
        assertThat(last.reason()).startsWith("entry 14 is cut off: the file ends inside log.entries[13].response.content")
                .endsWith("before the entry is complete; the 13 entries before it were read");
    }

    /**
     * Every possible cut of a small HAR: never an exception, the complete entries are read, and
     * exactly one rejection unless the whole document is there.
     */
    @ParameterizedTest
    @CsvSource({"har/insomnia.har", "har/postdata.har", "har/with-bom.har"})
    void everyTruncationIsCountedToTheRecord(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(Reading.shared(name));
        List<long[]> spans = entrySpans(bytes);
        long documentEnd = documentEnd(bytes);
        int start = name.contains("bom") ? 4 : 1;
        for (int cut = start; cut < bytes.length; cut++) {
            List<ReadRecord> records = read(format, Arrays.copyOf(bytes, cut));
            int complete = 0;
            for (long[] span : spans) {
                complete += span[1] <= cut ? 1 : 0;
            }
            int c = cut;
            assertThat(parsed(records)).as("cut at %d", c).hasSize(complete);
            assertThat(rejected(records)).as("cut at %d", c).hasSize(cut >= documentEnd ? 0 : 1);
        }
    }

    @Test
    void structuralProblems() {
        String entry = "{\"startedDateTime\":\"2026-11-02T09:14:03.120+09:00\",\"time\":87.4,"
                + "\"request\":{\"method\":\"POST\",\"url\":\"https://api.example.com/payments?expand=card&expand=customer\","
                + "\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"},{\"name\":\"Accept\",\"value\":\"*/*\"},"
                + "{\"name\":\"accept\",\"value\":\"text/plain\"},{\"name\":\"traceparent\","
                + "\"value\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}],"
                + "\"postData\":{\"mimeType\":\"application/json\",\"text\":\"{\\\"amount\\\":49.80}\"}},"
                + "\"response\":{\"status\":201,\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}],"
                + "\"content\":{\"mimeType\":\"application/json\",\"encoding\":\"base64\",\"text\":\"eyJpZCI6InBheV84MWQyIn0=\"}}}";
        assertThat(reasons("")).isEmpty();
        assertThat(reasons("   \n ")).isEmpty();
        assertThat(reasons("[]")).containsExactly("not a HAR file: expected a JSON object with a 'log' field, found an array");
        assertThat(reasons("{}")).containsExactly("field 'log' is missing: not a HAR file");
        assertThat(reasons("{\"log\":{\"version\":\"1.2\"}}")).containsExactly("field 'log.entries' is missing: the HAR holds no entries array");
        assertThat(reasons("{\"log\":{\"entries\":{}}}")).containsExactly("field 'log.entries': expected an array of entries, was an object");
        assertThat(reasons("{\"log\":{\"entries\":[]}}")).isEmpty();
        assertThat(reasons("not json")).singleElement().asString().startsWith("not a HAR file: Unrecognized token 'not'");
        assertThat(reasons("{\"log\":{\"entries\":[" + entry + "]}} trailing")).singleElement().asString()
                .startsWith("the file is broken after its entries: Unrecognized token 'trailing'")
                .endsWith("all 1 entries were read");
        assertThat(reasons("{\"log\":{\"entries\":[" + entry + ",")).containsExactly(
                "the file is cut after entry 1: the entries array is not closed; the 1 entry before it was read");
        assertThat(reasons("{\"log\":{\"entries\":[" + entry + "}")).singleElement().asString().startsWith(
                "the file is broken after entry 1: Unexpected close marker '}': expected ']'");
        assertThat(reasons("{\"log\":{\"entries\":[" + entry + "]}")).singleElement().asString().startsWith(
                "the file is cut after its entries: ");

        List<ReadRecord> records = read(format, "{\"log\":{\"creator\":{\"name\":\"x\"},\"entries\":[1," + entry + ","
                + entry.replace("\"POST\"", "\"M-SEARCH\"") + "," + entry.replace("\"status\":201", "\"status\":\"abc\"") + ","
                + entry.replace("2026-11-02T09:14:03.120+09:00", "yesterday") + ","
                + entry.replace("https://api.example.com/payments", "api.example.com") + ","
                + "{\"startedDateTime\":\"2026-11-02T09:14:03Z\",\"request\":[],\"response\":{}}"
                + "],\"pages\":[]}}");
        assertThat(records).extracting(r -> r.getClass().getSimpleName()).containsExactly("Rejected", "Parsed", "Rejected",
                "Rejected", "Rejected", "Rejected", "Rejected");
        assertThat(rejected(records)).extracting(ReadRecord.Rejected::reason).containsExactly(
                "entry 1: expected an object, was a number",
                "field 'request.method': expected an HTTP method such as GET, was \"M-SEARCH\"",
                "field 'response.status': expected an HTTP status 100-599, was \"abc\"",
                "field 'startedDateTime': expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, "
                        + "micros or nanos), was \"yesterday\"",
                "field 'request.url': expected a path starting with '/' or an absolute URL, was "
                        + "\"api.example.com?expand=card&expand=customer\"",
                "field 'request': expected an object, was an array");

        Exchange e = parsed(records).get(0).exchange();
        assertThat(e.ts()).isEqualTo(Instant.parse("2026-11-02T00:14:03.120Z"));
        assertThat(e.service()).isEqualTo("api.example.com");
        assertThat(e.query()).isEqualTo(Map.of("expand", List.of("card", "customer")));
        assertThat(e.requestHeaders()).containsEntry("accept", "*/*, text/plain").containsEntry("host", "api.example.com");
        assertThat(e.requestBody().get("amount").decimalValue()).isEqualByComparingTo("49.80");
        assertThat(e.requestBody().get("amount").toString()).isEqualTo("49.80");
        assertThat(e.responseBody().get("id").textValue()).isEqualTo("pay_81d2");
        assertThat(e.durationMs()).isEqualTo(87L);
        assertThat(e.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        ReadRecord.Parsed withService = parsed(Reading.read(format, new java.io.ByteArrayInputStream(
                ("{\"log\":{\"entries\":[" + entry + "]}}").getBytes(StandardCharsets.UTF_8)), "x.har")).get(0);
        assertThat(withService.exchange().service()).isEqualTo("api.example.com");
    }

    @Test
    void serviceOptionWinsOverTheHost() throws IOException {
        byte[] bytes = Files.readAllBytes(Reading.shared("har/insomnia.har"));
        RecordReader reader = format.open(new java.io.ByteArrayInputStream(bytes), new ReadContext("insomnia.har", "web", null));
        ReadRecord record = reader.next();
        assertThat(((ReadRecord.Parsed) record).exchange().service()).isEqualTo("web");
    }

    @Test
    void lessCommonShapes() {
        String base = "{\"startedDateTime\":\"2026-11-02T09:14:03Z\",\"request\":{\"method\":\"POST\",\"url\":\"http://x.example.com/f\"%s},"
                + "\"response\":{\"status\":200%s}}";
        List<ReadRecord> records = read(format, "{\"comment\":{\"a\":[1]},\"log\":{\"entries\":[null,"
                + String.format(base, ",\"postData\":{\"mimeType\":\"application/x-www-form-urlencoded\",\"params\":[{\"name\":\"a\","
                        + "\"value\":\"1\"},{\"name\":\"b\"},{\"value\":\"orphan\"}]}", "") + ","
                + String.format(base, "", ",\"content\":{\"mimeType\":\"text/plain\",\"encoding\":\"gzip\",\"text\":\"x\"}") + ","
                + String.format(base, "", ",\"content\":{\"mimeType\":\"text/plain\",\"encoding\":\"base64\",\"text\":\"QUJD=A\"}") + ","
                + String.format(base, "", ",\"content\":{\"mimeType\":\"text/plain\",\"encoding\":\"base64\",\"text\":\"/w==\"}") + ","
                + String.format(base, ",\"headers\":{}", "") + ","
                + String.format(base, ",\"headers\":[\"x\"]", "") + ","
                + String.format(base, ",\"headers\":[{\"name\":\"X-Empty\",\"value\":\"\"},{\"value\":\"no name\"},{\"name\":\"x-dash\",\"value\":\"-\"}]",
                        ",\"content\":{\"text\":\"<p>hi</p>\"}") + ","
                + String.format(base, ",\"postData\":{\"mimeType\":\"text/plain\"}", ",\"content\":\"nope\"")
                + "]}}");
        assertThat(records).extracting(r -> r instanceof ReadRecord.Parsed ? "parsed" : ((ReadRecord.Rejected) r).reason()).containsExactly(
                "entry 1: expected an object, was null",
                "parsed",
                "field 'response.content.encoding': expected base64 or none, was \"gzip\"",
                "field 'response.content.text': expected base64, Input byte array has wrong 4-byte ending unit",
                "parsed",
                "field 'request.headers': expected an array of {name, value}, was an object",
                "field 'request.headers[0]': expected {name, value}, was a string",
                "parsed",
                "parsed");
        List<Exchange> e = parsed(records).stream().map(ReadRecord.Parsed::exchange).toList();
        assertThat(e.get(0).requestBody().textValue()).isEqualTo("a=1&b=");
        assertThat(e.get(1).responseBody()).as("base64 that is not UTF-8").isNull();
        assertThat(e.get(2).requestHeaders()).containsEntry("x-empty", "").containsEntry("x-dash", "-");
        assertThat(e.get(2).responseBody().textValue()).isEqualTo("<p>hi</p>");
        assertThat(e.get(3).requestBody()).isNull();
        assertThat(e.get(3).responseBody()).isNull();
        assertThat(reasons("{\"log\":{\"entries\":true}}")).containsExactly("field 'log.entries': expected an array of entries, was a boolean");
        assertThat(reasons("{\"log\":null}")).containsExactly("field 'log': expected an object holding 'entries', was null");
        assertThat(reasons("\"log\"")).containsExactly("not a HAR file: expected a JSON object with a 'log' field, found a string");
        assertThat(reasons("{\"log\":\n\n[\n\"x\"")).containsExactly("field 'log': expected an object holding 'entries', was an array");
        assertThat(read(format, new byte[] {0, 0, 2, 0, 0, 0, 0, 0, '{'})).singleElement().isInstanceOfSatisfying(ReadRecord.Rejected.class,
                r -> assertThat(r.reason()).startsWith("not a HAR file: the bytes are not UTF-8 text"));
    }

    private List<String> reasons(String har) {
        return rejected(read(format, har)).stream().map(ReadRecord.Rejected::reason).toList();
    }

    /** [start, end) byte offsets of every entry, found with a plain Jackson parser. */
    static List<long[]> entrySpans(byte[] bytes) throws IOException {
        List<long[]> spans = new ArrayList<>();
        try (JsonParser p = new ObjectMapper().createParser(bytes)) {
            int depth = 0;
            boolean inEntries = false;
            long start = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "entries".equals(p.currentName()) && depth == 2) {
                    inEntries = true;
                } else if (t.isStructStart()) {
                    depth++;
                    if (inEntries && depth == 4 && t == JsonToken.START_OBJECT) {
                        start = p.currentTokenLocation().getByteOffset();
                    }
                } else if (t.isStructEnd()) {
                    if (inEntries && depth == 4 && t == JsonToken.END_OBJECT) {
                        spans.add(new long[] {start, p.currentTokenLocation().getByteOffset() + 1});
                    }
                    if (inEntries && depth == 3) {
                        inEntries = false;
                    }
                    depth--;
                }
            }
        }
        return spans;
    }

    private static long documentEnd(byte[] bytes) throws IOException {
        try (JsonParser p = new ObjectMapper().createParser(bytes)) {
            p.nextToken();
            p.skipChildren();
            return p.currentTokenLocation().getByteOffset() + 1;
        }
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}

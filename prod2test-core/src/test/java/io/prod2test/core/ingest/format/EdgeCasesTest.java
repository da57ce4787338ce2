package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prod2test.api.Exchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small helpers' corners, and the SPI records' own rules. */
class EdgeCasesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void spiRecordsRefuseWhatCannotBe() {
        Exchange e = Exchange.builder(Instant.EPOCH, "GET", "/").build();
        assertThatThrownBy(() -> new Position(0, 1)).hasMessage("ordinal is 1-based, was 0");
        assertThatThrownBy(() -> new Position(1, -1)).hasMessage("line must not be negative, was -1");
        assertThat(new Position(3, 12).describe("entry")).isEqualTo("line 12");
        assertThat(new Position(3, 0).describe("entry")).isEqualTo("entry 3");
        assertThatThrownBy(() -> new ReadRecord.Parsed(null, e, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReadRecord.Parsed(new Position(1, 1), e, null).downstream()).isEmpty();
        assertThatThrownBy(() -> new ReadRecord.Rejected(new Position(1, 1), " ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReadRecord.Rejected(new Position(1, 1), "why", null).raw()).isEmpty();
        assertThatThrownBy(() -> new ReadContext(" ", null, null)).hasMessage("a read context names its file");
        assertThatThrownBy(() -> new DownstreamCall(Instant.EPOCH, "GET", " ", 200, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownstreamCall(Instant.EPOCH, "GET", "/x", 99, null, null, null))
                .hasMessage("status must be 0 (no response) or 100-599, was 99");
    }

    @Test
    void texts() {
        assertThat(Texts.capRaw(null)).isEmpty();
        assertThat(Texts.capRaw("ab".repeat(Texts.RAW_LIMIT / 2))).hasSize(Texts.RAW_LIMIT);
        assertThat(Texts.capRaw("a".repeat(Texts.RAW_LIMIT / 2))).hasSize(Texts.RAW_LIMIT / 2);
        assertThat(Texts.quote(null)).isEqualTo("null");
        assertThat(Texts.quote("a\"b\\c\nd\re\tf\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"");
        assertThat(Texts.quote("x".repeat(100))).endsWith("x…\"").hasSize(63);
        assertThat(Texts.unexpected(new IllegalStateException("boom"))).isEqualTo("unexpected problem reading the record (IllegalStateException: boom)");
        assertThat(Texts.unexpected(new NullPointerException())).isEqualTo("unexpected problem reading the record (NullPointerException)");
        assertThat(Texts.orNull(" - ".strip())).isNull();
    }

    @Test
    void urls() {
        assertThatThrownBy(() -> Urls.parse("", "url")).hasMessage("field 'url': expected a path or URL, was empty");
        assertThatThrownBy(() -> Urls.parse("1http://x/", "url")).hasMessageContaining("expected a path starting with '/'");
        assertThatThrownBy(() -> Urls.parse("ht tp://x/", "url")).hasMessageContaining("expected a path starting with '/'");
        Urls.Target t = Urls.parse("HTTPS://user:secret@api.example.com:8443?a=1#frag", "url");
        assertThat(t.scheme()).isEqualTo("https");
        assertThat(t.host()).isEqualTo("api.example.com:8443");
        assertThat(t.path()).isEqualTo("/");
        assertThat(t.query()).isEqualTo(Map.of("a", List.of("1")));
        assertThat(Urls.parse("/p#frag?x", "url").query()).isNull();
        assertThat(Urls.parse("file:///etc/hosts", "url").host()).isNull();
        assertThat(Urls.query("&&a&=x&b=%F0%9F%98%80&c=%zz%4&d=😀+%2B&e")).isEqualTo(Map.of("a", List.of(""), "", List.of("x"),
                "b", List.of("😀"), "c", List.of("%zz%4"), "d", List.of("😀 +"), "e", List.of("")));
        assertThat(Urls.query("")).isNull();
        assertThat(Urls.query("&")).isNull();
        assertThat(Urls.decode("%C3")).isEqualTo("\uFFFD");
    }

    @Test
    void quotedFields() {
        List<Fields.Field> f = Fields.split("a \"b\\nc\\td\\re\\vf\\bg\\q\\x\\x4\" [t t]  x", true, "one");
        assertThat(f).extracting(Fields.Field::text).containsExactly("a", "b\nc\td\re\u000bf\bg\\q\\x\\x4", "t t", "x");
        assertThat(f.get(2).bracketed()).isTrue();
        assertThat(Fields.split("[a b]", false)).extracting(Fields.Field::text).containsExactly("[a", "b]");
        assertThatThrownBy(() -> Fields.split("a \"b", false, "one")).hasMessage(
                "field '#2': the quoted value has no closing quote (the line is cut or has a stray '\"')");
        assertThat(Fields.split("   ", false)).isEmpty();
        assertThat(Fields.split("\"a\\\\\" b", false)).extracting(Fields.Field::text).containsExactly("a\\", "b");
    }

    @Test
    void httpValues() {
        assertThatThrownBy(() -> Http.method(null, "m")).hasMessage("field 'm': the HTTP method is missing");
        assertThatThrownBy(() -> Http.method("A".repeat(33), "m")).hasMessageStartingWith("field 'm': expected an HTTP method");
        assertThatThrownBy(() -> Http.status((String) null, "s")).hasMessage("field 's': expected an HTTP status 100-599, was missing");
        assertThatThrownBy(() -> Http.status("099", "s")).hasMessage("field 's': expected an HTTP status 100-599, was \"099\"");
        assertThatThrownBy(() -> Http.status(NODES.numberNode(200.5), "s")).hasMessage("field 's': expected an HTTP status 100-599, was 200.5");
        assertThatThrownBy(() -> Http.status(NODES.booleanNode(true), "s")).hasMessage("field 's': expected an HTTP status 100-599, was true");
        assertThatThrownBy(() -> Http.status(NODES.numberNode(9_999_999_999L), "s")).hasMessageEndingWith("was 9999999999");
        assertThatThrownBy(() -> Http.status(NODES.nullNode(), "s")).hasMessage("field 's': the HTTP status is missing");
        assertThat(Http.status(" 204 ", "s")).isEqualTo(204);
        assertThat(Http.traceIdOfTraceparent(null)).isNull();
        assertThat(Http.traceIdOfTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736")).isNull();
        assertThat(Http.traceIdOfTraceparent("000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
        assertThat(Http.traceIdOfTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(Http.traceId("4bf92f3577b34da6a3ce929d0e0e473g")).isNull();
        assertThat(Http.traceId(null)).isNull();
    }

    @Test
    void bodies() {
        assertThat(Bodies.of(null, null)).isNull();
        assertThat(Bodies.of("", "application/json")).isNull();
        assertThat(Bodies.of("   ", "application/json").textValue()).isEqualTo("   ");
        assertThat(Bodies.of("42", "application/json").isNumber()).isTrue();
        assertThat(Bodies.of("42", "text/plain").textValue()).isEqualTo("42");
        assertThat(Bodies.of(" {\"a\":1} ", null).get("a").intValue()).isEqualTo(1);
        assertThat(Bodies.of("{\"a\":1} trailing", null).textValue()).isEqualTo("{\"a\":1} trailing");
        assertThat(Bodies.of("[" + "1e99999999999" + "]", null).isTextual()).as("a number Jackson cannot hold").isTrue();
        assertThat(Bodies.isTextual(null)).isFalse();
        assertThat(Bodies.isTextual("application/vnd.api+json")).isTrue();
        assertThat(Bodies.isTextual("application/x-www-form-urlencoded")).isTrue();
        assertThat(Bodies.isTextual("image/png")).isFalse();
    }

    @Test
    void jsonHelpers() {
        assertThat(Json.kind(null)).isEqualTo("nothing");
        assertThat(Json.kind(NODES.booleanNode(true))).isEqualTo("a boolean");
        assertThat(Json.kind(NODES.binaryNode(new byte[1]))).isEqualTo("a binary");
        assertThat(Json.show(null)).isEqualTo("missing");
        assertThat(Json.show(NODES.numberNode(new BigDecimal("1" + "0".repeat(60))))).endsWith("…");
        assertThatThrownBy(() -> Json.instant(NODES.booleanNode(true), "ts", null)).hasMessage("field 'ts': expected a timestamp, was a boolean");
        assertThatThrownBy(() -> Json.millis(new BigDecimal("1e30"), BigDecimal.ONE, "d")).hasMessage(
                "field 'd': expected a duration, was 1000000000000000000000000000000 (too large)");
        assertThatThrownBy(() -> Json.decimal(NODES.numberNode(new BigDecimal("1e-40")), "d")).hasMessageStartingWith(
                "field 'd': expected a number");
        assertThatThrownBy(() -> Json.object("{\"a\":\n\"b\" \"c\"}")).hasMessage(
                "not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries (line 2, column 5)");
        assertThat(Json.describe(new IllegalStateException("x".repeat(300)))).hasSize(217);
        assertThatThrownBy(() -> Json.headers(NODES.textNode("h"), "h")).hasMessage(
                "field 'h': expected an object of header names and values, was a string");
    }

    @Test
    void sniffingHelpers() {
        assertThat(Sniffing.text(null, 10)).isEmpty();
        assertThat(Sniffing.lines(null)).isEmpty();
        assertThat(Sniffing.name(null)).isEmpty();
        assertThat(Sniffing.name("A.HAR.GZ")).isEqualTo("a.har");
        // a head of 64 KiB of long lines: the last, cut one is not judged
        StringBuilder head = new StringBuilder();
        while (head.length() < LogFormats.HEAD_BYTES) {
            head.append(Samples.JSONL.replace("\"JPY\"", "\"" + "Y".repeat(9000) + "\"")).append('\n');
        }
        byte[] bytes = java.util.Arrays.copyOf(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), LogFormats.HEAD_BYTES);
        assertThat(Sniffing.lines(bytes).size()).as("six whole lines, the seventh cut").isEqualTo(6);
        assertThat(new JsonlFormat().sniff(bytes, "x.jsonl")).isEqualTo(0.95);
        assertThat(new HarFormat().sniff("{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.har")).isEqualTo(0.7);
        assertThat(new HarFormat().sniff("{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.json")).isZero();
        assertThat(new OtlpFormat().sniff("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.json")).isZero();
        assertThat(new OtlpFormat().sniff("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.json")).isZero();
    }
}

package io.prod2test.mask.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    private record Value(String text, FieldContext field, long line) {
    }

    private static List<Value> line(String json) {
        List<Value> values = new ArrayList<>();
        assertThat(JsonValues.walkLine(json, 7, (text, field, line) -> values.add(new Value(text, field, line)))).isTrue();
        return values;
    }

    @Test
    void genericJsonGivesTheInnermostFieldAndThePath() {
        assertThat(line("{\"customer\":{\"name\":\"x\",\"phones\":[\"a\",\"b\"],\"age\":41,\"paid\":12.5,\"vip\":true,\"note\":null}}"))
                .extracting(v -> v.text(), v -> v.field().location(), v -> v.field().name(), v -> v.field().path(), v -> v.line())
                .containsExactly(
                        tuple("x", Location.TEXT, "name", "$.customer.name", 7L),
                        tuple("a", Location.TEXT, "phones", "$.customer.phones[0]", 7L),
                        tuple("b", Location.TEXT, "phones", "$.customer.phones[1]", 7L),
                        tuple("41", Location.TEXT, "age", "$.customer.age", 7L));
    }

    @Test
    void aCanonicalExchangeIsReadAsTheMaskerMasksIt() {
        String exchange = "{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"POST\",\"path\":\"/customers/taro%40docomo.ne.jp/orders\","
                + "\"query\":{\"email\":[\"q@x.jp\"]},\"requestHeaders\":{\"authorization\":\"Bearer t\",\"cookie\":\"sid=s1; theme=dark\"},"
                + "\"requestBody\":{\"items\":[{\"name\":\"tea\"}]},\"status\":200,\"responseHeaders\":{\"set-cookie\":\"c=1\"},"
                + "\"responseBody\":\"plain\",\"sessionId\":\"s1\",\"clientIp\":\"198.18.0.1\"}";
        assertThat(line(exchange)).extracting(v -> v.text(), v -> v.field().location(), v -> v.field().name(), v -> v.field().path())
                .containsExactly(
                        tuple("2026-11-02T09:14:03Z", Location.TEXT, "ts", "ts"),
                        tuple("POST", Location.TEXT, "method", "method"),
                        tuple("customers", Location.PATH_SEGMENT, null, "/customers/taro%40docomo.ne.jp/orders"),
                        tuple("taro@docomo.ne.jp", Location.PATH_SEGMENT, "customers", "/customers/taro%40docomo.ne.jp/orders"),
                        tuple("orders", Location.PATH_SEGMENT, "taro%40docomo.ne.jp", "/customers/taro%40docomo.ne.jp/orders"),
                        tuple("q@x.jp", Location.QUERY, "email", "email"),
                        tuple("Bearer t", Location.REQUEST_HEADER, "authorization", "authorization"),
                        tuple("s1", Location.COOKIE, "sid", "sid"),
                        tuple("dark", Location.COOKIE, "theme", "theme"),
                        tuple("tea", Location.REQUEST_BODY, "name", "$.items[0].name"),
                        tuple("200", Location.TEXT, "status", "status"),
                        tuple("c=1", Location.RESPONSE_HEADER, "set-cookie", "set-cookie"),
                        tuple("plain", Location.RESPONSE_BODY, null, "$"),
                        tuple("s1", Location.TEXT, "sessionId", "sessionId"),
                        tuple("198.18.0.1", Location.TEXT, "clientIp", "clientIp"));
    }

    @Test
    void aLineThatIsNotJsonSendsNothing() {
        List<Value> values = new ArrayList<>();
        assertThat(JsonValues.walkLine("{\"email\":\"a@b.jp\"} trailing", 1, (t, f, l) -> values.add(new Value(t, f, l)))).isFalse();
        assertThat(JsonValues.walkLine("{\"email\":", 1, (t, f, l) -> values.add(new Value(t, f, l)))).isFalse();
        assertThat(values).isEmpty();
    }

    @Test
    void documentsReportTheLineOfEachTokenAndSeveralRootsAreRead() throws Exception {
        List<Value> values = new ArrayList<>();
        boolean parsed = JsonValues.walkDocument(new StringReader("{\n \"a\": \"x\"\n}\n{\"b\":\n\n \"y\"}\n"),
                (text, field, line) -> values.add(new Value(text, field, line)));
        assertThat(parsed).isTrue();
        assertThat(values).extracting(Value::text, Value::line).containsExactly(tuple("x", 2L), tuple("y", 6L));
        assertThat(JsonValues.walkDocument(new StringReader("not json"), (t, f, l) -> { })).isFalse();
        assertThat(JsonValues.walkDocument(new StringReader(""), (t, f, l) -> { })).isFalse();
    }
}

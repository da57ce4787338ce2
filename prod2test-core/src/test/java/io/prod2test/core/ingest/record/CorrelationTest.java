package io.prod2test.core.ingest.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the proxy reads from headers for the log's session, user, trace, client and query fields. */
class CorrelationTest {

    @Test
    void traceIdComesFromAWellFormedTraceparentOnly() {
        assertThat(Correlation.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Correlation.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlation.traceId("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlation.traceId("00-4bf92f35-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlation.traceId("00-zzf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlation.traceId("garbage")).isNull();
        assertThat(Correlation.traceId(null)).isNull();
    }

    @Test
    void sessionIdComesFromTheFirstSessionCookieByPriorityThenFromTheOneTheResponseSets() {
        assertThat(Correlation.sessionId(List.of("JSESSIONID=j-1; theme=dark; SID=\"s-2\""), null)).isEqualTo("s-2");
        assertThat(Correlation.sessionId(List.of("theme=dark", "session=x-3"), List.of("sid=s-new; Path=/"))).isEqualTo("x-3");
        assertThat(Correlation.sessionId(List.of("theme=dark"), List.of("other=1", "JSESSIONID=j-9; HttpOnly"))).isEqualTo("j-9");
        assertThat(Correlation.sessionId(List.of("sid="), List.of("lang=en; sid=attribute-not-cookie"))).isNull();
        assertThat(Correlation.sessionId(null, null)).isNull();
    }

    @Test
    void userIdIsTheSubjectOfABearerJwt() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"u-77\"}".getBytes(StandardCharsets.UTF_8));
        String numeric = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":77}".getBytes(StandardCharsets.UTF_8));
        assertThat(Correlation.userId("Bearer h." + payload + ".s")).isEqualTo("u-77");
        assertThat(Correlation.userId("bearer  h." + numeric + ".s")).isEqualTo("77");
        assertThat(Correlation.userId("Bearer opaque-token")).isNull();
        assertThat(Correlation.userId("Bearer h.!!!.s")).isNull();
        assertThat(Correlation.userId("Bearer h.e30.s")).isNull(); // {} has no subject
        assertThat(Correlation.userId("Basic dGVzdDp0ZXN0")).isNull();
        assertThat(Correlation.userId(null)).isNull();
    }

    @Test
    void clientIpIsTheFirstForwardedEntryWhenItIsAnAddress() {
        assertThat(Correlation.clientIp(List.of("203.0.113.9, 10.0.0.1"), "10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(Correlation.clientIp(List.of("203.0.113.9:51234"), "10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(Correlation.clientIp(List.of("[2001:db8::1]:443"), "10.0.0.2")).isEqualTo("2001:db8::1");
        assertThat(Correlation.clientIp(List.of("2001:db8::2"), "10.0.0.2")).isEqualTo("2001:db8::2");
        assertThat(Correlation.clientIp(List.of("unknown"), "10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(Correlation.clientIp(null, "10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(Correlation.clientIp(List.of(), "unknown")).isNull();
    }

    @Test
    void queriesAreFormDecodedAndNeverFail() {
        assertThat(Query.parse("a=1&a=2&b=x+y%21&flag&&c=%zz&d=%E2%82%AC&e=%"))
                .isEqualTo(Map.of("a", List.of("1", "2"), "b", List.of("x y!"), "flag", List.of(""), "c", List.of("%zz"),
                        "d", List.of("€"), "e", List.of("%")));
        assertThat(Query.parse("")).isNull();
        assertThat(Query.parse(null)).isNull();
        assertThat(Query.parse("&&")).isNull();
        assertThat(Query.decode("😀%20")).isEqualTo("😀 ");
    }

    @Test
    void hopByHopHeadersIncludeThoseTheConnectionHeaderNames() {
        HopByHop hop = HopByHop.of(List.of("close, X-Custom-Hop"));
        assertThat(hop.drops("x-custom-hop")).isTrue();
        assertThat(hop.drops("proxy-authorization")).isTrue();
        assertThat(hop.drops("transfer-encoding")).isTrue();
        assertThat(hop.drops("content-type")).isFalse();
        assertThat(hop.connectionHas("close")).isTrue();
        assertThat(HopByHop.of(null).connectionHas("close")).isFalse();
    }
}

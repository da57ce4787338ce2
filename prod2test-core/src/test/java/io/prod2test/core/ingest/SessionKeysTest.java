package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.Exchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    private static Exchange.Builder request() {
        return Exchange.builder(Instant.EPOCH, "GET", "/products");
    }

    @Test
    void theExplicitSessionIdComesFirst() {
        Exchange exchange = request().sessionId("s-1").userId("u-1").requestHeaders(Map.of("cookie", "sid=c-1")).build();

        assertThat(SessionKeys.standard().keyOf(exchange)).isEqualTo("s-1");
    }

    @Test
    void thenASessionCookieThenAHeaderThenTheUser() {
        SessionKeys keys = SessionKeys.standard();

        assertThat(keys.keyOf(request().requestHeaders(Map.of("cookie", "theme=dark; JSESSIONID=abc")).userId("u-1").build()))
                .isEqualTo("cookie:abc");
        assertThat(keys.keyOf(request().requestHeaders(Map.of("X-Session-Id", "h-9")).userId("u-1").build())).isEqualTo("header:h-9");
        assertThat(keys.keyOf(request().userId("u-1").clientIp("192.0.2.1").build())).isEqualTo("user:u-1");
    }

    @Test
    void readsTheSubjectOfABearerToken() {
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"u-77\",\"exp\":1}".getBytes(StandardCharsets.UTF_8));
        Exchange exchange = request().requestHeaders(Map.of("authorization", "Bearer eyJhbGciOiJIUzI1NiJ9." + claims + ".c2ln")).build();

        assertThat(SessionKeys.standard().keyOf(exchange)).isEqualTo("sub:u-77");
        assertThat(SessionKeys.standard().keyOf(request().requestHeaders(Map.of("authorization", "Bearer not-a-jwt")).build())).isNull();
    }

    @Test
    void fallsBackToClientAndAgentAndCanBeConfigured() {
        Exchange exchange = request().clientIp("192.0.2.1").requestHeaders(Map.of("user-agent", "curl/8", "x-tenant", "t-3")).build();

        assertThat(SessionKeys.standard().keyOf(exchange)).isEqualTo("client:192.0.2.1|curl/8");
        assertThat(SessionKeys.of(List.of(new SessionKeys.Header("X-Tenant"))).keyOf(exchange)).isEqualTo("header:t-3");
        assertThat(SessionKeys.of(List.of(new SessionKeys.UserId())).keyOf(exchange)).isNull();
    }
}

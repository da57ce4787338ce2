package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShopConfigTest {
    private static final String URL = "jdbc:postgresql://localhost:5432/shop";
    private static final URI PAYMENTS = URI.create("http://127.0.0.1:8081");

    @Test
    void ofGivesAHealthyShopOnAFreePort() {
        ShopConfig config = ShopConfig.of(URL, PAYMENTS);
        assertThat(config.port()).isZero();
        assertThat(config.logFile()).isNull();
        assertThat(config.faults().active()).isEmpty();
        assertThat(config.clock()).isNotNull();
    }

    @Test
    void withMethodsChangeOneComponent() {
        Clock fixed = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        FaultSwitches faults = FaultSwitches.of(Fault.PAGINATION_OFF_BY_ONE);
        ShopConfig config = ShopConfig.of(URL, PAYMENTS).withPort(8080).withLogFile(Path.of("shop.jsonl"))
                .withFaults(faults).withClock(fixed).withCredentials("shop", "secret")
                .withPaymentsBaseUrl(URI.create("https://payments.example"));
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.logFile()).isEqualTo(Path.of("shop.jsonl"));
        assertThat(config.faults()).isSameAs(faults);
        assertThat(config.clock()).isSameAs(fixed);
        assertThat(config.dbUser()).isEqualTo("shop");
        assertThat(config.paymentsBaseUrl()).hasHost("payments.example");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void statesEachRule() {
        assertThatThrownBy(() -> ShopConfig.of("jdbc:mysql://x/shop", PAYMENTS)).hasMessageContaining("jdbcUrl must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ShopConfig.of(null, PAYMENTS)).hasMessageContaining("jdbcUrl must be");
        assertThatThrownBy(() -> ShopConfig.of(URL, PAYMENTS).withPort(-1)).hasMessageContaining("port must be between 0");
        assertThatThrownBy(() -> ShopConfig.of(URL, PAYMENTS).withPort(70_000)).hasMessageContaining("65535");
        assertThatThrownBy(() -> ShopConfig.of(URL, null)).hasMessageContaining("paymentsBaseUrl must be an absolute http");
        assertThatThrownBy(() -> ShopConfig.of(URL, URI.create("ftp://host/"))).hasMessageContaining("paymentsBaseUrl");
        assertThatThrownBy(() -> ShopConfig.of(URL, URI.create("/relative"))).hasMessageContaining("paymentsBaseUrl");
        assertThatThrownBy(() -> ShopConfig.of(URL, PAYMENTS).withFaults(null)).hasMessageContaining("faults must not be null");
        assertThatThrownBy(() -> ShopConfig.of(URL, PAYMENTS).withClock(null)).hasMessageContaining("clock must not be null");
    }
}

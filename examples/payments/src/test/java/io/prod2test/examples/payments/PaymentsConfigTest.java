package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PaymentsConfigTest {
    private static final String URL = "jdbc:postgresql://localhost:5432/payments";

    @Test
    void ofGivesAHealthyServiceOnAFreePortWithoutLog() {
        PaymentsConfig config = PaymentsConfig.of(URL);
        assertThat(config.port()).isZero();
        assertThat(config.logFile()).isNull();
        assertThat(config.faults().active()).isEmpty();
        assertThat(config.clock()).isNotNull();
    }

    @Test
    void withMethodsChangeOneThing() {
        Clock clock = Clock.fixed(Instant.parse("2025-11-21T00:00:00Z"), ZoneOffset.UTC);
        FaultSwitches faults = FaultSwitches.of(Fault.JPY_ROUNDED);
        PaymentsConfig config = PaymentsConfig.of(URL).withCredentials("app", "secret").withPort(8081)
                .withLogFile(Path.of("payments.jsonl")).withFaults(faults).withClock(clock);
        assertThat(config).isEqualTo(new PaymentsConfig(URL, "app", "secret", 8081, Path.of("payments.jsonl"), faults, clock));
    }

    @Test
    void rulesAreStatedInTheMessages() {
        assertThatThrownBy(() -> PaymentsConfig.of("jdbc:mysql://x/y")).hasMessageContaining("must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> PaymentsConfig.of(null)).hasMessageContaining("must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> PaymentsConfig.of(URL).withPort(70_000)).hasMessageContaining("port must be 0 (any free port) or 1-65535");
        assertThatThrownBy(() -> PaymentsConfig.of(URL).withPort(-1)).hasMessageContaining("port must be");
        assertThatThrownBy(() -> PaymentsConfig.of(URL).withFaults(null)).hasMessageContaining("FaultSwitches.none()");
        assertThatThrownBy(() -> PaymentsConfig.of(URL).withClock(null)).hasMessageContaining("clock must not be null");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(PaymentsConfig.of(URL).withCredentials("app", "s3cr3t").toString()).doesNotContain("s3cr3t").contains("****");
    }
}

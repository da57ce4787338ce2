package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {
    private static final URI SHOP = URI.create("http://localhost:7070");

    @Test
    void defaultsAreTwoThousandSessionsEightAtATime() {
        SimulationConfig config = SimulationConfig.defaults(42, SHOP);

        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.sessions()).isEqualTo(2_000);
        assertThat(config.concurrency()).isEqualTo(8);
        assertThat(config.shopBaseUrl()).isEqualTo(SHOP);
        assertThat(config.preWindowCustomers()).isEqualTo(50);
    }

    @Test
    void byDefaultOneCustomerPerFortySessionsSignedUpBeforeTheWindowAndAtLeastFive() {
        assertThat(new SimulationConfig(1, 1, 1, SHOP).preWindowCustomers()).isEqualTo(5);
        assertThat(new SimulationConfig(1, 240, 1, SHOP).preWindowCustomers()).isEqualTo(6);
        assertThat(new SimulationConfig(1, 20_000, 1, SHOP).preWindowCustomers()).isEqualTo(500);
    }

    @Test
    void anotherNumberOfSessionsBringsItsDefaultPreWindowCustomersUnlessChosenAfter() {
        SimulationConfig config = SimulationConfig.defaults(1, SHOP).withPreWindowCustomers(3);

        assertThat(config.preWindowCustomers()).isEqualTo(3);
        assertThat(config.withSessions(400).preWindowCustomers()).isEqualTo(10);
        assertThat(config.withSessions(400).withPreWindowCustomers(0).preWindowCustomers()).isZero();
        assertThat(config.withSeed(2).withConcurrency(3).preWindowCustomers()).isEqualTo(3);
    }

    @Test
    void preWindowCustomersMustBeBetweenZeroAndAHundredThousand() {
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 1, SHOP, -1))
                .hasMessage("preWindowCustomers must be between 0 and 100000, was -1");
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 1, SHOP, 100_001))
                .hasMessage("preWindowCustomers must be between 0 and 100000, was 100001");
        assertThat(new SimulationConfig(1, 1, 1, SHOP, 0).preWindowCustomers()).isZero();
    }

    @Test
    void withersChangeOneThing() {
        SimulationConfig config = SimulationConfig.defaults(1, SHOP).withSessions(10).withConcurrency(64).withSeed(7);

        assertThat(config).isEqualTo(new SimulationConfig(7, 10, 64, SHOP));
    }

    @Test
    void sessionsMustBePositive() {
        assertThatThrownBy(() -> new SimulationConfig(1, 0, 1, SHOP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sessions must be greater than 0, was 0");
    }

    @Test
    void concurrencyMustBeBetweenOneAndSixtyFour() {
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 0, SHOP))
                .hasMessage("concurrency must be between 1 and 64, was 0");
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 65, SHOP))
                .hasMessage("concurrency must be between 1 and 64, was 65");
        assertThat(new SimulationConfig(1, 1, 64, SHOP).concurrency()).isEqualTo(64);
    }

    @Test
    void shopBaseUrlMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("shopBaseUrl must not be null");
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 1, URI.create("ftp://localhost/")))
                .hasMessage("shopBaseUrl must be an absolute http or https URL, was ftp://localhost/");
        assertThatThrownBy(() -> new SimulationConfig(1, 1, 1, URI.create("/relative")))
                .hasMessageStartingWith("shopBaseUrl must be an absolute http or https URL");
    }
}

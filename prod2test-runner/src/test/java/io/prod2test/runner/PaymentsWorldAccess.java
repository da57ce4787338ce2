package io.prod2test.runner;

import io.prod2test.examples.support.FaultSwitches;
import java.net.URI;

/** {@link PaymentsWorld} for tests in other packages. */
public final class PaymentsWorldAccess implements AutoCloseable {
    private final PaymentsWorld world;

    private PaymentsWorldAccess(PaymentsWorld world) {
        this.world = world;
    }

    public static PaymentsWorldAccess start() {
        return new PaymentsWorldAccess(PaymentsWorld.start());
    }

    public URI baseUrl() {
        return world.service.baseUrl();
    }

    public String jdbcUrl() {
        return world.jdbcUrl;
    }

    public FaultSwitches faults() {
        return world.service.faults();
    }

    @Override
    public void close() {
        world.close();
    }
}

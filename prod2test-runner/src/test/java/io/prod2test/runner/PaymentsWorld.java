package io.prod2test.runner;

import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.examples.support.FaultSwitches;

/** The real sample payments service on an embedded PostgreSQL, for the integration tests. */
final class PaymentsWorld implements AutoCloseable {
    final EmbeddedDatabases databases;
    final String jdbcUrl;
    final PaymentsService service;

    private PaymentsWorld(EmbeddedDatabases databases, String jdbcUrl, PaymentsService service) {
        this.databases = databases;
        this.jdbcUrl = jdbcUrl;
        this.service = service;
    }

    static PaymentsWorld start() {
        EmbeddedDatabases databases = EmbeddedDatabases.start(null);
        try {
            String url = databases.createDatabase("payments");
            PaymentsService service = PaymentsService.start(PaymentsConfig.of(url).withCredentials("postgres", null)
                    .withFaults(FaultSwitches.none()));
            return new PaymentsWorld(databases, url, service);
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
    }

    ServiceTarget target() {
        return new ServiceTarget("payments", service.baseUrl(), jdbcUrl);
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            databases.close();
        }
    }
}

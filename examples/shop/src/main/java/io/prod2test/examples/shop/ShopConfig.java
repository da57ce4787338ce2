package io.prod2test.examples.shop;

import io.prod2test.examples.support.FaultSwitches;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to start a {@link ShopService}.
 *
 * @param jdbcUrl         the shop's own PostgreSQL database, {@code jdbc:postgresql://...}
 * @param dbUser          database user, or {@code null} when the URL carries it
 * @param dbPassword      database password, or {@code null}
 * @param port            HTTP port on 127.0.0.1; 0 picks a free one
 * @param paymentsBaseUrl where the payments service answers, e.g. {@code http://127.0.0.1:8081}
 * @param logFile         the canonical exchange log to append to, or {@code null} for none
 * @param faults          the fault switches, changeable while the service runs
 * @param clock           the clock for timestamps and the age rule
 */
public record ShopConfig(String jdbcUrl, String dbUser, String dbPassword, int port, URI paymentsBaseUrl,
                         Path logFile, FaultSwitches faults, Clock clock) {

    public ShopConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a PostgreSQL JDBC URL starting with jdbc:postgresql:, was " + jdbcUrl);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 (a free port) and 65535, was " + port);
        }
        if (paymentsBaseUrl == null || paymentsBaseUrl.getHost() == null
                || !("http".equals(paymentsBaseUrl.getScheme()) || "https".equals(paymentsBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("paymentsBaseUrl must be an absolute http or https URL with a host, was " + paymentsBaseUrl);
        }
        if (faults == null) {
            throw new IllegalArgumentException("faults must not be null; use FaultSwitches.none() for a healthy shop");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null; use Clock.systemUTC()");
        }
    }

    /** A healthy shop on a free port, without an exchange log, on the system clock. */
    public static ShopConfig of(String jdbcUrl, URI paymentsBaseUrl) {
        return new ShopConfig(jdbcUrl, null, null, 0, paymentsBaseUrl, null, FaultSwitches.none(), Clock.systemUTC());
    }

    public ShopConfig withCredentials(String user, String password) {
        return new ShopConfig(jdbcUrl, user, password, port, paymentsBaseUrl, logFile, faults, clock);
    }

    public ShopConfig withPort(int port) {
        return new ShopConfig(jdbcUrl, dbUser, dbPassword, port, paymentsBaseUrl, logFile, faults, clock);
    }

    public ShopConfig withPaymentsBaseUrl(URI paymentsBaseUrl) {
        return new ShopConfig(jdbcUrl, dbUser, dbPassword, port, paymentsBaseUrl, logFile, faults, clock);
    }

    public ShopConfig withLogFile(Path logFile) {
        return new ShopConfig(jdbcUrl, dbUser, dbPassword, port, paymentsBaseUrl, logFile, faults, clock);
    }

    public ShopConfig withFaults(FaultSwitches faults) {
        return new ShopConfig(jdbcUrl, dbUser, dbPassword, port, paymentsBaseUrl, logFile, faults, clock);
    }

    public ShopConfig withClock(Clock clock) {
        return new ShopConfig(jdbcUrl, dbUser, dbPassword, port, paymentsBaseUrl, logFile, faults, clock);
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "ShopConfig[jdbcUrl=" + jdbcUrl + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? null : "***")
                + ", port=" + port + ", paymentsBaseUrl=" + paymentsBaseUrl + ", logFile=" + logFile
                + ", faults=" + faults.active() + ", clock=" + clock + "]";
    }
}

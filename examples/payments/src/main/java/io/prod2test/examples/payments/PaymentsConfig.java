package io.prod2test.examples.payments;

import io.prod2test.examples.support.FaultSwitches;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run one payments service.
 *
 * @param jdbcUrl    the PostgreSQL database the service owns, {@code jdbc:postgresql:...}; migrated on start
 * @param dbUser     the database user, or {@code null} when the URL names it (as the embedded one does)
 * @param dbPassword the database password, or {@code null} for none
 * @param port       the HTTP port on 127.0.0.1; 0 picks a free one
 * @param logFile    where the canonical exchange log is appended, or {@code null} for no log
 * @param faults     the fault switches, changeable while the service runs
 * @param clock      the service's time: creation times and card expiry are judged by it
 */
public record PaymentsConfig(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        int port,
        Path logFile,
        FaultSwitches faults,
        Clock clock) {

    public PaymentsConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must be a PostgreSQL JDBC URL starting with jdbc:postgresql:, was "
                    + (jdbcUrl == null ? "null" : "'" + jdbcUrl + "'"));
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        if (faults == null) {
            throw new IllegalArgumentException("faults must not be null; use FaultSwitches.none() for a healthy service");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null; use Clock.systemUTC()");
        }
    }

    /** A healthy service on {@code jdbcUrl}, a free port, no log, the system clock. */
    public static PaymentsConfig of(String jdbcUrl) {
        return new PaymentsConfig(jdbcUrl, null, null, 0, null, FaultSwitches.none(), Clock.systemUTC());
    }

    public PaymentsConfig withCredentials(String user, String password) {
        return new PaymentsConfig(jdbcUrl, user, password, port, logFile, faults, clock);
    }

    public PaymentsConfig withPort(int newPort) {
        return new PaymentsConfig(jdbcUrl, dbUser, dbPassword, newPort, logFile, faults, clock);
    }

    public PaymentsConfig withLogFile(Path file) {
        return new PaymentsConfig(jdbcUrl, dbUser, dbPassword, port, file, faults, clock);
    }

    public PaymentsConfig withFaults(FaultSwitches switches) {
        return new PaymentsConfig(jdbcUrl, dbUser, dbPassword, port, logFile, switches, clock);
    }

    public PaymentsConfig withClock(Clock newClock) {
        return new PaymentsConfig(jdbcUrl, dbUser, dbPassword, port, logFile, faults, newClock);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PaymentsConfig[jdbcUrl=" + jdbcUrl + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null ? "null" : "****") + ", port=" + port + ", logFile=" + logFile
                + ", faults=" + faults.active() + ", clock=" + clock + "]";
    }
}

package io.prod2test.examples.simulator;

import java.net.URI;
import java.util.Objects;

/**
 * What one simulation run plays: how many user sessions, how many at a time, against which shop,
 * and the seed every session's plan is derived from.
 *
 * @param seed        the seed of the whole population; the same seed gives the same sessions
 * @param sessions    how many user sessions to play, at least 1
 * @param concurrency how many sessions run at the same time, 1 to 64
 * @param shopBaseUrl the shop's base URL, e.g. {@code http://localhost:7070}
 */
public record SimulationConfig(long seed, int sessions, int concurrency, URI shopBaseUrl) {
    /** Sessions of a default run: enough for every journey of the usage model to show up. */
    public static final int DEFAULT_SESSIONS = 2_000;
    /** Sessions played at once by default: a modest load the embedded services handle easily. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The most sessions played at once; more would only queue on the services' connection pools. */
    public static final int MAX_CONCURRENCY = 64;

    public SimulationConfig {
        if (sessions <= 0) {
            throw new IllegalArgumentException("sessions must be greater than 0, was " + sessions);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
        }
        Objects.requireNonNull(shopBaseUrl, "shopBaseUrl must not be null");
        String scheme = shopBaseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("shopBaseUrl must be an absolute http or https URL, was " + shopBaseUrl);
        }
        if (shopBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("shopBaseUrl must name a host, was " + shopBaseUrl);
        }
    }

    /** A default run against {@code shopBaseUrl}: {@value #DEFAULT_SESSIONS} sessions, {@value #DEFAULT_CONCURRENCY} at a time. */
    public static SimulationConfig defaults(long seed, URI shopBaseUrl) {
        return new SimulationConfig(seed, DEFAULT_SESSIONS, DEFAULT_CONCURRENCY, shopBaseUrl);
    }

    /** The same run with another number of sessions. */
    public SimulationConfig withSessions(int sessions) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl);
    }

    /** The same run with another concurrency. */
    public SimulationConfig withConcurrency(int concurrency) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl);
    }

    /** The same run with another seed. */
    public SimulationConfig withSeed(long seed) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl);
    }
}

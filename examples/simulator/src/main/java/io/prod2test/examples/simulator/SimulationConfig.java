package io.prod2test.examples.simulator;

import java.net.URI;
import java.util.Objects;

/**
 * What one simulation run plays: how many user sessions, how many at a time, against which shop,
 * how many customers signed up before the capture window, and the seed every plan is derived from.
 *
 * @param seed               the seed of the whole population; the same seed gives the same sessions
 *                           and the same pre-window customers
 * @param sessions           how many user sessions to play, at least 1
 * @param concurrency        how many sessions run at the same time, 1 to 64
 * @param shopBaseUrl        the shop's base URL, e.g. {@code http://localhost:7070}
 * @param preWindowCustomers how many customers sign up before the capture window (see
 *                           {@link Simulator#signUpPreWindowCustomers()}), 0 to
 *                           {@value #MAX_PRE_WINDOW_CUSTOMERS}; by default
 *                           {@link #defaultPreWindowCustomers(int)}
 */
public record SimulationConfig(long seed, int sessions, int concurrency, URI shopBaseUrl, int preWindowCustomers) {
    /** Sessions of a default run: enough for every journey of the usage model to show up. */
    public static final int DEFAULT_SESSIONS = 2_000;
    /** Sessions played at once by default: a modest load the embedded services handle easily. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The most sessions played at once; more would only queue on the services' connection pools. */
    public static final int MAX_CONCURRENCY = 64;
    /** The most pre-window customers: their e-mail tags must stay clear of the sessions' (see {@link PersonaGenerator#EMAIL_TAG_SPACE}). */
    public static final int MAX_PRE_WINDOW_CUSTOMERS = 100_000;

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
        if (preWindowCustomers < 0 || preWindowCustomers > MAX_PRE_WINDOW_CUSTOMERS) {
            throw new IllegalArgumentException("preWindowCustomers must be between 0 and " + MAX_PRE_WINDOW_CUSTOMERS
                    + ", was " + preWindowCustomers);
        }
    }

    /** A run with the default number of pre-window customers for its sessions. */
    public SimulationConfig(long seed, int sessions, int concurrency, URI shopBaseUrl) {
        this(seed, sessions, concurrency, shopBaseUrl, defaultPreWindowCustomers(sessions));
    }

    /**
     * The pre-window customers of a run of {@code sessions} sessions: one per 40 sessions, at least
     * 5. A regular customer comes back in about one session in twenty, so each pre-window customer
     * is used about twice in a standard run, and some by no session at all, as in a real shop.
     */
    public static int defaultPreWindowCustomers(int sessions) {
        return Math.max(5, Math.min(MAX_PRE_WINDOW_CUSTOMERS, sessions / 40));
    }

    /** A default run against {@code shopBaseUrl}: {@value #DEFAULT_SESSIONS} sessions, {@value #DEFAULT_CONCURRENCY} at a time. */
    public static SimulationConfig defaults(long seed, URI shopBaseUrl) {
        return new SimulationConfig(seed, DEFAULT_SESSIONS, DEFAULT_CONCURRENCY, shopBaseUrl);
    }

    /**
     * The same run with another number of sessions, and the {@linkplain #defaultPreWindowCustomers(int)
     * default number of pre-window customers} for them: call {@link #withPreWindowCustomers(int)}
     * after it to choose another.
     */
    public SimulationConfig withSessions(int sessions) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl);
    }

    /** The same run with another concurrency. */
    public SimulationConfig withConcurrency(int concurrency) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl, preWindowCustomers);
    }

    /** The same run with another seed. */
    public SimulationConfig withSeed(long seed) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl, preWindowCustomers);
    }

    /** The same run with another number of customers who sign up before the capture window. */
    public SimulationConfig withPreWindowCustomers(int preWindowCustomers) {
        return new SimulationConfig(seed, sessions, concurrency, shopBaseUrl, preWindowCustomers);
    }
}

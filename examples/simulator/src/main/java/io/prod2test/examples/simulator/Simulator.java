package io.prod2test.examples.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a seeded population of shop users over real HTTP: {@link SimulationConfig#sessions()}
 * sessions drawn from a {@link UsageModel}, {@link SimulationConfig#concurrency()} at a time.
 *
 * <p>All plans are made before the first request, each from a generator seeded by (seed, session
 * index), so the same seed gives the same sessions at any concurrency; only the interleaving of
 * sessions differs. With concurrency 1 sessions run one after the other in index order.
 *
 * <pre>{@code
 * SimulationReport report = new Simulator(SimulationConfig.defaults(42, shop.baseUrl()))
 *         .run((done, total) -> System.out.print("\r" + done + "/" + total));
 * }</pre>
 */
public final class Simulator {
    private final SimulationConfig config;
    private final UsageModel model;
    private final Clock clock;

    /** A simulator with the standard usage model and the system clock (UTC). */
    public Simulator(SimulationConfig config) {
        this(config, UsageModel.standard(), Clock.systemUTC());
    }

    /**
     * @param clock gives "today" for the plans: dates of birth (adults and minors) and card expiry
     *              dates are relative to it, as the services judge them
     */
    public Simulator(SimulationConfig config, UsageModel model, Clock clock) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    public SimulationConfig config() {
        return config;
    }

    /** The plans of every session in index order; the same for the same seed, model and day. */
    public List<SessionPlan> plan() {
        SessionPlanner planner = new SessionPlanner(config.seed(), model, LocalDate.now(clock));
        List<SessionPlan> plans = new ArrayList<>(config.sessions());
        for (int i = 0; i < config.sessions(); i++) {
            plans.add(planner.plan(i));
        }
        return plans;
    }

    /** Plays every session without reporting progress. */
    public SimulationReport run() {
        return run(ProgressListener.NONE);
    }

    /**
     * Plays every session and waits until all have finished. A session that meets an unexpected
     * outcome is counted and described in the report; the run never stops for one.
     */
    public SimulationReport run(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress must not be null; use ProgressListener.NONE");
        List<SessionPlan> plans = plan();
        Tally tally = new Tally(plans.size(), progress);
        SessionRunner runner = new SessionRunner(config.shopBaseUrl());
        long started = System.nanoTime();
        // a FIFO queue in front of a fixed pool: with one thread, sessions run in index order
        try (ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), threads())) {
            for (SessionPlan plan : plans) {
                pool.execute(() -> tally.add(runner.play(plan)));
            }
        }
        return tally.report(Duration.ofNanos(System.nanoTime() - started));
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Adds up session results as they come in from the worker threads. */
    private static final class Tally {
        private final int total;
        private final ProgressListener progress;
        private final Map<Journey, Integer> journeys = new EnumMap<>(Journey.class);
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private final List<String> messages = new ArrayList<>();
        private long requests;
        private int failures;
        private int finished;

        Tally(int total, ProgressListener progress) {
            this.total = total;
            this.progress = progress;
            for (Journey journey : Journey.values()) {
                journeys.put(journey, 0);
            }
        }

        void add(SessionRunner.Result result) {
            int done;
            synchronized (this) {
                journeys.merge(result.plan().journey(), 1, Integer::sum);
                result.statuses().forEach((status, count) -> statuses.merge(status, (long) count, Long::sum));
                requests += result.requests();
                if (result.failure() != null) {
                    failures++;
                    if (messages.size() < SimulationReport.MAX_MESSAGES) {
                        messages.add(result.failure());
                    }
                }
                done = ++finished;
                // called under the lock so that the listener sees 1, 2, 3... in order
                try {
                    progress.sessionFinished(done, total);
                } catch (RuntimeException listenerBug) {
                    // progress display is a courtesy; it must not lose a session's result
                }
            }
        }

        synchronized SimulationReport report(Duration elapsed) {
            return new SimulationReport(finished, requests, journeys, new TreeMap<>(statuses), failures, messages, elapsed);
        }
    }
}

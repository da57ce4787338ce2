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
 * <p>A run has two phases. First {@link SimulationConfig#preWindowCustomers()} customers sign up
 * (some verify their identity), one after the other: they are the shop's customers from before the
 * capture window, whose rows are in the production database but whose requests are not in the logs
 * being captured. Then the sessions play; a {@link Journey#REGULAR_CUSTOMER} session is one of those
 * customers coming back. {@link #run(ProgressListener)} plays both phases against the same logs; a
 * caller that captures only the second, as the sample world does, calls
 * {@link #signUpPreWindowCustomers()}, rotates its logs, then {@link #run(PreWindow, ProgressListener)}.
 *
 * <p>All plans are made before the first request, each from a generator seeded by (seed, session
 * index), so the same seed gives the same sessions at any concurrency; only the interleaving of
 * sessions differs. With concurrency 1 sessions run one after the other in index order.
 *
 * <pre>{@code
 * Simulator simulator = new Simulator(SimulationConfig.defaults(42, shop.baseUrl()));
 * PreWindow before = simulator.signUpPreWindowCustomers();
 * shop.rotateLog(window);   // the capture window opens
 * SimulationReport report = simulator.run(before, (done, total) -> System.out.print("\r" + done + "/" + total));
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
        planner(); // refuses a model with regular customers and a run without pre-window customers now, not mid-run
    }

    private SessionPlanner planner() {
        return new SessionPlanner(config.seed(), model, LocalDate.now(clock), config.preWindowCustomers());
    }

    public SimulationConfig config() {
        return config;
    }

    /** The plans of every session in index order; the same for the same seed, model and day. */
    public List<SessionPlan> plan() {
        SessionPlanner planner = planner();
        List<SessionPlan> plans = new ArrayList<>(config.sessions());
        for (int i = 0; i < config.sessions(); i++) {
            plans.add(planner.plan(i));
        }
        return plans;
    }

    /** The customers who sign up before the capture window, in index order; the same for the same seed and day. */
    public List<PreWindowCustomer> preWindowPlan() {
        SessionPlanner planner = planner();
        List<PreWindowCustomer> customers = new ArrayList<>(config.preWindowCustomers());
        for (int i = 0; i < config.preWindowCustomers(); i++) {
            customers.add(planner.preWindowCustomer(i));
        }
        return customers;
    }

    /**
     * Signs up the customers from before the capture window through the shop's API, one after the
     * other in index order, each in a browser of their own, and verifies the identity of those who
     * did. A sign-up that goes wrong is described in the result, never thrown; a regular customer's
     * session that would use that customer then fails.
     */
    public PreWindow signUpPreWindowCustomers() {
        List<PreWindowCustomer> planned = preWindowPlan();
        SessionRunner runner = new SessionRunner(config.shopBaseUrl(), PreWindow.NONE);
        List<PreWindow.Customer> customers = new ArrayList<>(planned.size());
        List<String> failures = new ArrayList<>();
        long requests = 0;
        for (PreWindowCustomer customer : planned) {
            SessionRunner.SignUp signUp = runner.signUp(customer);
            requests += signUp.requests();
            if (signUp.customer() != null) {
                customers.add(signUp.customer());
            } else if (failures.size() < SimulationReport.MAX_MESSAGES) {
                failures.add(signUp.failure());
            }
        }
        return new PreWindow(planned.size(), customers, requests, failures);
    }

    /** Signs up the pre-window customers, then plays every session, without reporting progress. */
    public SimulationReport run() {
        return run(ProgressListener.NONE);
    }

    /**
     * Signs up the pre-window customers, then plays every session, into whatever log the services
     * write: use {@link #signUpPreWindowCustomers()} and {@link #run(PreWindow, ProgressListener)}
     * to keep the sign-ups out of the captured logs.
     */
    public SimulationReport run(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress must not be null; use ProgressListener.NONE");
        return run(signUpPreWindowCustomers(), progress);
    }

    /**
     * Plays every session of the capture window and waits until all have finished. A session that
     * meets an unexpected outcome is counted and described in the report; the run never stops for one.
     *
     * @param preWindow what {@link #signUpPreWindowCustomers()} answered: the customers the regular
     *                  customers' sessions come back as
     */
    public SimulationReport run(PreWindow preWindow, ProgressListener progress) {
        Objects.requireNonNull(preWindow, "preWindow must not be null; sign the customers up with signUpPreWindowCustomers()");
        Objects.requireNonNull(progress, "progress must not be null; use ProgressListener.NONE");
        List<SessionPlan> plans = plan();
        Tally tally = new Tally(plans.size(), progress);
        SessionRunner runner = new SessionRunner(config.shopBaseUrl(), preWindow);
        long started = System.nanoTime();
        // a FIFO queue in front of a fixed pool: with one thread, sessions run in index order
        try (ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), threads())) {
            for (SessionPlan plan : plans) {
                pool.execute(() -> tally.add(runner.play(plan)));
            }
        }
        return tally.report(Duration.ofNanos(System.nanoTime() - started), preWindow);
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

        synchronized SimulationReport report(Duration elapsed, PreWindow preWindow) {
            return new SimulationReport(finished, requests, journeys, new TreeMap<>(statuses), failures, messages, elapsed, preWindow);
        }
    }
}

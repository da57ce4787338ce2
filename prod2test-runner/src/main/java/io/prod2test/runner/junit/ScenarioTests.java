package io.prod2test.runner.junit;

import io.prod2test.runner.LoadedScenario;
import io.prod2test.runner.ProjectConfig;
import io.prod2test.runner.RunReport;
import io.prod2test.runner.ScenarioCatalog;
import io.prod2test.runner.ScenarioResult;
import io.prod2test.runner.ScenarioRunner;
import io.prod2test.runner.ServiceTarget;
import io.prod2test.runner.database.SutDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The scenarios of one service as JUnit dynamic tests, each named by its title, so that a
 * generated test class is a few lines:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; scenarios() {
 *     return ScenarioTests.of("payments", Path.of(""));
 * }
 * </pre>
 *
 * <p>The system under test is found, for service {@code payments}, in the system properties
 * {@code prod2test.payments.baseUrl} and {@code prod2test.payments.database}, else the environment
 * variables {@code PROD2TEST_PAYMENTS_BASE_URL} and {@code PROD2TEST_PAYMENTS_DATABASE}, else
 * {@code services.payments} of {@code prod2test.yaml}. {@code prod2test.order=random} (with
 * {@code prod2test.seed}) shuffles the scenarios. The base state is loaded once, when the first
 * test runs; the connection is closed when JUnit closes the stream.
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /** The scenarios of {@code service} in {@code repo}, against the system its configuration names. */
    public static Stream<DynamicTest> of(String service, Path repo) {
        ServiceTarget target = ProjectConfig.target(repo, service, setting(service, "baseUrl", "BASE_URL") == null ? null
                : URI.create(setting(service, "baseUrl", "BASE_URL")), setting(service, "database", "DATABASE"));
        return tests(service, repo, target, () -> { });
    }

    /**
     * A system the test starts itself: its database is the configured one when there is one, else a
     * PostgreSQL from Testcontainers (where Docker runs) or an embedded one (SPEC §5); {@code start}
     * starts the system on that database's JDBC URL and returns where it answers. Both are closed when
     * JUnit closes the stream.
     */
    public static Stream<DynamicTest> withSystem(String service, Path repo, Function<String, RunningSystem> start) {
        String configured = setting(service, "database", "DATABASE");
        if (configured == null) {
            ProjectConfig.Entry entry = ProjectConfig.services(repo).get(service);
            configured = entry == null ? null : entry.database();
        }
        SutDatabases.ProvidedDatabase database = SutDatabases.provide(configured);
        RunningSystem system;
        try {
            system = start.apply(database.jdbcUrl());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        ServiceTarget target = new ServiceTarget(service, system.baseUrl(), database.jdbcUrl());
        return tests(service, repo, target, () -> {
            try {
                system.stop().close();
            } finally {
                database.close();
            }
        });
    }

    /**
     * A system a test started.
     *
     * @param baseUrl where it answers
     * @param stop    what stops it
     */
    public record RunningSystem(URI baseUrl, AutoCloseable stop) {
    }

    /** Closes the system a test started; a failure to close is reported, not hidden. */
    @FunctionalInterface
    private interface Closer {
        void close() throws Exception;
    }

    private static Stream<DynamicTest> tests(String service, Path repo, ServiceTarget target, Closer closer) {
        List<LoadedScenario> scenarios = new ArrayList<>(ScenarioCatalog.load(repo, service));
        String order = System.getProperty("prod2test.order", "file");
        if (order.toLowerCase(Locale.ROOT).equals("random")) {
            long seed = Long.getLong("prod2test.seed", System.nanoTime());
            System.out.println("prod2test: " + service + " scenarios in random order, seed " + seed);
            Collections.shuffle(scenarios, new Random(seed));
        }
        Lazy lazy = new Lazy(repo, target);
        return scenarios.stream()
                .map(s -> DynamicTest.dynamicTest(s.scenario().title(), s.dir().resolve("scenario.yaml").toUri(), () -> {
                    ScenarioResult result = lazy.runner().run(s, 1);
                    if (!result.passed()) {
                        throw new AssertionError(RunReport.line(result));
                    }
                }))
                .onClose(() -> {
                    lazy.close();
                    try {
                        closer.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot stop the system under test: " + e.getMessage(), e);
                    }
                });
    }

    private static String setting(String service, String property, String variable) {
        String value = System.getProperty("prod2test." + service + "." + property);
        if (value == null || value.isBlank()) {
            value = System.getenv("PROD2TEST_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** Opens the runner (loads the base state) on first use, so a test class that is not run costs nothing. */
    private static final class Lazy implements AutoCloseable {
        private final Path repo;
        private final ServiceTarget target;
        private ScenarioRunner runner;

        Lazy(Path repo, ServiceTarget target) {
            this.repo = repo;
            this.target = target;
        }

        synchronized ScenarioRunner runner() {
            if (runner == null) {
                runner = ScenarioRunner.open(repo, target);
            }
            return runner;
        }

        @Override
        public synchronized void close() {
            if (runner != null) {
                runner.close();
            }
        }
    }

}

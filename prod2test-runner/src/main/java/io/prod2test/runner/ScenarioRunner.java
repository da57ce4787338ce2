package io.prod2test.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.check.Difference;
import io.prod2test.runner.check.ExpectationChecker;
import io.prod2test.runner.database.DatabaseReset;
import io.prod2test.runner.database.Migrations;
import io.prod2test.runner.play.Bindings;
import io.prod2test.runner.play.Response;
import io.prod2test.runner.play.StepPlayer;
import io.prod2test.runner.scenario.Capture;
import io.prod2test.runner.scenario.DatabaseCheck;
import io.prod2test.runner.scenario.ScenarioReader;
import io.prod2test.runner.scenario.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs the scenarios of one service against a running system: before each scenario the database is
 * reset to schema + base datasets + the scenario's {@code setup.sql}, then the steps are played over
 * HTTP and the expectations and {@code expected.sql} checked. A scenario's result never depends on
 * what ran before it. Open one with {@link #open}, which loads and snapshots the base state once.
 */
public final class ScenarioRunner implements AutoCloseable {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final ServiceTarget target;
    private final DatabaseReset database;

    private ScenarioRunner(ServiceTarget target, DatabaseReset database) {
        this.target = target;
        this.database = database;
    }

    /** Prepares {@code target}'s database from {@code repo}'s schema and datasets of that service. */
    public static ScenarioRunner open(Path repo, ServiceTarget target) {
        return new ScenarioRunner(target, DatabaseReset.prepare(target.databaseUrl(), Migrations.of(repo, target.service())));
    }

    /** The service this runner plays against. */
    public ServiceTarget target() {
        return target;
    }

    /** The database reset, for measurements. */
    public DatabaseReset database() {
        return database;
    }

    /** Runs every scenario as {@code options} say, calling {@code onResult} after each. */
    public RunSummary runAll(List<LoadedScenario> scenarios, RunOptions options, Consumer<ScenarioResult> onResult) {
        long start = System.nanoTime();
        Random random = new Random(options.seed());
        List<ScenarioResult> results = new ArrayList<>();
        for (int run = 1; run <= options.repeat(); run++) {
            List<LoadedScenario> order = new ArrayList<>(scenarios);
            if (options.order() == RunOptions.Order.RANDOM) {
                Collections.shuffle(order, random);
            }
            for (LoadedScenario scenario : order) {
                ScenarioResult result = run(scenario, run);
                results.add(result);
                onResult.accept(result);
            }
        }
        return new RunSummary(results, options, System.nanoTime() - start);
    }

    /** Runs one scenario once. */
    public ScenarioResult run(LoadedScenario loaded, int run) {
        long start = System.nanoTime();
        long reset;
        try {
            reset = database.reset(loaded.scenario().setupSql(), loaded.dir().resolve(ScenarioReader.SETUP_FILE).toString());
        } catch (Prod2TestException e) {
            return new ScenarioResult(loaded, run, ScenarioResult.Outcome.ERROR, List.of(), "database reset: " + e.getMessage(),
                    0, 0, System.nanoTime() - start);
        }
        StepPlayer player = new StepPlayer(target.baseUrl(), HTTP_TIMEOUT);
        Bindings bindings = new Bindings();
        long http = 0;
        List<Step> steps = loaded.scenario().steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int number = i + 1;
            Response response;
            try {
                response = player.play(step.request(), bindings);
            } catch (Prod2TestException | IllegalStateException e) {
                return new ScenarioResult(loaded, run, ScenarioResult.Outcome.ERROR, List.of(),
                        "step " + number + " (" + step.label() + "): " + e.getMessage(), reset, http, System.nanoTime() - start);
            }
            http += response.nanos();
            List<Difference> differences = new ArrayList<>(ExpectationChecker.check(number, step.label(), step.expect(), response, bindings));
            for (Capture capture : step.captures()) {
                JsonNode value = StepPlayer.capture(capture, response);
                if (value == null) {
                    differences.add(new Difference(number, step.label(), "capture " + capture.name(),
                            (capture.from() == Capture.From.BODY ? "body " : "header ") + capture.locator()
                                    + (capture.pattern() == null ? "" : " matching /" + capture.pattern() + "/"),
                            "(absent)"));
                } else {
                    bindings.put(capture.name(), value);
                }
            }
            if (!differences.isEmpty()) {
                if (number < steps.size()) {
                    differences.add(new Difference(number, step.label(), "later steps", "steps " + (number + 1) + "-" + steps.size() + " to run",
                            "not run, they depend on this one"));
                }
                return new ScenarioResult(loaded, run, ScenarioResult.Outcome.FAILED, differences, null, reset, http, System.nanoTime() - start);
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (DatabaseCheck check : loaded.scenario().databaseChecks()) {
            String problem = database.check(check);
            if (problem != null) {
                String where = ScenarioReader.EXPECTED_FILE + (check.line() > 0 ? ":" + check.line() : "");
                differences.add(new Difference(0, "database", "check '" + check.name() + "' (" + where + ")", "true", problem));
            }
        }
        ScenarioResult.Outcome outcome = differences.isEmpty() ? ScenarioResult.Outcome.PASSED : ScenarioResult.Outcome.FAILED;
        return new ScenarioResult(loaded, run, outcome, differences, null, reset, http, System.nanoTime() - start);
    }

    @Override
    public void close() {
        database.close();
    }
}

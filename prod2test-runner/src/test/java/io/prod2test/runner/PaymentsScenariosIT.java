package io.prod2test.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.support.Fault;
import io.prod2test.runner.check.Difference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written payments scenarios against the real payments service over real HTTP. */
class PaymentsScenariosIT {
    private static PaymentsWorld world;
    private static ScenarioRunner runner;
    private static List<LoadedScenario> scenarios;

    @BeforeAll
    static void start() {
        world = PaymentsWorld.start();
        runner = ScenarioRunner.open(Assets.repo(), world.target());
        scenarios = ScenarioCatalog.load(Assets.repo(), "payments");
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyScenarioPassesTenTimesInRandomOrderAgainstTheHealthyService() {
        RunSummary summary = runner.runAll(scenarios, new RunOptions(RunOptions.Order.RANDOM, 20261121L, 10), r -> { });

        String failures = summary.results().stream().filter(r -> !r.passed()).map(RunReport::line).collect(Collectors.joining("\n"));
        assertThat(failures).isEmpty();
        assertThat(summary.results()).hasSize(scenarios.size() * 10);
        System.out.println(RunReport.summary(summary));
    }

    @Test
    void everyPaymentsFaultFailsAtLeastOneScenarioWithAReadableDifference() {
        Map<Fault, List<ScenarioResult>> caught = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            if (!fault.service().equals("payments")) {
                continue;
            }
            world.service.faults().set(List.of(fault));
            try {
                RunSummary summary = runner.runAll(scenarios, RunOptions.once(), r -> { });
                caught.put(fault, summary.results().stream().filter(r -> !r.passed()).toList());
            } finally {
                world.service.faults().set(List.of());
            }
        }
        StringBuilder table = new StringBuilder("fault | caught by\n");
        caught.forEach((fault, failed) -> table.append(fault.cliName()).append(" | ")
                .append(failed.stream().map(r -> r.scenario().scenario().id()).toList()).append('\n'));
        System.out.println(table);

        assertThat(caught).allSatisfy((fault, failed) -> assertThat(failed).as(fault.cliName()).isNotEmpty());
        assertThat(caught.values()).allSatisfy(failed -> assertThat(failed)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ScenarioResult.Outcome.FAILED)));

        Difference refund = difference(caught.get(Fault.REFUND_EXCEEDS_CAPTURED), "pay-0004-refund-above-captured", "status");
        assertThat(refund.expected()).isEqualTo("422");
        assertThat(refund.actual()).isEqualTo("201");
        assertThat(refund.describe()).isEqualTo("step 1 (refund more than the captured 4980 JPY): status: expected 422, actual 201");

        Difference decline = difference(caught.get(Fault.WRONG_DECLINE_CODE), "pay-0006-insufficient-funds", "body /declineCode");
        assertThat(decline.describe()).isEqualTo(
                "step 2 (authorise): body /declineCode: expected \"insufficient_funds\", actual \"do_not_honor\"");

        Difference overwrite = difference(caught.get(Fault.PARTIAL_CAPTURE_OVERWRITES), "pay-0002-3ds-partial-captures", "body /captured");
        assertThat(overwrite.step()).isEqualTo(5);
        assertThat(overwrite.expected()).isEqualTo("30000");
        assertThat(overwrite.actual()).isEqualTo("10000");
    }

    @Test
    void aScenarioThatInsertsRowsLeavesNothingBehindForTheNext() {
        LoadedScenario inserting = scenarios.stream().filter(s -> s.scenario().id().equals("pay-0001-capture-refund")).findFirst().orElseThrow();
        LoadedScenario savedToken = scenarios.stream().filter(s -> s.scenario().id().equals("pay-0007-saved-token")).findFirst().orElseThrow();

        assertThat(runner.run(inserting, 1).passed()).isTrue();
        assertThat(runner.run(savedToken, 1).passed()).isTrue();
        runner.database().reset("", "setup.sql");

        var nothingLeft = io.prod2test.runner.scenario.DatabaseCheck.of("only the base rows", """
                SELECT (SELECT count(*) FROM payments) = 3002 AND (SELECT count(*) FROM refunds) = 750
                   AND (SELECT count(*) FROM captures) = 1501 AND (SELECT count(*) FROM card_tokens) = 2002
                   AND (SELECT count(*) FROM idempotency_keys) = 3000
                   AND NOT EXISTS (SELECT 1 FROM payments WHERE order_ref IN ('ord_s0001', 'ord_s0007'))""");
        assertThat(runner.database().check(nothingLeft)).isNull();
        // The same scenario again finds the same state: its expected.sql counts 3003 payments again.
        assertThat(runner.run(inserting, 2).passed()).isTrue();
    }

    @Test
    void healthyServicePassesAgainAfterTheFaultsAreSwitchedOff() {
        RunSummary summary = runner.runAll(scenarios, new RunOptions(RunOptions.Order.RANDOM, 7, 1), r -> { });
        assertThat(summary.allPassed()).as(RunReport.summary(summary)).isTrue();
    }

    @Test
    void aFailingDatabaseCheckABrokenSetupAndAnUnreachableServiceAreReportedReadably() {
        LoadedScenario fraction = scenarios.stream().filter(s -> s.scenario().id().equals("pay-0005-jpy-fraction")).findFirst().orElseThrow();
        var s = fraction.scenario();
        LoadedScenario withCheck = new LoadedScenario("payments", fraction.dir(), new io.prod2test.runner.scenario.Scenario(
                s.id(), s.title(), s.flow(), s.priority(), s.tags(), s.source(), s.steps(), s.setupSql(),
                List.of(io.prod2test.runner.scenario.DatabaseCheck.of("the payment is stored",
                        "SELECT count(*) = 1 FROM payments WHERE order_ref = 'ord_s0005'"))));
        ScenarioResult checked = runner.run(withCheck, 1);
        assertThat(checked.outcome()).isEqualTo(ScenarioResult.Outcome.FAILED);
        assertThat(checked.details()).isEqualTo("after the steps: check 'the payment is stored' (expected.sql): expected true, actual false");

        LoadedScenario badSetup = new LoadedScenario("payments", fraction.dir(), new io.prod2test.runner.scenario.Scenario(
                s.id(), s.title(), s.flow(), s.priority(), s.tags(), s.source(), s.steps(),
                "INSERT INTO captures VALUES ('cap_x', 'pay_nowhere', 1, now());", List.of()));
        ScenarioResult broken = runner.run(badSetup, 1);
        assertThat(broken.outcome()).isEqualTo(ScenarioResult.Outcome.ERROR);
        assertThat(broken.error()).startsWith("database reset: ").contains("setup.sql: ").contains("foreign key");

        try (ScenarioRunner elsewhere = ScenarioRunner.open(Assets.repo(),
                new ServiceTarget("payments", java.net.URI.create("http://127.0.0.1:1"), world.jdbcUrl))) {
            ScenarioResult unreachable = elsewhere.run(fraction, 1);
            assertThat(unreachable.outcome()).isEqualTo(ScenarioResult.Outcome.ERROR);
            assertThat(unreachable.error()).startsWith("step 1 (authorise 4980.5 JPY): POST http://127.0.0.1:1/payments failed");
        }
        // The runner of the other tests prepared the same database; prepare it again for them.
        runner.close();
        runner = ScenarioRunner.open(Assets.repo(), world.target());
    }

    private static Difference difference(List<ScenarioResult> failed, String scenarioId, String field) {
        List<Difference> all = new ArrayList<>();
        failed.stream().filter(r -> r.scenario().scenario().id().equals(scenarioId)).forEach(r -> all.addAll(r.differences()));
        return all.stream().filter(d -> d.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no difference on " + field + " in " + scenarioId + ": " + all));
    }
}

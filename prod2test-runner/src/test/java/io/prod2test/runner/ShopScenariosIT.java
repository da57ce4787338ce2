package io.prod2test.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.shop.ShopConfig;
import io.prod2test.examples.shop.ShopService;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.examples.support.Fault;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written shop scenarios against the real shop (and payments behind it) over real HTTP. */
class ShopScenariosIT {
    private static EmbeddedDatabases postgres;
    private static PaymentsService payments;
    private static ShopService shop;
    private static ScenarioRunner runner;
    private static List<LoadedScenario> scenarios;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabases.start(null);
        payments = PaymentsService.start(PaymentsConfig.of(postgres.createDatabase("payments")).withCredentials("postgres", null));
        String shopDb = postgres.createDatabase("shop");
        shop = ShopService.start(ShopConfig.of(shopDb, payments.baseUrl()).withCredentials("postgres", null));
        runner = ScenarioRunner.open(Assets.repo(), new ServiceTarget("shop", shop.baseUrl(), shopDb));
        scenarios = ScenarioCatalog.load(Assets.repo(), "shop");
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (payments != null) {
            payments.close();
        }
        postgres.close();
    }

    @Test
    void everyScenarioPassesTenTimesInRandomOrderAgainstTheHealthyShop() {
        RunSummary summary = runner.runAll(scenarios, new RunOptions(RunOptions.Order.RANDOM, 99L, 10), r -> { });
        String failures = summary.results().stream().filter(r -> !r.passed()).map(RunReport::line).collect(Collectors.joining("\n"));
        assertThat(failures).isEmpty();
        assertThat(summary.results()).hasSize(30);
        System.out.println(RunReport.summary(summary));
    }

    @Test
    void everyShopFaultFailsAScenario() {
        Map<Fault, List<String>> caught = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            if (!fault.service().equals("shop")) {
                continue;
            }
            shop.faults().set(List.of(fault));
            try {
                RunSummary summary = runner.runAll(scenarios, RunOptions.once(), r -> { });
                caught.put(fault, summary.results().stream().filter(r -> !r.passed()).map(RunReport::line).toList());
            } finally {
                shop.faults().set(List.of());
            }
        }
        caught.forEach((fault, lines) -> System.out.println(fault.cliName() + " | " + lines));
        assertThat(caught).hasSize(3).allSatisfy((fault, failed) -> assertThat(failed).as(fault.cliName()).hasSize(1));
        assertThat(caught.get(Fault.CART_TOTAL_IGNORES_QUANTITY).getFirst())
                .contains("step 2 (add three mugs): body /total: expected 6600, actual 2200");
        assertThat(caught.get(Fault.EMAIL_NOT_NORMALISED).getFirst())
                .contains("body /email: expected \"aiko.mori@example.com\", actual \" Aiko.Mori@Example.COM \"");
        assertThat(caught.get(Fault.PAGINATION_OFF_BY_ONE).getFirst())
                .contains("step 2 (second and last page): body /items: expected an array of 1, actual an array of 0");
    }
}

package io.prod2test.runner.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.runner.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic tests a generated test class returns, run here by hand against the real service. */
class ScenarioTestsIT {
    @Test
    void everyScenarioIsATestNamedByItsTitleThatFailsWithTheDifference() throws Throwable {
        try (EmbeddedDatabases postgres = EmbeddedDatabases.start(null)) {
            String url = postgres.createDatabase("payments");
            try (PaymentsService service = PaymentsService.start(PaymentsConfig.of(url).withCredentials("postgres", null))) {
                System.setProperty("prod2test.payments.baseUrl", service.baseUrl().toString());
                System.setProperty("prod2test.payments.database", url);
                System.setProperty("prod2test.order", "random");
                System.setProperty("prod2test.seed", "11");
                try (Stream<DynamicTest> stream = ScenarioTests.of("payments", Assets.repo())) {
                    List<DynamicTest> tests = stream.toList();
                    assertThat(tests).hasSize(9).extracting(DynamicTest::getDisplayName)
                            .contains("A refund above what was captured is refused with 422");
                    for (DynamicTest test : tests) {
                        test.getExecutable().execute();
                    }
                    DynamicTest refund = tests.stream().filter(t -> t.getDisplayName().startsWith("A refund above")).findFirst().orElseThrow();
                    service.faults().switchOn(Fault.REFUND_EXCEEDS_CAPTURED);
                    assertThatThrownBy(() -> refund.getExecutable().execute()).isInstanceOf(AssertionError.class)
                            .hasMessageContaining("FAIL   payments/pay-0004-refund-above-captured")
                            .hasMessageContaining("step 1 (refund more than the captured 4980 JPY): status: expected 422, actual 201");
                } finally {
                    System.clearProperty("prod2test.payments.baseUrl");
                    System.clearProperty("prod2test.payments.database");
                    System.clearProperty("prod2test.order");
                    System.clearProperty("prod2test.seed");
                }
            }
        }
    }

    @Test
    void aSystemTheTestStartsGetsADatabaseWhenNoneIsConfigured(@TempDir Path temp) throws Throwable {
        Path repo = Assets.copyTo(temp.resolve("assets"));
        Files.writeString(repo.resolve("prod2test.yaml"), "masking: {}\n");
        PaymentsService[] started = new PaymentsService[1];
        try (Stream<DynamicTest> stream = ScenarioTests.withSystem("payments", repo, jdbcUrl -> {
            started[0] = PaymentsService.start(PaymentsConfig.of(jdbcUrl));
            return new ScenarioTests.RunningSystem(started[0].baseUrl(), started[0]);
        })) {
            List<DynamicTest> tests = stream.toList();
            for (DynamicTest test : tests) {
                test.getExecutable().execute();
            }
            assertThat(tests).hasSize(9);
        }
        assertThat(started[0]).isNotNull();
    }
}

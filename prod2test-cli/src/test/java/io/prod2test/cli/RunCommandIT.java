package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.examples.support.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prod2test run} in-process against the real payments service. */
class RunCommandIT {
    @Test
    void runsTheScenariosPrintsEachAndWritesJUnitXmlAndFailsWhenTheSystemRegresses(@TempDir Path temp) throws Exception {
        Path repo = Path.of(RunCommandIT.class.getResource("/run-assets/prod2test.yaml").toURI()).getParent();
        try (EmbeddedDatabases postgres = EmbeddedDatabases.start(null)) {
            String url = postgres.createDatabase("payments");
            try (PaymentsService service = PaymentsService.start(PaymentsConfig.of(url).withCredentials("postgres", null))) {
                Path xml = temp.resolve("scenarios.xml");
                CliRun healthy = CliRun.of("run", "--repo", repo.toString(), "--base-url", service.baseUrl().toString(),
                        "--sut-db", url, "--junit-xml", xml.toString(), "--order", "random", "--seed", "5", "--repeat", "3");

                assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
                assertThat(healthy.out()).contains("payments: 2 scenarios against " + service.baseUrl())
                        .contains("PASS   payments/refund-above-captured  A refund above what was captured is refused with 422")
                        .contains("Scenarios: 6 passed, 0 failed, 0 errors (6 runs, random order, seed 5)")
                        .contains("JUnit XML: " + xml);
                assertThat(Files.readString(xml)).contains("<testsuite name=\"prod2test.payments\" tests=\"6\" failures=\"0\"");

                service.faults().switchOn(Fault.REFUND_EXCEEDS_CAPTURED);
                CliRun faulty = CliRun.of("run", "--repo", repo.toString(), "--service", "payments",
                        "--base-url", service.baseUrl().toString(), "--sut-db", url);

                assertThat(faulty.exitCode()).isEqualTo(1);
                assertThat(faulty.out()).contains("FAIL   payments/refund-above-captured")
                        .contains("step 1 (refund more than the captured 4980 JPY): status: expected 422, actual 201")
                        .contains("Scenarios: 1 passed, 1 failed, 0 errors (2 runs)");
            }
        }
    }
}

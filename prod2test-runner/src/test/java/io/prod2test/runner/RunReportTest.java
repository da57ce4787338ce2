package io.prod2test.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.runner.check.Difference;
import io.prod2test.runner.scenario.ScenarioReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RunReportTest {
    private static final LoadedScenario REFUND = loaded("pay-0004-refund-above-captured");
    private static final LoadedScenario DECLINE = loaded("pay-0006-insufficient-funds");

    private static LoadedScenario loaded(String id) {
        Path dir = Assets.repo().resolve("scenarios/payments/" + id);
        return new LoadedScenario("payments", dir, ScenarioReader.read(dir));
    }

    private static RunSummary summary() {
        return new RunSummary(List.of(
                new ScenarioResult(REFUND, 1, ScenarioResult.Outcome.FAILED,
                        List.of(new Difference(1, "refund more", "status", "422", "201")), null, 4_000_000, 20_000_000, 30_000_000),
                new ScenarioResult(DECLINE, 1, ScenarioResult.Outcome.PASSED, List.of(), null, 2_000_000, 10_000_000, 15_000_000),
                new ScenarioResult(DECLINE, 2, ScenarioResult.Outcome.ERROR, List.of(), "step 1 (tokenise): connection refused",
                        3_000_000, 0, 5_000_000)),
                new RunOptions(RunOptions.Order.RANDOM, 42, 2), 1_500_000_000L);
    }

    @Test
    void printsALinePerRunWithItsDifferencesAndATotal() {
        RunSummary s = summary();
        assertThat(RunReport.line(s.results().get(0))).isEqualTo("""
                FAIL   payments/pay-0004-refund-above-captured  A refund above what was captured is refused with 422  (reset 4.0 ms, http 20.0 ms)
                         step 1 (refund more): status: expected 422, actual 201""");
        assertThat(RunReport.line(s.results().get(2))).startsWith("ERROR  payments/pay-0006").contains("[run 2]")
                .endsWith("\n         step 1 (tokenise): connection refused");
        assertThat(RunReport.summary(s)).isEqualTo("""
                Scenarios: 1 passed, 1 failed, 1 errors (3 runs, random order, seed 42)
                Time: 1.50 s wall, 30.0 ms in HTTP calls, database reset median 3.0 ms""");
        assertThat(s.allPassed()).isFalse();
    }

    @Test
    void writesJUnitXmlWithAFailureAndAnErrorElement(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("reports/scenarios.xml");
        JUnitXml.write(summary(), file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("3");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("prod2test.payments");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element first = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("A refund above what was captured is refused with 422 [pay-0004-refund-above-captured]");
        assertThat(first.getAttribute("time")).isEqualTo("0.030");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("step 1 (refund more): status: expected 422, actual 201");
        assertThat(suite.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("step 1 (tokenise): connection refused");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(2)).getAttribute("name")).endsWith("(run 2)");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(summary(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void resultsStateWhatTheyNeed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScenarioResult(REFUND, 1, ScenarioResult.Outcome.FAILED, List.of(), null, 0, 0, 0))
                .hasMessageContaining("needs the differences");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScenarioResult(REFUND, 1, ScenarioResult.Outcome.ERROR, List.of(), " ", 0, 0, 0))
                .hasMessageContaining("needs the error");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunOptions(RunOptions.Order.FILE, 0, 0))
                .hasMessageContaining("repeat must be 1 or more");
        assertThat(new RunSummary(List.of(), RunOptions.once(), 0).medianResetNanos()).isZero();
    }
}

package io.prod2test.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetFilesTest {
    @Test
    void readsScenariosLenientlyListingTheOnesThatDoNotRead(@TempDir Path repo) throws Exception {
        Path good = Files.createDirectories(repo.resolve("scenarios/payments/pay-0001-capture"));
        Files.writeString(good.resolve("scenario.yaml"), """
                id: pay-0001-capture
                title: Authorise and capture 4980 JPY
                flow:
                  routes:
                    - POST /payments
                    - POST /payments/{id}/capture
                  sessions: 412
                  share: 0.21
                priority: high
                tags: [happy-path, money]
                steps: [{request: {method: POST, path: /payments}}, {request: {method: POST, path: /payments/x/capture}}]
                """);
        Path bad = Files.createDirectories(repo.resolve("scenarios/payments/pay-0002-broken"));
        Files.writeString(bad.resolve("scenario.yaml"), "id: [unclosed\n");
        Files.createDirectories(repo.resolve("scenarios/shop/.hidden"));

        List<ScenarioSummary> scenarios = AssetFiles.scenarios(repo);

        assertThat(scenarios).hasSize(2);
        ScenarioSummary first = scenarios.getFirst();
        assertThat(first.key()).isEqualTo("payments/pay-0001-capture");
        assertThat(first.routes()).containsExactly("POST /payments", "POST /payments/{id}/capture");
        assertThat(first.share()).isEqualTo(0.21);
        assertThat(first.steps()).isEqualTo(2);
        assertThat(first.tags()).containsExactly("happy-path", "money");
        assertThat(first.problem()).isNull();
        assertThat(scenarios.get(1).problem()).contains("scenario.yaml");
        assertThat(AssetFiles.scenarios(repo.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void readsTheOutcomeOfEachScenarioFromJUnitXml(@TempDir Path dir) throws Exception {
        Path xml = Files.writeString(dir.resolve("run.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites><testsuite name="prod2test.payments">
                  <testcase classname="prod2test.payments" name="Capture [pay-0001-capture]" time="0.250"/>
                  <testcase classname="prod2test.payments" name="Refund too much [pay-0002-refund] (run 2)" time="1.5">
                    <failure message="status 201, expected 422" type="ScenarioFailure">details</failure></testcase>
                  <testcase classname="prod2test.payments" name="Broken [pay-0003-broken]" time="x"><error message="no database"/></testcase>
                  <testcase classname="OtherTest" name="plain" time="0.1"/>
                </testsuite></testsuites>
                """);

        TestRun run = AssetFiles.junit(xml);

        assertThat(run.tests()).isEqualTo(4);
        assertThat(run.failures()).isEqualTo(1);
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.passed()).isEqualTo(2);
        assertThat(run.seconds()).isEqualTo(1.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.outcomes()).containsOnlyKeys("payments/pay-0001-capture", "payments/pay-0002-refund", "payments/pay-0003-broken");
        assertThat(run.outcomes().get("payments/pay-0002-refund")).isEqualTo(new TestRun.Outcome("failed", 1.5, "status 201, expected 422"));
        assertThat(run.outcomes().get("payments/pay-0003-broken").result()).isEqualTo("error");
    }

    @Test
    void refusesADocumentTypeAndWhatIsNotJUnit(@TempDir Path dir) throws Exception {
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE testsuites [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <testsuites><testsuite><testcase name="&x;"/></testsuite></testsuites>
                """);
        Path other = Files.writeString(dir.resolve("pom.xml"), "<project/>");

        assertThatThrownBy(() -> AssetFiles.junit(xxe)).isInstanceOf(Prod2TestException.class)
                .satisfies(e -> assertThat(((Prod2TestException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("xxe.xml: not a JUnit XML file");
        assertThatThrownBy(() -> AssetFiles.junit(other)).hasMessageContaining("the root element is <project>");
        assertThatThrownBy(() -> AssetFiles.junit(dir.resolve("missing.xml")))
                .satisfies(e -> assertThat(((Prod2TestException) e).code()).isEqualTo(ErrorCode.IO));
    }
}

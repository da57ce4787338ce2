package io.prod2test.analyse.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.prod2test.api.Prod2TestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestScannerTest {
    static final Path CODE = Path.of("src/test/resources/fixtures/code-tests");

    @Test
    void findsRouteCallsInJavaPythonAndJavaScriptTests() {
        List<TestFile> files = TestScanner.scan(List.of(CODE));

        assertThat(files).extracting(f -> f.file().getFileName().toString())
                .containsExactly("PaymentsControllerTest.java", "shop.test.js", "test_orders.py");
        assertThat(calls(files, "PaymentsControllerTest.java")).containsExactlyInAnyOrder(
                tuple("POST", "/payments"),
                tuple("POST", "/payments/{p}/refunds"),
                tuple("GET", "/payments/pay_123"),
                tuple("GET", "/customers/42"),
                tuple("POST", "/payments/pay_1/capture"),
                tuple("DELETE", "/orders/7"));
        assertThat(calls(files, "test_orders.py")).containsExactlyInAnyOrder(
                tuple("POST", "/carts/{cart_id}/checkout"), tuple("GET", "/orders"));
        assertThat(calls(files, "shop.test.js")).containsExactlyInAnyOrder(
                tuple("POST", "/orders/12/shipments"), tuple("POST", "/orders/12/refunds"));
        assertThat(files.getFirst().statuses()).contains(422);
    }

    @Test
    void readsScenarioRoutesAndSteps() {
        List<TestFile> files = TestScanner.scan(List.of(Path.of("src/test/resources/fixtures/tests")));

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.scenario()).isTrue();
            assertThat(f.calls()).extracting(TestCall::method, TestCall::path).contains(tuple("POST", "/c/{id}"), tuple("POST", "/c/42"));
            assertThat(f.statuses()).containsExactly(409);
        });
    }

    @Test
    void aBrokenScenarioIsNamedWithItsField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), "flow:\n  routes: [\"payments\"]\n");

        assertThatThrownBy(() -> TestScanner.scan(List.of(dir))).isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("scenario.yaml").hasMessageContaining("flow.routes[0]");
    }

    @Test
    void aMissingFolderIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> TestScanner.scan(List.of(dir.resolve("nope")))).hasMessageContaining("not a folder");
    }

    @Test
    void pathsLoseHostQueryAndBaseUrlPlaceholders() {
        assertThat(TestScanner.pathOf("https://api.example.com/v1/x?y=1")).isEqualTo("/v1/x");
        assertThat(TestScanner.pathOf("${base}/orders")).isEqualTo("/orders");
        assertThat(TestScanner.pathOf("text/plain")).isNull();
        assertThat(TestScanner.pathOf("//cdn")).isNull();
    }

    private static List<org.assertj.core.groups.Tuple> calls(List<TestFile> files, String name) {
        return files.stream().filter(f -> f.file().getFileName().toString().equals(name)).findFirst().orElseThrow()
                .calls().stream().map(c -> tuple(c.method(), c.path())).toList();
    }
}

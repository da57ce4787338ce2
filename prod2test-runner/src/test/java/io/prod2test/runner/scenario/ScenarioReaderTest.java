package io.prod2test.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.Assets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final String MINIMAL = """
            id: s-1
            title: A minimal scenario
            flow:
              routes: ["GET /payments/{id}"]
              sessions: 3
              share: 0.5
            priority: low
            source:
              session: s-abc
            steps:
              - request:
                  method: GET
                  path: /payments/pay_1
                expect:
                  status: 200
            """;

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse("scenario.yaml", yaml, null, "expected.sql", null);
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (Prod2TestException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            return e.getMessage();
        }
        throw new AssertionError("expected the scenario to be rejected");
    }

    @Test
    void readsAScenarioFolderWithItsCapturesRulesSetupAndDatabaseChecks() {
        Scenario s = ScenarioReader.read(Assets.repo().resolve("scenarios/payments/pay-0001-capture-refund"));

        assertThat(s.id()).isEqualTo("pay-0001-capture-refund");
        assertThat(s.flow().routes()).hasSize(5).startsWith("POST /tokens");
        assertThat(s.flow().share()).isEqualTo(0.21);
        assertThat(s.priority()).isEqualTo(Priority.HIGH);
        assertThat(s.tags()).containsExactly("happy-path", "refund");
        assertThat(s.source().session()).isEqualTo("s-3f9a0c41");
        assertThat(s.steps()).hasSize(5);
        Step authorise = s.steps().get(1);
        assertThat(authorise.request().headers()).containsEntry("Idempotency-Key", "p2t-0001-authorise");
        assertThat(authorise.request().body().get("token").asText()).isEqualTo("${token}");
        assertThat(authorise.captures()).containsExactly(Capture.body("paymentId", "/id"));
        assertThat(authorise.expect().body()).extracting(FieldCheck::locator)
                .containsExactly("/status", "/amount", "/currency", "/captured", "/card", "/threeDSecure", "/createdAt");
        assertThat(authorise.expect().body().get(5).rule()).isInstanceOf(Rule.Absent.class);
        assertThat(authorise.expect().body().get(6).rule()).isEqualTo(
                new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.TIMESTAMP, null, "the time of the run"));
        assertThat(s.setupSql()).contains("no rows");
        assertThat(s.databaseChecks()).hasSize(3);
        assertThat(s.databaseChecks().getFirst().name()).isEqualTo("the refund is stored against the payment");
        assertThat(s.databaseChecks().getFirst().line()).isEqualTo(4);
    }

    @Test
    void aMissingSetupAndExpectedFileMeanNoRowsAndNoChecks() {
        Scenario s = ScenarioReader.read(Assets.repo().resolve("scenarios/payments/pay-0005-jpy-fraction"));
        assertThat(s.setupSql()).isEmpty();
        assertThat(s.databaseChecks()).isEmpty();
        assertThat(s.steps().getFirst().request().body().get("amount").decimalValue()).isEqualByComparingTo("4980.5");
    }

    @Test
    void aFolderWithoutScenarioYamlIsRejected() {
        assertThatThrownBy(() -> ScenarioReader.read(Path.of("no-such-folder")))
                .isInstanceOf(Prod2TestException.class).hasMessageContaining("needs a scenario.yaml");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheKeysAllowedThere() {
        String message = error(MINIMAL.replace("    expect:\n", "    expekt: {}\n    expect:\n"));
        assertThat(message).startsWith("scenario.yaml:14: field 'steps[0].expekt': unknown key; allowed here: name, request, captures, expect");
    }

    @Test
    void aMissingRequiredFieldIsNamedAtItsParentsLine() {
        String message = error(MINIMAL.replace("      status: 200\n", "      body: {/a: 1}\n"));
        assertThat(message).isEqualTo("scenario.yaml:14: field 'steps[0].expect.status': is required");
    }

    @Test
    void aRecordRuleViolationNamesTheLineAndFieldOfItsNode() {
        String message = error(MINIMAL.replace("method: GET", "method: get"));
        assertThat(message).startsWith("scenario.yaml:11: field 'steps[0].request': a request's method must be upper-case");
    }

    @Test
    void aReferenceToAValueNoEarlierStepCapturesNamesTheStep() {
        String message = error(MINIMAL.replace("path: /payments/pay_1", "path: /payments/${paymentId}"));
        assertThat(message).isEqualTo("scenario.yaml:11: field 'steps[0]': step 1 (GET /payments/${paymentId}) uses ${paymentId}, which no earlier step captures");
    }

    @Test
    void wrongTypesAndValuesAreNamed() {
        assertThat(error(MINIMAL.replace("status: 200", "status: ok"))).isEqualTo(
                "scenario.yaml:15: field 'steps[0].expect.status': must be a whole number, was \"ok\"");
        assertThat(error(MINIMAL.replace("priority: low", "priority: urgent"))).isEqualTo(
                "scenario.yaml:7: field 'priority': priority must be high, medium or low, was 'urgent'");
        assertThat(error(MINIMAL.replace("share: 0.5", "share: 1.5"))).isEqualTo(
                "scenario.yaml:3: field 'flow': a flow's share must be between 0 and 1, was 1.5");
        assertThat(error(MINIMAL.replace("steps:\n", "steps: 3\nx:\n"))).contains("field 'x': unknown key");
        assertThat(error(MINIMAL.replace("      status: 200\n", "      status: 200\n      body:\n        /id: {type: text, why: x}\n")))
                .isEqualTo("scenario.yaml:17: field 'steps[0].expect.body./id.type': must be one of [string, number, integer, boolean, object, array, null], was 'text'");
        assertThat(error(MINIMAL.replace("      status: 200\n", "      status: 200\n      body:\n        /id: {type: string}\n")))
                .isEqualTo("scenario.yaml:17: field 'steps[0].expect.body./id': the why of a type or format check (why the value is not compared) must not be empty");
        assertThat(error(MINIMAL.replace("      status: 200\n", "      status: 200\n      body:\n        /items: [1, 2]\n")))
                .startsWith("scenario.yaml:17: field 'steps[0].expect.body./items': a list is compared with");
        assertThat(error(MINIMAL.replace("      status: 200\n", "      status: 200\n      body:\n        /id: {close: 1}\n")))
                .startsWith("scenario.yaml:17: field 'steps[0].expect.body./id': a check is a value, or a mapping with one of");
        assertThat(error(MINIMAL.replace("      status: 200\n", "      status: 200\n      body:\n        /id: {absent: false}\n")))
                .isEqualTo("scenario.yaml:17: field 'steps[0].expect.body./id.absent': absent takes only the value true");
    }

    @Test
    void capturesNeedExactlyOneSource() {
        assertThat(error(MINIMAL.replace("    expect:\n", "    captures:\n      - {name: id}\n    expect:\n")))
                .startsWith("scenario.yaml:15: field 'steps[0].captures[0]': a capture reads either body");
        assertThat(error(MINIMAL.replace("    expect:\n", "    captures:\n      - {name: 1x, body: /id}\n    expect:\n")))
                .startsWith("scenario.yaml:15: field 'steps[0].captures[0]': a capture name must start with a letter");
        assertThat(error(MINIMAL.replace("    expect:\n", "    captures:\n      - name\n    expect:\n")))
                .startsWith("scenario.yaml:15: field 'steps[0].captures[0]': a capture is a mapping");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        String message = error("id: a\ntitle: [unclosed\nflow: x\n");
        assertThat(message).startsWith("scenario.yaml:").contains("not valid YAML");
        assertThat(error("- just\n- a list\n")).contains("a scenario file must be a mapping");
        assertThat(error("id: a\nid: b\n")).isEqualTo("scenario.yaml:2: field 'id': the key is given twice");
    }

    @Test
    void expectedSqlHoldsOnlyQueries() {
        assertThatThrownBy(() -> ScenarioReader.databaseChecks("expected.sql", "SELECT true;\n\nDELETE FROM payments;"))
                .hasMessageStartingWith("expected.sql:3: each statement of expected.sql must be a query");
        assertThat(ScenarioReader.databaseChecks("expected.sql", "WITH x AS (SELECT 1) SELECT true FROM x;\nVALUES (true)"))
                .extracting(DatabaseCheck::line).containsExactly(1, 2);
    }

    @Test
    void queryValuesMayBeListsAndHeadersScalars() {
        Scenario s = parse(MINIMAL.replace("path: /payments/pay_1", "path: /payments/pay_1\n      query:\n        expand: [card, refunds]\n        limit: 10\n      headers:\n        x-retry: 2"));
        assertThat(s.steps().getFirst().request().query()).containsEntry("expand", java.util.List.of("card", "refunds"))
                .containsEntry("limit", java.util.List.of("10"));
        assertThat(s.steps().getFirst().request().headers()).containsEntry("x-retry", "2");
        assertThat(error(MINIMAL.replace("path: /payments/pay_1", "path: /payments/pay_1\n      headers:\n        x: [1]")))
                .contains("field 'steps[0].request.headers.x': must be a single value, was a list");
    }
}

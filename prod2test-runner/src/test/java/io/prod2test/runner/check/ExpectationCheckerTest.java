package io.prod2test.runner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prod2test.runner.play.Bindings;
import io.prod2test.runner.play.Response;
import io.prod2test.runner.scenario.Expectation;
import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationCheckerTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static JsonNode json(String text) {
        try {
            return JsonMapper.builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response response(int status, String body) {
        JsonNode parsed;
        try {
            parsed = body.isBlank() ? null : json(body);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        return new Response(status, Map.of("location", List.of("/payments/pay_1"), "idempotent-replayed", List.of("true")), body, parsed, 1_000_000);
    }

    private static List<Difference> check(Response response, int status, FieldCheck... body) {
        Bindings bindings = new Bindings();
        bindings.put("paymentId", JSON.textNode("pay_1"));
        bindings.put("amount", JSON.numberNode(4980));
        return ExpectationChecker.check(2, "authorise", new Expectation(status, List.of(), List.of(body)), response, bindings);
    }

    @Test
    void aMatchingResponseHasNoDifferences() {
        Response r = response(201, """
                {"id":"pay_1","amount":49.80,"status":"authorized","createdAt":"2026-11-02T09:14:03.120Z",
                 "card":{"brand":"visa","last4":"4242"},"items":[{"id":"a","n":1},{"id":"b","n":2}]}""");
        assertThat(check(r, 201,
                FieldCheck.body("/id", new Rule.Equals(JSON.textNode("${paymentId}"), null)),
                FieldCheck.body("/amount", new Rule.Equals(JSON.numberNode(new java.math.BigDecimal("49.8")), null)),
                FieldCheck.body("/card", new Rule.Equals(json("{\"last4\":\"4242\",\"brand\":\"visa\"}"), null)),
                FieldCheck.body("/createdAt", new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.TIMESTAMP, null, "time of the run")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.UNORDERED, json("[{\"n\":2},{\"n\":1}]"), -1, List.of("/id"), "no order")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.ORDERED, json("[{\"n\":1},{\"n\":2}]"), -1, List.of("/id"), "oldest first")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, 2, null, "count only")),
                FieldCheck.body("/threeDSecure", new Rule.Absent(null)))).isEmpty();
    }

    @Test
    void eachDifferenceSaysStepFieldExpectedAndActual() {
        Response r = response(201, """
                {"id":"pay_2","amount":4980,"status":"failed","createdAt":"yesterday","items":[1,2,3],"card":null}""");
        List<Difference> differences = check(r, 422,
                FieldCheck.body("/id", new Rule.Equals(JSON.textNode("${paymentId}"), null)),
                FieldCheck.body("/amount", new Rule.Equals(JSON.textNode("${amount}"), null)),
                FieldCheck.body("/createdAt", new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.TIMESTAMP, null, "t")),
                FieldCheck.body("/status", new Rule.Matches(Rule.ValueType.INTEGER, null, null, "t")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, 2, null, "n")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.ORDERED, json("[3,2,1]"), -1, null, "o")),
                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.UNORDERED, json("[3,2,2]"), -1, null, "u")),
                FieldCheck.body("/status", new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, 1, null, "n")),
                FieldCheck.body("/card", new Rule.Absent(null)),
                FieldCheck.body("/missing", new Rule.Equals(JSON.numberNode(1), null)));
        assertThat(differences).extracting(Difference::describe).containsExactly(
                "step 2 (authorise): status: expected 422, actual 201",
                "step 2 (authorise): body /id: expected \"pay_1\", actual \"pay_2\"",
                "step 2 (authorise): body /createdAt: expected string in format timestamp, actual \"yesterday\"",
                "step 2 (authorise): body /status: expected integer, actual string \"failed\"",
                "step 2 (authorise): body /items: expected an array of 2, actual an array of 3",
                "step 2 (authorise): body /items: expected in this order [3,2,1], actual [1,2,3]",
                "step 2 (authorise): body /items: expected in any order [3,2,2], actual [1,2,3]",
                "step 2 (authorise): body /status: expected an array of 1, actual string \"failed\"",
                "step 2 (authorise): body /card: expected (absent), actual null",
                "step 2 (authorise): body /missing: expected 1, actual (absent)");
    }

    @Test
    void theStatusDifferenceShowsTheErrorBody() {
        List<Difference> differences = check(response(500, "{\"error\":\"internal_error\"}"), 402);
        assertThat(differences.getFirst().actual()).isEqualTo("500 ({\"error\":\"internal_error\"})");
    }

    @Test
    void headersAreComparedIgnoringCase() {
        Bindings bindings = new Bindings();
        bindings.put("paymentId", JSON.textNode("pay_1"));
        Expectation expect = new Expectation(200, List.of(
                FieldCheck.header("Location", new Rule.Equals(JSON.textNode("/payments/${paymentId}"), null)),
                FieldCheck.header("Idempotent-Replayed", new Rule.Equals(JSON.textNode("true"), null)),
                FieldCheck.header("Retry-After", new Rule.Absent(null)),
                FieldCheck.header("X-Request-Id", new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.UUID, null, "new per request"))),
                List.of());
        List<Difference> differences = ExpectationChecker.check(1, "s", expect, response(200, "{}"), bindings);
        assertThat(differences).extracting(Difference::describe)
                .containsExactly("step 1 (s): header X-Request-Id: expected string in format uuid, actual (absent)");
    }

    @Test
    void bodyChecksOnATextBodySayTheBodyIsNotJson() {
        List<Difference> differences = check(response(200, "<html>oops</html>"), 200,
                FieldCheck.body("/id", new Rule.Equals(JSON.textNode("x"), null)));
        assertThat(differences.getFirst().actual()).isEqualTo("(the body is not JSON: <html>oops</html>)");
        assertThat(check(response(200, ""), 200, FieldCheck.body("", new Rule.Absent(null))).getFirst().actual())
                .isEqualTo("(the body is not JSON: empty)");
    }

    @Test
    void anUncapturedReferenceIsAnError() {
        Bindings bindings = new Bindings();
        assertThatThrownBy(() -> bindings.resolve("/payments/${paymentId}"))
                .hasMessage("${paymentId} was not captured: its step did not return it");
    }

    @Test
    void bindingsKeepTheJsonTypeOfAWholeReference() {
        Bindings bindings = new Bindings();
        bindings.put("amount", JSON.numberNode(4980));
        bindings.put("card", json("{\"brand\":\"visa\"}"));
        JsonNode resolved = bindings.resolve(json("{\"amount\":\"${amount}\",\"note\":\"paid ${amount} with ${card}\",\"l\":[\"${amount}\"]}"));
        assertThat(resolved.get("amount").isNumber()).isTrue();
        assertThat(resolved.get("note").asText()).isEqualTo("paid 4980 with {\"brand\":\"visa\"}");
        assertThat(resolved.get("l").get(0).intValue()).isEqualTo(4980);
        assertThat(bindings.values()).containsOnlyKeys("amount", "card");
    }

    @Test
    void jsonValuesShowLongValuesCut() {
        assertThat(JsonValues.show(JSON.textNode("x".repeat(300)))).hasSize(201).endsWith("…");
        assertThat(JsonValues.show(null)).isEqualTo("(absent)");
        assertThat(JsonValues.without(json("[{\"a\":1,\"b\":[1,2]}]"), List.of("/0/a", "/0/b/1", "/9/x"))).isEqualTo(json("[{\"b\":[1]}]"));
    }
}

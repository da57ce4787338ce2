package io.prod2test.generate.scenario;

import static io.prod2test.generate.scenario.Sessions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.runner.scenario.FieldCheck;
import io.prod2test.runner.scenario.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariableFieldsTest {
    private static final List<JsonNode> OTHERS = List.of(
            json("{'id': 'ord_00000000aa02', 'status': 'paid', 'amount': 1280, 'createdAt': '2026-11-21T11:12:00Z', 'cursor': 'b3JkXzAwMDAwMDAwYWEwMg', 'items': [{'sku': 'TEA', 'lineId': 'line_0a0b0c0d0e02'}]}"),
            json("{'id': 'ord_00000000aa03', 'status': 'paid', 'amount': 4980, 'createdAt': '2026-11-21T11:13:00Z', 'cursor': 'b3JkXzAwMDAwMDAwYWEwMw', 'items': [{'sku': 'TEA', 'lineId': 'line_0a0b0c0d0e03'}]}"));
    private static final JsonNode BODY = json("{'id': 'ord_00000000aa01', 'status': 'paid', 'amount': 2200, 'createdAt': '2026-11-21T11:11:00Z',"
            + " 'cursor': 'b3JkXzAwMDAwMDAwYWEwMQ', 'customerId': 'cus_0000000000c1', 'items': [{'sku': 'TEA', 'lineId': 'line_0a0b0c0d0e01'}], 'refunds': []}");

    private static Map<String, Rule> checks(boolean maskedCard) {
        var context = new VariableFields.Context(Map.of("cus_0000000000c1", "customerId"), Map.of(), Set.of(), OTHERS, maskedCard);
        return VariableFields.checks(BODY, context).stream().collect(java.util.stream.Collectors.toMap(FieldCheck::locator, FieldCheck::rule));
    }

    @Test
    void comparesStableFieldsByValueAndSaysWhy() {
        Rule status = checks(false).get("/status");
        assertThat(status).isInstanceOf(Rule.Equals.class);
        assertThat(((Rule.Equals) status).value().asText()).isEqualTo("paid");
        assertThat(status.why()).contains("the same in every session (3 sessions compared)");
    }

    @Test
    void comparesInputDependentFieldsByValueBecauseTheScenarioSendsTheSameInput() {
        Rule amount = checks(false).get("/amount");
        assertThat(amount).isInstanceOf(Rule.Equals.class);
        assertThat(amount.why()).contains("this session's request gives this value");
    }

    @Test
    void checksGeneratedIdsTimestampsAndTokensOnlyByFormat() {
        Map<String, Rule> checks = checks(false);
        assertThat(checks.get("/id")).isEqualTo(new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.REGEX, "^ord_[0-9a-f]{12}$",
                "a generated id, new on every run (3 sessions compared)"));
        assertThat(((Rule.Matches) checks.get("/createdAt")).format()).isEqualTo(Rule.ValueFormat.TIMESTAMP);
        Rule.Matches cursor = (Rule.Matches) checks.get("/cursor");
        assertThat(cursor.why()).contains("differs in every session");
        assertThat("b3JkXzAwMDAwMDAwYWEwOQ").matches(cursor.pattern());
    }

    @Test
    void refersToValuesAnEarlierStepCaptured() {
        Rule.Equals customer = (Rule.Equals) checks(false).get("/customerId");
        assertThat(customer.value().asText()).isEqualTo("${customerId}");
    }

    @Test
    void comparesArraysElementByElementLeavingOutFieldsThatVaryByRun() {
        Rule.ArrayOf items = (Rule.ArrayOf) checks(false).get("/items");
        assertThat(items.mode()).isEqualTo(Rule.ArrayMode.ORDERED);
        assertThat(items.ignore()).containsExactly("/lineId");
        assertThat(items.items().get(0).get("sku").asText()).isEqualTo("TEA");
        assertThat(((Rule.ArrayOf) checks(false).get("/refunds")).mode()).isEqualTo(Rule.ArrayMode.SIZE);
    }

    @Test
    void checksAMaskedCardsLastFourByFormatOnly() {
        var context = new VariableFields.Context(Map.of(), Map.of(), Set.of(), List.of(), true);
        FieldCheck last4 = VariableFields.checks(json("{'last4': '4242'}"), context).getFirst();
        assertThat(last4.rule()).isInstanceOf(Rule.Matches.class);
        assertThat(last4.rule().why()).contains("masked card number");
    }

    @Test
    void checksTheIdThisStepCreatesByFormatAndSaysItIsCaptured() {
        var context = new VariableFields.Context(Map.of(), Map.of("ord_00000000aa01", "orderId"), Set.of(), List.of(), false);
        Rule id = VariableFields.checks(json("{'id': 'ord_00000000aa01'}"), context).getFirst().rule();
        assertThat(id.why()).contains("captured as ${orderId}");
    }

    @Test
    void describesValueShapes() {
        assertThat(VariableFields.shape("pay_1384077190d43156")).isEqualTo("^pay_[0-9a-f]{16}$");
        assertThat(VariableFields.shape("AB-12")).isEqualTo("^[A-Za-z]{2}\\Q-\\E[0-9]{2}$");
        assertThat(VariableFields.generated("2026-11-21T11:11:25.104Z")).isTrue();
        assertThat(VariableFields.generated("TEA-SENCHA-100")).isFalse();
        assertThat(VariableFields.generated("ord_880080883743")).as("hex digits only").isTrue();
    }
}

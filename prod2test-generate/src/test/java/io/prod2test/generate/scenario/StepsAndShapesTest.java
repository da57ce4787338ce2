package io.prod2test.generate.scenario;

import static io.prod2test.generate.scenario.Sessions.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.runner.scenario.Flow;
import io.prod2test.runner.scenario.Priority;
import io.prod2test.runner.scenario.Rule;
import io.prod2test.runner.scenario.Scenario;
import io.prod2test.runner.scenario.ScenarioReader;
import io.prod2test.runner.scenario.ScenarioWriter;
import io.prod2test.runner.scenario.Source;
import io.prod2test.runner.scenario.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepsAndShapesTest {

    private static Scenario scenario(String id, List<SessionExchange> session, List<List<SessionExchange>> others) {
        StepsBuilder.Built built = StepsBuilder.build(session, others);
        List<String> routes = ScenarioGenerator.collapsed(session);
        return new Scenario(id, "a checkout", new Flow(routes, 3, 0.5), Priority.HIGH, List.of("flow"), new Source("s-1", null),
                built.steps(), "", List.of());
    }

    @Test
    void twoSessionsOfOneFlowThatDifferOnlyInValuesGiveOneShape() {
        List<List<SessionExchange>> all = List.of(checkout(1, "4242424242424242"), checkout(2, "4242424242424242"), checkout(3, "4242424242424242"));
        String first = ScenarioShape.of(scenario("a", all.get(0), all));
        String second = ScenarioShape.of(scenario("b", all.get(1), all));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void anotherStatusOrAnotherCheckedFieldIsAnotherShape() {
        List<List<SessionExchange>> all = List.of(checkout(1, "4242424242424242"), checkout(2, "4242424242424242"));
        List<SessionExchange> declined = new ArrayList<>(checkout(3, "4242424242424242"));
        SessionExchange pay = declined.get(5);
        declined.set(5, pay.withResponse(402, Sessions.json("{'error': 'card_declined', 'declineCode': 'insufficient_funds'}")));
        assertThat(ScenarioShape.of(scenario("a", all.get(0), all))).isNotEqualTo(ScenarioShape.of(scenario("c", declined.subList(0, 6), all)));
    }

    @Test
    void thePlayedScenarioReadsBackEqualThroughTheRunnersFormat(@org.junit.jupiter.api.io.TempDir java.nio.file.Path repo) {
        List<List<SessionExchange>> all = List.of(checkout(1, "4242424242424242"), checkout(2, "4242424242424242"));
        Scenario written = scenario("shop-0001-checkout", all.get(0), all);
        var dir = ScenarioWriter.write(repo, "shop", written);
        assertThat(ScenarioReader.read(dir).steps()).isEqualTo(written.steps());
    }

    @Test
    void putsBackThePublishedTestCardAMaskedNumberStoodFor() {
        // 4966812085239640 is a masked Visa; the service answered last4 4242.
        List<SessionExchange> session = checkout(1, "4966812085239640");
        StepsBuilder.Built built = StepsBuilder.build(session, List.of(session));
        assertThat(built.restored()).containsExactly("4242424242424242");
        Step card = built.steps().get(2);
        assertThat(card.request().body().get("number").asText()).isEqualTo("4242424242424242");
        assertThat(card.expect().body()).anySatisfy(f -> {
            assertThat(f.locator()).isEqualTo("/last4");
            assertThat(f.rule()).isInstanceOf(Rule.Equals.class);
        });
    }

    @Test
    void refusesASessionWhoseDeclineDependsOnACardItCannotTellBack() {
        List<SessionExchange> session = new ArrayList<>(checkout(1, "4966812085239640"));
        SessionExchange card = session.get(2);
        session.set(2, card.withResponse(201, Sessions.json("{'id': 'card_2b841b60fe01', 'brand': 'visa', 'last4': '1234'}")));
        SessionExchange pay = session.get(5);
        session.set(5, pay.withResponse(402, Sessions.json("{'error': 'card_declined', 'declineCode': 'do_not_honor'}")));
        StepsBuilder.Built built = StepsBuilder.build(session, List.of(session));
        assertThat(built.steps()).isEmpty();
        assertThat(built.notReplayable()).contains("step 3 (POST /customers/{id}/cards, 201)");
    }

    @Test
    void refusesASessionWhoseStepsRacedEachOther() {
        List<SessionExchange> session = new ArrayList<>(checkout(1, "4242424242424242"));
        SessionExchange order = session.get(6);
        session.set(6, new SessionExchange(order.id(), order.service(), order.route(), order.method(), order.path(), order.query(),
                order.requestHeaders(), order.requestBody(), 200, order.responseHeaders(), order.responseBody(), session.get(5).startMillis() + 5, 10));
        assertThat(StepsBuilder.build(session, List.of()).notReplayable()).contains("overlapped in time");
    }

    @Test
    void refusesAValidationErrorOnAValueMaskingReplaced() {
        var surrogates = io.prod2test.mask.surrogate.Surrogates.v1(io.prod2test.mask.surrogate.MaskingKey.ofText("unit-test-masking-key-0123"));
        String surrogate = surrogates.email("a.very.long.name@shop.example.co.jp");
        var signup = Sessions.exchange("POST /customers", "/customers", "{'email': '" + surrogate + "'}", 422,
                "{'error': 'invalid_email', 'field': 'email'}");
        var plain = Sessions.exchange("POST /customers", "/customers", "{'email': 'not-an-address'}", 422,
                "{'error': 'invalid_email', 'field': 'email'}");
        assertThat(StepsBuilder.maskedRefusal(signup)).isEqualTo("email");
        assertThat(StepsBuilder.maskedRefusal(plain)).isNull();
    }

    @Test
    void namesEveryKeyASessionUsesThatItDidNotCreateForItsSetupRows() {
        List<SessionExchange> returning = checkout(1, "4242424242424242").subList(3, 7);

        StepsBuilder.Built built = StepsBuilder.build(returning, List.of());

        assertThat(built.notReplayable()).contains("step 1 (POST /carts) uses cus_c5d2adbaab01 (and 1 more), which the session did not create");
        assertThat(built.uncreated()).hasSize(2).first().isEqualTo("cus_c5d2adbaab01");
        assertThat(built.steps()).isEmpty();
    }

    @Test
    void playsASessionWhoseOlderRowsTheSetupProvidesUnderTheirNewKeys() {
        List<SessionExchange> returning = checkout(1, "4242424242424242").subList(3, 7);
        List<String> uncreated = StepsBuilder.build(returning, List.of()).uncreated();
        Map<String, String> keys = Map.of(uncreated.get(0), "cus_000000989680", uncreated.get(1), "card_000000989680");
        List<SessionExchange> renamed = returning.stream().map(e -> e.renamed(keys)).toList();

        StepsBuilder.Built built = StepsBuilder.build(renamed, List.of(), java.util.Set.copyOf(keys.values()));

        assertThat(built.notReplayable()).isNull();
        assertThat(built.steps()).hasSize(4);
        assertThat(built.steps().toString()).contains("cus_000000989680").doesNotContain(uncreated.get(0)).doesNotContain(uncreated.get(1));
    }

    @Test
    void theTypicalSessionIsTheFirstOfTheMostCommonStepsAndStatuses() {
        List<SessionExchange> odd = checkout(1, "4242424242424242").subList(0, 3);
        List<SessionExchange> a = checkout(2, "4242424242424242");
        List<SessionExchange> b = checkout(3, "4242424242424242");
        assertThat(ScenarioGenerator.typical(List.of(odd, a, b))).isSameAs(a);
    }

    @Test
    void publishedTestCardsAreToldByLengthAndLastFour() {
        assertThat(PublishedTestCards.restore("5105105105105100", "1234")).isEmpty();
        assertThat(PublishedTestCards.restore("510510510510510", "4444")).as("another length").isEmpty();
        assertThat(PublishedTestCards.restore("2221000000004444", "4444")).contains("5555555555554444");
        assertThat(PublishedTestCards.restore("4966812085239640", null)).isEmpty();
        assertThat(PublishedTestCards.isCardNumber("4242424242424242")).isTrue();
        assertThat(PublishedTestCards.isCardNumber("4242424242424241")).isFalse();
        assertThat(PublishedTestCards.isCardNumber("42424242")).isFalse();
    }
}

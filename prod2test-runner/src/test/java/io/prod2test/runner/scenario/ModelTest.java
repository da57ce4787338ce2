package io.prod2test.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void jsonPathsBecomeJsonPointers() {
        assertThat(JsonPointers.normalise("$.items[0].id")).isEqualTo("/items/0/id");
        assertThat(JsonPointers.normalise("$['a/b'].c")).isEqualTo("/a~1b/c");
        assertThat(JsonPointers.normalise("$")).isEmpty();
        assertThat(JsonPointers.normalise("/threeDSecure/challengeId")).isEqualTo("/threeDSecure/challengeId");
        assertThatThrownBy(() -> JsonPointers.normalise("status")).hasMessageContaining("must be a JSON pointer starting with /");
        assertThatThrownBy(() -> JsonPointers.normalise("$.a[0")).hasMessageContaining("has a [ without ]");
        assertThatThrownBy(() -> JsonPointers.normalise("$x")).hasMessageContaining("must go on with . or [");
        assertThatThrownBy(() -> JsonPointers.normalise(null)).hasMessageContaining("was null");
    }

    @Test
    void referencesAreFoundReplacedAndEscaped() {
        assertThat(References.names("/payments/${paymentId}/refunds/${refundId}")).containsExactly("paymentId", "refundId");
        assertThat(References.names("$${literal} ${x}")).containsExactly("x");
        assertThat(References.substitute("a ${x} b $${y}", n -> "1")).isEqualTo("a 1 b ${y}");
        assertThat(References.whole("${amount}")).isEqualTo("amount");
        assertThat(References.whole("${a}-${b}")).isNull();
        assertThat(References.names(JSON.objectNode().put("k", "${a}").set("l", JSON.arrayNode().add("${b}")))).containsExactly("a", "b");
    }

    @Test
    void recordsStateTheRuleTheyEnforce() {
        assertThatThrownBy(() -> new Flow(List.of(), 1, 0.1)).hasMessage("a flow needs at least one route");
        assertThatThrownBy(() -> new Flow(List.of("payments"), 1, 0.1)).hasMessageContaining("must be 'METHOD /path'");
        assertThatThrownBy(() -> new Flow(List.of("GET /x"), -1, 0.1)).hasMessageContaining("sessions must be 0 or more");
        assertThatThrownBy(() -> new Source(" ", null)).hasMessageContaining("masked session id");
        assertThatThrownBy(() -> new Request("GET", "/x?y=1", null, null, null, null)).hasMessageContaining("hold no query");
        assertThatThrownBy(() -> new Request("GET", "/x", null, null, JSON.objectNode(), "text")).hasMessageContaining("not both");
        assertThatThrownBy(() -> new Expectation(99, null, null)).hasMessageContaining("100-599");
        assertThatThrownBy(() -> FieldCheck.header("x", new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, 1, null, "w")))
                .hasMessageContaining("cannot be checked as an array");
        assertThatThrownBy(() -> new Rule.Matches(Rule.ValueType.NUMBER, Rule.ValueFormat.UUID, null, "w"))
                .hasMessageContaining("a format applies to strings only");
        assertThatThrownBy(() -> new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.REGEX, null, "w"))
                .hasMessageContaining("format regex needs a pattern");
        assertThatThrownBy(() -> new Rule.Matches(Rule.ValueType.STRING, Rule.ValueFormat.REGEX, "(", "w"))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new Rule.ArrayOf(Rule.ArrayMode.ORDERED, null, 0, null, "w")).hasMessageContaining("needs its items as a list");
        assertThatThrownBy(() -> new Rule.ArrayOf(Rule.ArrayMode.SIZE, null, -1, null, "w")).hasMessageContaining("size of 0 or more");
        assertThatThrownBy(() -> new Rule.Equals(null, null)).hasMessageContaining("needs a value");
        Step step = new Step(null, Request.of("GET", "/x"), List.of(), Expectation.status(200));
        assertThatThrownBy(() -> new Step(null, Request.of("GET", "/x"), List.of(Capture.body("a", "/a"), Capture.body("a", "/b")),
                Expectation.status(200))).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> new Scenario("Bad Id", "t", new Flow(List.of("GET /x"), 1, 0), Priority.LOW, null,
                new Source("s", null), List.of(step), null, null)).hasMessageContaining("a scenario id must be");
        assertThatThrownBy(() -> new Scenario("ok", "t", new Flow(List.of("GET /x"), 1, 0), Priority.LOW, List.of("Bad Tag"),
                new Source("s", null), List.of(step), null, null)).hasMessageContaining("a tag must be");
        assertThatThrownBy(() -> new Scenario("ok", "t", new Flow(List.of("GET /x"), 1, 0), Priority.LOW, null,
                new Source("s", null), List.of(), null, null)).hasMessageContaining("at least one step");
        assertThat(new DatabaseCheck(null, "SELECT\n  true", 0).name()).isEqualTo("SELECT true");
        assertThat(step.label()).isEqualTo("GET /x");
    }

    @Test
    void bodiesAreCopiedSoARecordCannotBeChangedFromOutside() {
        var body = JSON.objectNode().put("a", 1);
        Request request = Request.of("POST", "/x").withBody(body).withHeader("h", "v");
        body.put("a", 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.body()).put("a", 3);
        assertThat(request.body().get("a").intValue()).isEqualTo(1);
        assertThat(request.headers()).containsEntry("h", "v");
        assertThat(request.withQuery("q", "1").withQuery("q", "2").query().get("q")).containsExactly("1", "2");
    }

    @Test
    void typesAndFormatsAcceptWhatTheyName() {
        assertThat(Rule.ValueType.INTEGER.accepts(JSON.numberNode(new java.math.BigDecimal("4980.00")))).isTrue();
        assertThat(Rule.ValueType.INTEGER.accepts(JSON.numberNode(49.8))).isFalse();
        assertThat(Rule.ValueType.NUMBER.accepts(JSON.numberNode(3))).isTrue();
        assertThat(Rule.ValueType.NULL.accepts(JSON.nullNode())).isTrue();
        assertThat(Rule.ValueFormat.UUID.accepts("3f2504e0-4f89-11d3-9a0c-0305e82c3301", null)).isTrue();
        assertThat(Rule.ValueFormat.TIMESTAMP.accepts("2026-11-02T09:14:03.120Z", null)).isTrue();
        assertThat(Rule.ValueFormat.TIMESTAMP.accepts("2026-11-02", null)).isFalse();
        assertThat(Rule.ValueFormat.DATE.accepts("2026-11-02", null)).isTrue();
        assertThat(Rule.ValueFormat.EMAIL.accepts("a@example.com", null)).isTrue();
        assertThat(Rule.ValueFormat.URI.accepts("/payments/pay_1", null)).isTrue();
        assertThat(Rule.ValueFormat.REGEX.accepts("pay_1", "pay_\\d")).isTrue();
    }

    @Test
    void sqlIsSplitAtTopLevelSemicolonsWithLinesAndComments() {
        List<SqlScript.Statement> statements = SqlScript.split("""
                -- first
                -- check
                SELECT ';' AS a, "x;y" FROM t; /* ; */
                SELECT $$ a ; b $$, $tag$ ; $tag$;

                -- dropped by the blank line

                -- named
                SELECT 1 -- trailing ; comment
                ;
                """);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(3, 3, 9);
        assertThat(statements.get(0).comment()).isEqualTo("first check");
        assertThat(statements.get(0).sql()).isEqualTo("SELECT ';' AS a, \"x;y\" FROM t");
        assertThat(statements.get(1).sql()).isEqualTo("/* ; */\nSELECT $$ a ; b $$, $tag$ ; $tag$");
        assertThat(statements.get(2).comment()).isEqualTo("named");
        assertThat(statements.get(2).sql()).startsWith("SELECT 1");
        assertThat(SqlScript.split("SELECT 'it''s'")).extracting(SqlScript.Statement::sql).containsExactly("SELECT 'it''s'");
        assertThat(SqlScript.split("  \n-- only a comment\n")).isEmpty();
    }
}

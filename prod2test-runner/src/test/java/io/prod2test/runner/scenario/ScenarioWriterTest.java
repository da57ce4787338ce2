package io.prod2test.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prod2test.runner.Assets;
import io.prod2test.runner.LoadedScenario;
import io.prod2test.runner.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioWriterTest {
    @TempDir
    Path temp;

    /** The database checks' lines are where the text put them, not part of what the scenario means. */
    private static Scenario withoutLines(Scenario s) {
        return new Scenario(s.id(), s.title(), s.flow(), s.priority(), s.tags(), s.source(), s.steps(),
                s.setupSql().strip(), s.databaseChecks().stream().map(c -> new DatabaseCheck(c.name(), c.sql(), 0)).toList());
    }

    @Test
    void everyWrittenScenarioReadsBackEqual() throws Exception {
        List<LoadedScenario> all = new java.util.ArrayList<>(ScenarioCatalog.load(Assets.repo(), "payments"));
        all.addAll(ScenarioCatalog.load(Assets.repo(), "shop"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
        for (LoadedScenario loaded : all) {
            Path dir = ScenarioWriter.write(temp, loaded.service(), loaded.scenario());
            Scenario back = ScenarioReader.read(dir);
            Scenario original = loaded.scenario();
            if (original.setupSql().isBlank()) {
                assertThat(back.setupSql()).startsWith("-- This scenario needs no rows");
                back = new Scenario(back.id(), back.title(), back.flow(), back.priority(), back.tags(), back.source(),
                        back.steps(), "", back.databaseChecks());
            }
            assertThat(withoutLines(back)).as(loaded.key()).isEqualTo(withoutLines(original));
            assertThat(Files.exists(dir.resolve("expected.sql"))).isEqualTo(!original.databaseChecks().isEmpty());
        }
    }

    @Test
    void writingTheSameScenarioTwiceGivesTheSameBytes() throws Exception {
        Scenario s = ScenarioReader.read(Assets.repo().resolve("scenarios/payments/pay-0002-3ds-partial-captures"));
        String first = ScenarioWriter.toYaml(s);
        Path dir = ScenarioWriter.write(temp, "payments", s);
        assertThat(Files.readString(dir.resolve("scenario.yaml"))).isEqualTo(first).isEqualTo(ScenarioWriter.toYaml(s));
    }

    @Test
    void writesReviewableYamlWithQuotesOnlyWhereTheTypeNeedsThem() {
        var json = JsonNodeFactory.instance;
        Step step = new Step("tokenise", Request.of("POST", "/tokens")
                .withBody(json.objectNode().put("number", "4242424242424242").put("expMonth", 12).put("flag", "true"))
                .withQuery("expand", "card"),
                List.of(Capture.body("token", "$.token"), Capture.header("location", "Location", "/tokens/(.+)$")),
                new Expectation(201, List.of(FieldCheck.header("content-type", new Rule.Matches(Rule.ValueType.STRING,
                        Rule.ValueFormat.REGEX, "application/json.*", "charset may vary"))),
                        List.of(FieldCheck.body("/last4", new Rule.Equals(json.textNode("4242"), null)),
                                FieldCheck.body("/items", new Rule.ArrayOf(Rule.ArrayMode.UNORDERED, json.arrayNode().add(1).add(2),
                                        -1, List.of("$.id"), "the service does not promise an order")))));
        Scenario s = new Scenario("s-1", "Tokenise", new Flow(List.of("POST /tokens"), 10, 0.25), Priority.HIGH,
                List.of("happy-path"), new Source("s-9", null), List.of(step), "INSERT INTO t VALUES (1);",
                List.of(DatabaseCheck.of("one row", "SELECT count(*) = 1 FROM t")));

        String yaml = ScenarioWriter.toYaml(s);

        assertThat(yaml).startsWith("# A prod2test scenario.").contains("""
                id: s-1
                title: Tokenise
                flow:
                  routes:
                    - POST /tokens
                  sessions: 10
                  share: 0.25
                priority: high
                """).contains("number: \"4242424242424242\"").contains("flag: \"true\"").contains("expMonth: 12")
                .contains("/last4: \"4242\"").contains("body: /token").contains("header: Location");
        assertThat(ScenarioReader.parse("s.yaml", yaml, s.setupSql(), "expected.sql", ScenarioWriter.expectedSql(s.databaseChecks())))
                .isEqualTo(new Scenario(s.id(), s.title(), s.flow(), s.priority(), s.tags(), s.source(), s.steps(), s.setupSql(),
                        List.of(new DatabaseCheck("one row", "SELECT count(*) = 1 FROM t", 4))));
        assertThat(ScenarioWriter.expectedSql(s.databaseChecks())).isEqualTo("""
                -- Each query must return one row with one boolean column that is true.

                -- one row
                SELECT count(*) = 1 FROM t;
                """);
    }

    @Test
    void aStaleExpectedSqlIsRemovedWhenTheScenarioHasNoChecks() throws Exception {
        Scenario s = ScenarioReader.read(Assets.repo().resolve("scenarios/payments/pay-0004-refund-above-captured"));
        Path dir = ScenarioWriter.write(temp, "payments", s);
        assertThat(dir.resolve("expected.sql")).exists();
        ScenarioWriter.write(temp, "payments", new Scenario(s.id(), s.title(), s.flow(), s.priority(), s.tags(), s.source(),
                s.steps(), s.setupSql(), List.of()));
        assertThat(dir.resolve("expected.sql")).doesNotExist();
        assertThat(Map.of("k", 1)).isNotEmpty();
    }
}

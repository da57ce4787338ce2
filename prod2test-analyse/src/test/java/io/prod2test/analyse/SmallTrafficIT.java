package io.prod2test.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis of six hand-made sessions (fixtures/small-traffic.sql), each planting one finding. */
class SmallTrafficIT {
    @TempDir
    static Path dir;
    static AnalysisStore store;
    static Analysis analysis;

    @BeforeAll
    static void load() throws Exception {
        store = AnalysisStore.open(StoreLocation.embeddedUnder(dir));
        try (Connection c = store.connect()) {
            c.createStatement().execute(Files.readString(Path.of("src/test/resources/fixtures/small-traffic.sql")));
        }
        AnalysisOptions options = AnalysisOptions.defaults().withMinCalls(4).withMinSubFlowSupport(0.5)
                .withRareShapeShare(0.3).withTests(List.of(Path.of("src/test/resources/fixtures/tests")));
        analysis = Analyser.analyse(store, options);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void collapsesLoopsAndRanksFlowVariantsBySessions() {
        assertThat(analysis.flows()).extracting(Flow::labels, Flow::sessions, Flow::errorSessions).containsExactly(
                tuple(List.of("GET /a", "POST /b", "POST /c/{id}"), 5L, 1L),
                tuple(List.of("POST /c/{id}"), 1L, 1L));
        assertThat(analysis.flows().getFirst().share()).isEqualTo(5 / 6.0);
        assertThat(new AnalysisReader(store).flowExamples(1, 10)).hasSize(5).contains(List.of(15L, 16L, 17L, 18L, 19L, 20L));
    }

    @Test
    void countsTheDirectlyFollowsGraphWithCallsBetweenServicesOnTheirEdge() {
        assertThat(analysis.graph()).extracting(t -> t.from() == null ? null : t.from().label(), t -> t.to().label(), Transition::count)
                .containsExactlyInAnyOrder(tuple(null, "GET /a", 5L), tuple("GET /a", "POST /b", 5L), tuple("POST /b", "POST /c/{id}", 5L),
                        tuple(null, "POST /c/{id}", 1L));
        assertThat(transition("POST /b", "POST /c/{id}").downstream()).singleElement()
                .isEqualTo(new Transition.DownstreamCall("other", "POST", "/internal", 1));
        assertThat(transition("GET /a", "POST /b").downstream()).singleElement()
                .isEqualTo(new Transition.DownstreamCall("ledger", "GET", "/accounts/7", 1));
    }

    @Test
    void keepsOnlyClosedFrequentSubFlows() {
        assertThat(analysis.subFlows()).extracting(s -> s.routes().stream().map(Route::label).toList(), SubFlow::sessions)
                .containsExactly(tuple(List.of("GET /a", "POST /b", "POST /c/{id}"), 5L));
    }

    @Test
    void findsEachPlantedEdgeCaseWithItsExample() {
        assertThat(analysis.edgeCases()).extracting(e -> e.kind().label(), e -> e.route().label(), EdgeCase::status, EdgeCase::detail,
                        EdgeCase::count, EdgeCase::examples, EdgeCase::exampleExchanges)
                .containsExactlyInAnyOrder(
                        tuple("error-status", "POST /c/{id}", 409, "HTTP 409", 1L, List.of("masked-s2"), List.of(7L)),
                        tuple("error-status", "POST /c/{id}", 500, "HTTP 500", 1L, List.of("masked-s5"), List.of(14L)),
                        tuple("concurrent", "POST /c/{id}", null, "overlaps another POST of the same resource", 1L, List.of("masked-s2"), List.of(7L)),
                        tuple("out-of-order", "POST /c/{id}", null, "without POST /b before it", 1L, List.of("masked-s5"), List.of(14L)),
                        tuple("slow", "POST /c/{id}", null, "at or above p99 of 900 ms", 1L, List.of("masked-s6"), List.of(20L)),
                        tuple("rare-shape", "POST /c/{id}", null, "fields amount:number,currency:string,note:string", 1L, List.of("masked-s6"), List.of(20L)),
                        tuple("odd-value", "POST /c/{id}", null, "negative at $.amount", 1L, List.of("masked-s6"), List.of(20L)),
                        tuple("odd-value", "POST /c/{id}", null, "empty at $.note", 1L, List.of("masked-s6"), List.of(20L)),
                        tuple("retry", "POST /b", null, "the same Idempotency-Key again", 1L, List.of("masked-s4"), List.of(12L)),
                        tuple("duplicate", "POST /b", null, "the same request again within 10 s", 1L, List.of("masked-s6"), List.of(19L)));
    }

    @Test
    void judgesCoverageAgainstTheScenarioFilesAndRanksByPriority() {
        assertThat(analysis.testsScanned()).isTrue();
        assertThat(analysis.flows()).allSatisfy(f -> assertThat(f.coverage()).isEqualTo(Coverage.COVERED));
        assertThat(edge("error-status", "HTTP 409").coverage()).isEqualTo(Coverage.COVERED);
        assertThat(edge("error-status", "HTTP 500").coverage()).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(edge("retry", "the same Idempotency-Key again").coverage()).isEqualTo(Coverage.COVERED);
        assertThat(edge("error-status", "HTTP 500").priority()).isGreaterThan(edge("error-status", "HTTP 409").priority());
        assertThat(edge("error-status", "HTTP 500").why()).contains("server error 500").contains("only partly covered");
        assertThat(analysis.edgeCases()).isSortedAccordingTo((a, b) -> Double.compare(b.priority(), a.priority()));
    }

    @Test
    void aSecondAnalysisReplacesTheFirst() {
        Analysis again = Analyser.analyse(store, AnalysisOptions.defaults().withMinCalls(4).withMinSubFlowSupport(0.5)
                .withRareShapeShare(0.3).withTests(List.of(Path.of("src/test/resources/fixtures/tests"))));
        assertThat(again).isEqualTo(analysis);
    }

    @Test
    void anEmptyStoreHasAnEmptyAnalysis() throws Exception {
        try (Connection c = store.connect()) {
            c.createStatement().execute("CREATE DATABASE empty_store");
        }
        try (AnalysisStore empty = AnalysisStore.open(new StoreLocation(store.jdbcUrl().replace("/prod2test?", "/empty_store?"), null))) {
            Analysis nothing = Analyser.analyse(empty, AnalysisOptions.defaults());

            assertThat(nothing.sessions()).isZero();
            assertThat(nothing.flows()).isEmpty();
            assertThat(nothing.edgeCases()).isEmpty();
            assertThat(nothing.graph()).isEmpty();
            assertThat(new AnalysisReader(empty).read()).isEqualTo(nothing);
        }
    }

    @Test
    void readingAStoreThatWasNeverAnalysedSaysSo() throws Exception {
        try (Connection c = store.connect()) {
            c.createStatement().execute("CREATE DATABASE never_analysed");
        }
        try (AnalysisStore fresh = AnalysisStore.open(new StoreLocation(store.jdbcUrl().replace("/prod2test?", "/never_analysed?"), null));
             Connection c = fresh.connect()) {
            c.createStatement().execute(Files.readString(Path.of("src/test/resources/fixtures/small-traffic.sql")));

            assertThatThrownBy(() -> new AnalysisReader(fresh).read()).isInstanceOf(Prod2TestException.class)
                    .hasMessageContaining("has not been analysed yet");
        }
    }

    private static EdgeCase edge(String kind, String detail) {
        return analysis.edgeCases().stream().filter(e -> e.kind().label().equals(kind) && e.detail().equals(detail)).findFirst().orElseThrow();
    }

    private static Transition transition(String from, String to) {
        return analysis.graph().stream().filter(t -> t.from() != null && t.from().label().equals(from) && t.to().label().equals(to))
                .findFirst().orElseThrow();
    }
}

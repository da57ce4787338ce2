package io.prod2test.analyse;

import io.prod2test.analyse.coverage.CoverageJudge;
import io.prod2test.analyse.coverage.TestFile;
import io.prod2test.analyse.coverage.TestScanner;
import io.prod2test.analyse.mining.Mining;
import io.prod2test.analyse.priority.Priorities;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The analyse stage's entry point: {@code Analysis analysis = Analyser.analyse(store, options)}.
 *
 * <p>Recomputes the analysis tables of the store from its exchanges (in PostgreSQL, see
 * {@link Mining}), judges coverage against the existing tests, scores priorities, stores them beside
 * the flows and edge cases, and returns the result. All of it is one transaction: a failed analysis
 * leaves the previous one in place.
 */
public final class Analyser {
    private Analyser() {
    }

    public static Analysis analyse(AnalysisStore store, AnalysisOptions options) {
        return analyse(store, options, step -> { });
    }

    /**
     * As {@link #analyse(AnalysisStore, AnalysisOptions)}, telling {@code onStep} the name of each step as it starts.
     */
    public static Analysis analyse(AnalysisStore store, AnalysisOptions options, Consumer<String> onStep) {
        List<TestFile> tests = options.tests().isEmpty() ? List.of() : TestScanner.scan(options.tests());
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                Mining.run(c, options, onStep);
                onStep.accept("scoring priorities");
                Analysis raw = AnalysisReader.read(c);
                score(c, raw, options.tests().isEmpty() ? null : new CoverageJudge(routes(raw), tests));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return AnalysisReader.read(c);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "the analysis failed in the store: " + e.getMessage(), e);
        }
    }

    private static List<Route> routes(Analysis raw) {
        return java.util.stream.Stream.concat(raw.flows().stream().flatMap(f -> f.routes().stream()),
                raw.edgeCases().stream().map(EdgeCase::route)).distinct().toList();
    }

    private static void score(Connection c, Analysis raw, CoverageJudge judge) throws SQLException {
        double topShare = raw.flows().stream().mapToDouble(Flow::share).max().orElse(0);
        try (PreparedStatement update = c.prepareStatement("UPDATE analysis_flows SET coverage = ?, priority = ?, why = ? WHERE id = ?")) {
            for (Flow flow : raw.flows()) {
                Coverage coverage = judge == null ? Coverage.UNKNOWN : judge.flow(flow.routes().stream().map(Route::id).toList());
                var score = Priorities.flow(flow.routes(), flow.share(), topShare, flow.errorSessions() / (double) flow.sessions(), coverage);
                update.setString(1, coverage.label());
                update.setDouble(2, score.value());
                update.setString(3, score.why());
                update.setLong(4, flow.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        long topCount = raw.edgeCases().stream().mapToLong(EdgeCase::count).max().orElse(0);
        try (PreparedStatement update = c.prepareStatement("UPDATE analysis_edge_cases SET coverage = ?, priority = ?, why = ? WHERE id = ?")) {
            for (EdgeCase edge : raw.edgeCases()) {
                Coverage coverage = judge == null ? Coverage.UNKNOWN
                        : judge.edgeCase(edge.kind(), edge.route().id(), edge.status(), edge.detail());
                var score = Priorities.edgeCase(edge.kind(), edge.route(), edge.status(), edge.count(), topCount, coverage);
                update.setString(1, coverage.label());
                update.setDouble(2, score.value());
                update.setString(3, score.why());
                update.setLong(4, edge.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}

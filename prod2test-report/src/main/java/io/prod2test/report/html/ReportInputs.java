package io.prod2test.report.html;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mask.MaskingReport;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.report.traffic.Sample;
import io.prod2test.report.traffic.TrafficSamples;
import io.prod2test.report.traffic.TrafficStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report shows. The analysis and the traffic are required; the masking summary, the
 * scan, the scenarios and their last run are shown when present and said to be missing otherwise.
 *
 * @param analysis       the analysis
 * @param traffic        the traffic statistics
 * @param edgeExamples   example exchanges by edge case id (the first few edge cases)
 * @param masking        what masking replaced, by rule and kind; {@code null} when not known
 * @param scan           a personal-data scan of the generated assets; {@code null} when none ran
 * @param scenarios      the generated scenarios; {@code null} when no asset repository was given
 * @param run            the scenarios' last run; {@code null} when no JUnit XML was given
 * @param generatedAt    when the report was made
 */
public record ReportInputs(Analysis analysis, TrafficStats traffic, Map<Long, List<Sample>> edgeExamples,
                           List<MaskingReport.Entry> masking, ScanResult scan, List<ScenarioSummary> scenarios, TestRun run,
                           Instant generatedAt) {
    /** Edge cases whose examples are read from the store. */
    static final int EDGE_CASES_WITH_EXAMPLES = 40;

    public ReportInputs {
        Objects.requireNonNull(analysis, "a report shows an analysis");
        Objects.requireNonNull(traffic, "a report shows the traffic");
        edgeExamples = Map.copyOf(edgeExamples);
        masking = masking == null ? null : List.copyOf(masking);
        scenarios = scenarios == null ? null : List.copyOf(scenarios);
        Objects.requireNonNull(generatedAt, "a report says when it was made");
    }

    /** The last analysis of {@code store}, its traffic and the examples of its first edge cases. */
    public static ReportInputs from(AnalysisStore store) {
        Analysis analysis = new AnalysisReader(store).read();
        TrafficSamples samples = new TrafficSamples(store);
        Map<Long, List<Sample>> examples = new LinkedHashMap<>();
        List<EdgeCase> first = analysis.edgeCases().stream().limit(EDGE_CASES_WITH_EXAMPLES).toList();
        List<Long> ids = new ArrayList<>();
        first.forEach(e -> ids.addAll(e.exampleExchanges().stream().limit(2).toList()));
        Map<Long, Sample> byId = new LinkedHashMap<>();
        samples.byIds(ids).forEach(s -> byId.put(s.id(), s));
        for (EdgeCase e : first) {
            examples.put(e.id(), e.exampleExchanges().stream().limit(2).map(byId::get).filter(Objects::nonNull).toList());
        }
        return new ReportInputs(analysis, TrafficStats.read(store), examples, null, null, null, null, Instant.now());
    }

    public ReportInputs withMasking(MaskingReport report) {
        return new ReportInputs(analysis, traffic, edgeExamples, report.entries(), scan, scenarios, run, generatedAt);
    }

    public ReportInputs withScan(ScanResult value) {
        return new ReportInputs(analysis, traffic, edgeExamples, masking, value, scenarios, run, generatedAt);
    }

    /** The scenarios of the asset repository {@code repo} (none when it has no {@code scenarios/}). */
    public ReportInputs withScenarios(Path repo) {
        return new ReportInputs(analysis, traffic, edgeExamples, masking, scan, AssetFiles.scenarios(repo), run, generatedAt);
    }

    /** The last run, read from a JUnit XML file as {@code prod2test run --junit-xml} writes it. */
    public ReportInputs withJUnitXml(Path file) {
        return new ReportInputs(analysis, traffic, edgeExamples, masking, scan, scenarios, AssetFiles.junit(file), generatedAt);
    }
}

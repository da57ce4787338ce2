package io.prod2test.report.charter;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisReader;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.report.traffic.Sample;
import io.prod2test.report.traffic.TrafficSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The charters' entry point: {@code List<Path> files = Charters.write(analysis, store, repo)} writes
 * {@code charters/<service>/<feature>.md} into an asset repository, one file per route family.
 */
public final class Charters {
    private Charters() {
    }

    /**
     * Writes the charters of {@code analysis}, taking concrete values from the masked exchanges of
     * {@code store} (one example session per flow, the example calls of each edge case).
     *
     * @return the files written, sorted by service and feature
     */
    public static List<Path> write(Analysis analysis, AnalysisStore store, Path repoDir) {
        return write(CharterBuilder.build(analysis, storeExamples(new AnalysisReader(store), new TrafficSamples(store))), repoDir);
    }

    /** Writes built charters under {@code repoDir/charters/}. */
    public static List<Path> write(List<Charter> charters, Path repoDir) {
        List<Path> written = new ArrayList<>();
        for (Charter charter : charters) {
            Path file = repoDir.resolve("charters").resolve(charter.feature().serviceFolder()).resolve(charter.feature().slug() + ".md");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, CharterWriter.markdown(charter), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.IO, "cannot write the charter " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    /**
     * The masked example calls of the store's analysis, as {@link #write(Analysis, AnalysisStore, Path)}
     * quotes them: one example session per flow, looked up once however many charters quote it.
     */
    public static Examples storeExamples(AnalysisStore store) {
        return storeExamples(new AnalysisReader(store), new TrafficSamples(store));
    }

    static Examples storeExamples(AnalysisReader reader, TrafficSamples samples) {
        Map<Long, List<Sample>> flows = new HashMap<>();
        return new Examples() {
            @Override
            public List<Sample> ofFlow(Flow flow) {
                return flows.computeIfAbsent(flow.id(), id -> {
                    List<List<Long>> sessions = reader.flowExamples(id, 1);
                    return sessions.isEmpty() ? List.of() : samples.byIds(sessions.getFirst());
                });
            }

            @Override
            public List<Sample> ofEdgeCase(EdgeCase edgeCase) {
                return samples.byIds(edgeCase.exampleExchanges());
            }
        };
    }
}

package io.prod2test.core.ingest;

import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import java.nio.file.Path;
import java.util.List;

/** Runs one ingest in a process of its own, so that a test can kill it with SIGKILL midway. */
public final class IngestProcessMain {
    private IngestProcessMain() {
    }

    /** Arguments: the store's JDBC URL, the file, the batch size. */
    public static void main(String[] args) {
        try (AnalysisStore store = AnalysisStore.open(new StoreLocation(args[0], null))) {
            new Ingest(store, new MaskingHook(Masker.create(MaskingPolicy.defaults(), IngestIT.KEY)), LogFormats.standard(),
                    Ingest.Options.defaults().withBatchSize(Integer.parseInt(args[2]))).run(List.of(Path.of(args[1])), Ingest.Progress.NONE);
        }
    }
}

package io.prod2test.generate.scenario;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.examples.simulator.SimulationConfig;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.simulator.Simulator;
import io.prod2test.examples.world.SampleWorld;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's production in small, as {@code DemoRun} makes it: the sample world with a seeded
 * population played against it, both services' logs ingested and masked into an analysis store on
 * the same embedded server, then analysed.
 */
final class DemoTraffic implements AutoCloseable {
    static final MaskingKey KEY = MaskingKey.of("scenario-test-key-of-32-bytes!!!".getBytes(StandardCharsets.UTF_8));
    /** The demo's choice: e-mail surrogates keep the capitals typed, so a retyped sign-up stays retyped. */
    static final MaskingPolicy POLICY = MaskingPolicy.defaults().withKeepEmailCase(true);

    final SampleWorld world;
    final SimulationReport report;
    final AnalysisStore store;
    final Analysis analysis;

    private DemoTraffic(SampleWorld world, SimulationReport report, AnalysisStore store, Analysis analysis) {
        this.world = world;
        this.report = report;
        this.store = store;
        this.analysis = analysis;
    }

    static DemoTraffic play(Path dir, long seed, int sessions) {
        SampleWorld world = SampleWorld.start(dir.resolve("production"));
        try {
            // Through the world, so the customers from before the capture window stay out of the ingested logs.
            SimulationReport report = world.simulate(new Simulator(SimulationConfig.defaults(seed, world.baseUrl("shop"))
                    .withSessions(sessions).withConcurrency(2)), io.prod2test.examples.simulator.ProgressListener.NONE);
            AnalysisStore store = AnalysisStore.open(new StoreLocation(world.databases().createDatabase("prod2test"), null));
            new Ingest(store, new MaskingHook(Masker.create(POLICY, KEY)), LogFormats.standard(), Ingest.Options.defaults())
                    .run(List.copyOf(world.logs().values()), Ingest.Progress.NONE);
            Analysis analysis = Analyser.analyse(store, AnalysisOptions.defaults());
            return new DemoTraffic(world, report, store, analysis);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    @Override
    public void close() {
        store.close();
        world.close();
    }
}

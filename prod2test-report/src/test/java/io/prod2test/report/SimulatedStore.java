package io.prod2test.report;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.examples.simulator.ProgressListener;
import io.prod2test.examples.simulator.SimulationConfig;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.simulator.Simulator;
import io.prod2test.examples.simulator.UsageModel;
import io.prod2test.examples.world.SampleWorld;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The demo's production in miniature: the simulator plays a seeded population against the sample
 * services, their logs are ingested masked into an analysis store on the same embedded server, and
 * analysed, as the demo does. The customers who signed up before the capture window are in the
 * shop's database, not in the ingested logs.
 */
public final class SimulatedStore implements AutoCloseable {
    static final MaskingKey KEY = MaskingKey.of("report-test-key-of-32-bytes!!!!!".getBytes(StandardCharsets.UTF_8));

    public final SampleWorld world;
    public final SimulationReport simulation;
    public final AnalysisStore store;
    public final MaskingHook masking;
    public final Analysis analysis;

    private SimulatedStore(SampleWorld world, SimulationReport simulation, AnalysisStore store, MaskingHook masking, Analysis analysis) {
        this.world = world;
        this.simulation = simulation;
        this.store = store;
        this.masking = masking;
        this.analysis = analysis;
    }

    public static SimulatedStore play(Path dir, long seed, int sessions) {
        SampleWorld world = SampleWorld.start(dir.resolve("production"));
        try {
            Simulator simulator = new Simulator(SimulationConfig.defaults(seed, world.baseUrl("shop")).withSessions(sessions)
                    .withConcurrency(4), UsageModel.standard(), Clock.fixed(Instant.now(), ZoneOffset.UTC));
            SimulationReport report = world.simulate(simulator, ProgressListener.NONE);
            if (!report.succeeded()) {
                throw new IllegalStateException("the simulation did not go as planned: " + report.summary());
            }
            AnalysisStore store = AnalysisStore.open(new StoreLocation(world.databases().createDatabase("prod2test"), null));
            MaskingHook hook = new MaskingHook(Masker.create(MaskingPolicy.defaults(), KEY));
            new Ingest(store, hook, LogFormats.standard(), Ingest.Options.defaults())
                    .run(List.copyOf(world.logs().values()), Ingest.Progress.NONE);
            // an existing test that browses the catalogue, so that coverage is judged and marked
            Path tests = java.nio.file.Files.createDirectories(dir.resolve("existing-tests"));
            java.nio.file.Files.writeString(tests.resolve("CatalogueTest.java"), """
                    class CatalogueTest {
                        void browses() {
                            given().get("/products").then().statusCode(200);
                            given().get("/products/TEA-SENCHA-100").then().statusCode(200);
                        }
                    }
                    """);
            Analysis analysis = Analyser.analyse(store, AnalysisOptions.defaults().withTests(List.of(tests)));
            return new SimulatedStore(world, report, store, hook, analysis);
        } catch (RuntimeException | java.io.IOException e) {
            world.close();
            throw e instanceof RuntimeException r ? r : new java.io.UncheckedIOException((java.io.IOException) e);
        }
    }

    @Override
    public void close() {
        store.close();
        world.close();
    }
}

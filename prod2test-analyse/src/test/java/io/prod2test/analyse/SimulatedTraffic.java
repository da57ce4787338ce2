package io.prod2test.analyse;

import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.examples.simulator.Journey;
import io.prod2test.examples.simulator.ProgressListener;
import io.prod2test.examples.simulator.SessionPlan;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo's production in miniature: the simulator plays a seeded population against the sample
 * services, and their logs are ingested, masked with a key, into an analysis store on the same
 * embedded server, as the demo does. What the simulator planned and reports having played is what
 * an analysis of the store must find. The customers who signed up before the capture window are in
 * the shop's database but not in the ingested logs, as the sample world keeps them.
 */
final class SimulatedTraffic implements AutoCloseable {
    static final MaskingKey KEY = MaskingKey.of("analyse-test-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));

    final SampleWorld world;
    final SimulationReport report;
    final List<SessionPlan> plans;
    final AnalysisStore store;

    private SimulatedTraffic(SampleWorld world, SimulationReport report, List<SessionPlan> plans, AnalysisStore store) {
        this.world = world;
        this.report = report;
        this.plans = plans;
        this.store = store;
    }

    /**
     * A usage model in which every journey is about equally likely, so that a few hundred sessions
     * plant every edge case several times.
     */
    static UsageModel everyJourneyAlike() {
        Map<Journey, Integer> weights = new EnumMap<>(Journey.class);
        Journey[] journeys = Journey.values();
        int each = UsageModel.TOTAL_WEIGHT / journeys.length;
        for (Journey j : journeys) {
            weights.put(j, each);
        }
        weights.merge(journeys[0], UsageModel.TOTAL_WEIGHT - each * journeys.length, Integer::sum);
        return new UsageModel(weights);
    }

    static SimulatedTraffic play(Path dir, long seed, int sessions, UsageModel model) {
        SampleWorld world = SampleWorld.start(dir.resolve("production"));
        try {
            Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
            Simulator simulator = new Simulator(SimulationConfig.defaults(seed, world.baseUrl("shop")).withSessions(sessions)
                    .withConcurrency(4), model, clock);
            SimulationReport report = world.simulate(simulator, ProgressListener.NONE);
            if (!report.succeeded()) {
                throw new IllegalStateException("the simulation did not go as planned: " + report.summary());
            }
            AnalysisStore store = AnalysisStore.open(new StoreLocation(world.databases().createDatabase("prod2test"), null));
            new Ingest(store, new MaskingHook(Masker.create(MaskingPolicy.defaults(), KEY)), LogFormats.standard(), Ingest.Options.defaults())
                    .run(List.copyOf(world.logs().values()), Ingest.Progress.NONE);
            return new SimulatedTraffic(world, report, simulator.plan(), store);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /** Sessions the simulator played with any of these journeys. */
    long played(Journey... journeys) {
        long n = 0;
        for (Journey j : journeys) {
            n += report.journeys().getOrDefault(j, 0);
        }
        return n;
    }

    /** Planned sessions that match. */
    long planned(Predicate<SessionPlan> which) {
        return plans.stream().filter(which).count();
    }

    @Override
    public void close() {
        store.close();
        world.close();
    }
}

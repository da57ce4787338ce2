package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.world.SampleWorld;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.MaskingReport;
import io.prod2test.mask.surrogate.MaskingKey;
import java.util.Locale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the demo: the sample production world, the simulated traffic, then every pipeline
 * stage this version has. Stages that are not built yet are reported as such, never faked.
 */
final class DemoRun {
    private final Path out;
    private final long seed;
    private final int sessions;
    private final int concurrency;
    private final List<Fault> faults;
    private final Progress progress;

    DemoRun(Path out, long seed, int sessions, int concurrency, List<Fault> faults, Progress progress) {
        this.out = out;
        this.seed = seed;
        this.sessions = sessions;
        this.concurrency = concurrency;
        this.faults = List.copyOf(faults);
        this.progress = progress;
    }

    /** Pulls each production database's schema into the assets' schemas/ folder. */
    private void schemas(SampleWorld world, Path assets, Map<String, String> stages) {
        progress.step("pulling the production schemas ...");
        long started = System.nanoTime();
        int tables = 0;
        for (String service : SampleWorld.SERVICES) {
            tables += io.prod2test.generate.schema.Schemas.pull(
                    io.prod2test.generate.source.SourceDatabase.of(world.jdbcUrl(service)), assets, service).tables();
        }
        stages.put(Stage.SCHEMA.title(), String.format(Locale.ROOT, "%d tables of %d services in schemas/ in %.1f s", tables,
                SampleWorld.SERVICES.size(), (System.nanoTime() - started) / 1e9));
    }

    /**
     * Ingests the production logs, masked with a key made for this demo, into an analysis store
     * beside the production databases, and says what happened in {@code stages}.
     */
    private void ingest(SampleWorld world, Map<String, String> stages) throws IOException {
        MaskingKey key = DemoKey.create(out.resolve("masking.key"));
        MaskingHook hook = new MaskingHook(Masker.create(MaskingPolicy.defaults(), key));
        String storeUrl = world.databases().createDatabase("prod2test");
        long started = System.nanoTime();
        try (AnalysisStore store = AnalysisStore.open(new StoreLocation(storeUrl, null))) {
            Ingest.Summary summary = new Ingest(store, hook, LogFormats.standard(), Ingest.Options.defaults())
                    .run(List.copyOf(world.logs().values()), (bytes, total, records) -> progress.count(
                            String.format(Locale.ROOT, "ingesting and masking %,d records", records), bytes, total));
            stages.put(Stage.INGEST.title(), String.format(Locale.ROOT,
                    "%,d exchanges loaded, %,d quarantined, %,d sessions, %,d routes in %.1f s", summary.loaded(),
                    summary.quarantined(), summary.sessions(), summary.routes(), (System.nanoTime() - started) / 1e9));
            progress.step("analysing flows, edge cases and priorities ...");
            long analysing = System.nanoTime();
            io.prod2test.analyse.Analysis analysis = io.prod2test.analyse.Analyser.analyse(store, io.prod2test.analyse.AnalysisOptions.defaults());
            stages.put(Stage.ANALYSE.title(), String.format(Locale.ROOT, "%,d flow variants over %,d sessions, %,d edge cases in %.1f s",
                    analysis.flows().size(), analysis.sessions(), analysis.edgeCases().size(), (System.nanoTime() - analysing) / 1e9));
        }
        long values = hook.report().total();
        String kinds = hook.report().entries().stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.kind() == null ? "redacted" : e.kind().name().toLowerCase(Locale.ROOT),
                        java.util.TreeMap::new, java.util.stream.Collectors.summingLong(MaskingReport.Entry::count)))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
        stages.put(Stage.MASK.title(), String.format(Locale.ROOT, "%,d values masked (%s), key in %s", values, kinds,
                out.resolve("masking.key")));
    }

    DemoSummary run() {
        long started = System.nanoTime();
        progress.step("starting the sample production world (embedded PostgreSQL, payments, shop) ...");
        Path assets = out.resolve("assets");
        try (SampleWorld world = SampleWorld.start(out.resolve("production"))) {
            SimulationReport simulation = world.simulate(seed, sessions, concurrency,
                    done -> progress.count("simulating user sessions", done, sessions));
            progress.step("counting what production wrote ...");
            Map<String, Long> exchanges = world.exchangeCounts();
            Map<String, Map<String, Long>> tables = world.tableRowCounts();
            Files.createDirectories(assets);

            Map<String, String> stages = new LinkedHashMap<>();
            ingest(world, stages);
            schemas(world, assets, stages);
            for (Stage stage : Stage.values()) {
                if (stage.inDemo() && !stages.containsKey(stage.title())) {
                    stages.put(stage.title(), stage.available() ? "done" : "not available in this version yet");
                }
            }
            List<DemoSummary.FaultReplay> replays = new ArrayList<>();
            for (Fault fault : faults) {
                replays.add(new DemoSummary.FaultReplay(fault.cliName(), fault.service(), null,
                        "not replayed: this version generates no scenarios yet"));
            }
            Map<String, Long> journeys = new LinkedHashMap<>();
            simulation.journeys().forEach((journey, count) ->
                    journeys.put(journey.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), (long) count));
            return new DemoSummary(simulation.sessions(), exchanges, journeys, simulation.statuses(),
                    simulation.failures(), simulation.failureMessages().stream().limit(3).toList(), world.logs(), tables, stages, replays,
                    assets, null, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write the demo's output under " + out + ": " + e.getMessage(), e);
        }
    }
}

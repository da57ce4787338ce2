package io.prod2test.cli;

import io.prod2test.analyse.Analyser;
import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.AnalysisOptions;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.simulator.TestCard;
import io.prod2test.examples.simulator.TestCards;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.world.SampleWorld;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.MaskingReport;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.report.charter.Charters;
import io.prod2test.report.html.HtmlReport;
import io.prod2test.report.html.ReportInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * The demo's masking policy: the built-in one, with the sample system's published test cards
     * whose behaviour is fixed (declines, 3-D Secure) kept as public values, so that flows replayed
     * from the masked traffic still decline and still ask for 3-D Secure.
     */
    static MaskingPolicy policy() {
        return MaskingPolicy.defaults().withPublicValues(java.util.stream.Stream.concat(
                TestCards.DECLINING.stream(), TestCards.THREE_D_SECURE.stream()).map(TestCard::number).toList());
    }

    /**
     * Ingests the production logs, masked with a key made for this demo, into the analysis store,
     * then analyses them, and says what happened in {@code stages}.
     */
    private Analysis ingestAndAnalyse(SampleWorld world, AnalysisStore store, MaskingHook hook, Map<String, String> stages) {
        long started = System.nanoTime();
        Ingest.Summary summary = new Ingest(store, hook, LogFormats.standard(), Ingest.Options.defaults())
                .run(List.copyOf(world.logs().values()), (bytes, total, records) -> progress.count(
                        String.format(Locale.ROOT, "ingesting and masking %,d records", records), bytes, total));
        stages.put(Stage.INGEST.title(), String.format(Locale.ROOT,
                "%,d exchanges loaded, %,d quarantined, %,d sessions, %,d routes in %.1f s", summary.loaded(),
                summary.quarantined(), summary.sessions(), summary.routes(), (System.nanoTime() - started) / 1e9));
        long values = hook.report().total();
        String kinds = hook.report().entries().stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.kind() == null ? "redacted" : e.kind().name().toLowerCase(Locale.ROOT),
                        java.util.TreeMap::new, java.util.stream.Collectors.summingLong(MaskingReport.Entry::count)))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
        stages.put(Stage.MASK.title(), String.format(Locale.ROOT, "%,d values masked (%s), key in %s", values, kinds,
                out.resolve("masking.key")));
        progress.step("analysing flows, edge cases and priorities ...");
        long analysing = System.nanoTime();
        Analysis analysis = Analyser.analyse(store, AnalysisOptions.defaults());
        stages.put(Stage.ANALYSE.title(), String.format(Locale.ROOT, "%,d flow variants over %,d sessions, %,d edge cases in %.1f s",
                analysis.flows().size(), analysis.sessions(), analysis.edgeCases().size(), (System.nanoTime() - analysing) / 1e9));
        return analysis;
    }

    /** Charters from the analysis and masked datasets from each production database, into the assets. */
    private void generate(SampleWorld world, AnalysisStore store, Analysis analysis, Masker masker, Path assets,
                          Map<String, String> stages) {
        progress.step("writing charters and masked datasets ...");
        long started = System.nanoTime();
        int charters = Charters.write(analysis, store, assets).size();
        int rows = 0;
        int files = 0;
        for (String service : SampleWorld.SERVICES) {
            Datasets.Result datasets = Datasets.generate(SourceDatabase.of(world.jdbcUrl(service)), assets, service,
                    DatasetConfig.defaults(), masker, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            for (Datasets.Written written : datasets.files()) {
                rows += written.rows();
                files++;
            }
        }
        stages.put(Stage.GENERATE.title(), String.format(Locale.ROOT,
                "%d charters, %,d masked dataset rows in %d files in %.1f s (scenarios: not generated in this version)",
                charters, rows, files, (System.nanoTime() - started) / 1e9));
    }

    /** The report of the analysis, with the masking summary and a scan of the assets. */
    private Path report(AnalysisStore store, MaskingHook hook, MaskingPolicy policy, Path assets, Map<String, String> stages) {
        progress.step("scanning the assets and writing the report ...");
        ScanResult scan = Scanner.builder().policy(policy).build().scan(assets);
        Path file = HtmlReport.write(ReportInputs.from(store).withMasking(hook.report()).withScan(scan).withScenarios(assets),
                out.resolve("report.html"));
        stages.put(Stage.SCAN.title(), (scan.clean() ? "clean: " : "NOT CLEAN: ") + scan.summary());
        return file;
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
            MaskingKey key = DemoKey.create(out.resolve("masking.key"));
            MaskingPolicy policy = policy();
            MaskingHook hook = new MaskingHook(Masker.create(policy, key));
            Path report;
            Analysis analysis;
            try (AnalysisStore store = AnalysisStore.open(new StoreLocation(world.databases().createDatabase("prod2test"), null))) {
                analysis = ingestAndAnalyse(world, store, hook, stages);
                schemas(world, assets, stages);
                // a masker of its own (same key and policy, so the same surrogates), so the masking summary stays the logs'
                generate(world, store, analysis, Masker.create(policy, key), assets, stages);
                stages.put(Stage.RUN.title(), "no generated scenarios to run in this version");
                report = report(store, hook, policy, assets, stages);
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
                    simulation.failures(), simulation.failureMessages().stream().limit(3).toList(), world.logs(), tables, stages,
                    analysis.flows().size(), analysis.edgeCases().size(), replays,
                    assets, report, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write the demo's output under " + out + ": " + e.getMessage(), e);
        }
    }
}

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
import io.prod2test.examples.payments.PaymentsConfig;
import io.prod2test.examples.payments.PaymentsService;
import io.prod2test.examples.shop.ShopConfig;
import io.prod2test.examples.shop.ShopService;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.simulator.TestCard;
import io.prod2test.examples.simulator.TestCards;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import io.prod2test.examples.world.SampleWorld;
import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.generate.dataset.Datasets;
import io.prod2test.generate.scenario.GeneratedScenarios;
import io.prod2test.generate.scenario.ScenarioGenerator;
import io.prod2test.generate.scenario.ScenarioOptions;
import io.prod2test.generate.scenario.SetupRows;
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
import io.prod2test.runner.JUnitXml;
import io.prod2test.runner.RunOptions;
import io.prod2test.runner.RunSummary;
import io.prod2test.runner.ScenarioCatalog;
import io.prod2test.runner.ScenarioResult;
import io.prod2test.runner.ScenarioRunner;
import io.prod2test.runner.ServiceTarget;
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
     * from the masked traffic still decline and still ask for 3-D Secure; and e-mail surrogates that
     * keep the capitals of what users typed, so that a sign-up retyped in other capitals still tests
     * that the shop compares addresses case-insensitively.
     */
    static MaskingPolicy policy() {
        return MaskingPolicy.defaults().withPublicValues(java.util.stream.Stream.concat(
                TestCards.DECLINING.stream(), TestCards.THREE_D_SECURE.stream()).map(TestCard::number).toList())
                .withKeepEmailCase(true);
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

    /**
     * Scenarios and charters from the analysis and masked datasets from each production database,
     * into the assets. The datasets' characteristic layer is left out of the assets: it holds the
     * same masked customers the scenarios sign up, so a scenario would meet its own customer as
     * "e-mail taken" (keys no longer collide, each scenario owning its ID range, but unique values
     * such as e-mails still would); {@code prod2test generate --source} writes every layer.
     */
    private GeneratedScenarios generate(SampleWorld world, AnalysisStore store, Analysis analysis, Masker masker, Path assets,
                                        Map<String, String> stages) throws IOException {
        progress.step("writing scenarios, charters and masked datasets ...");
        long started = System.nanoTime();
        Map<String, SourceDatabase> sources = new LinkedHashMap<>();
        for (String service : SampleWorld.SERVICES) {
            sources.put(service, SourceDatabase.of(world.jdbcUrl(service)));
        }
        // The shop's catalogue is reference data whatever the traffic, as its prod2test.yaml would say.
        Map<String, DatasetConfig> configs = Map.of("shop",
                new DatasetConfig(new DatasetConfig.Reference(List.of("products"), List.of(), 1_000), List.of(), List.of()));
        GeneratedScenarios scenarios = ScenarioGenerator.generate(store, analysis, sources, new SetupRows(masker, configs), assets,
                ScenarioOptions.defaults());
        int charters = Charters.write(analysis, store, assets).size();
        int rows = 0;
        int files = 0;
        Path staging = Files.createTempDirectory(out, "datasets");
        try {
            for (String service : SampleWorld.SERVICES) {
                DatasetConfig config = configs.getOrDefault(service, DatasetConfig.defaults());
                Datasets.Result datasets = Datasets.generate(sources.get(service), staging, service,
                        config, masker, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                for (Datasets.Written written : datasets.files()) {
                    Path relative = staging.relativize(written.file());
                    if (relative.getName(2).toString().startsWith("00_")) {
                        Path target = assets.resolve(relative.toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(written.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        rows += written.rows();
                        files++;
                    }
                }
            }
        } finally {
            try (var walk = Files.walk(staging)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        stages.put(Stage.GENERATE.title(), String.format(Locale.ROOT,
                "%d scenarios (%d flows and edge cases skipped, with why), %d charters, %,d masked reference rows in %d files in %.1f s",
                scenarios.written().size(), scenarios.skipped().size(), charters, rows, files, (System.nanoTime() - started) / 1e9));
        return scenarios;
    }

    /** What playing the scenarios gave: passes on the unmodified services, and each fault's catches. */
    private record Replay(int scenarios, int passed, List<DemoSummary.FaultReplay> faults, Path junitXml) {
    }

    /**
     * Plays the generated scenarios against a test system — the same services, started fresh on
     * empty databases, as a team's CI would run them — once as they are, then with each fault.
     */
    private Replay replay(SampleWorld world, Path assets, int scenarios, Map<String, String> stages) {
        if (scenarios == 0) {
            stages.put(Stage.RUN.title(), "no scenarios to run");
            return new Replay(0, 0, faults.stream().map(f -> new DemoSummary.FaultReplay(f.cliName(), f.service(), null,
                    "not replayed: no scenarios were generated")).toList(), null);
        }
        progress.step("playing the scenarios against a fresh test system ...");
        long started = System.nanoTime();
        String paymentsDb = world.databases().createDatabase("test_payments");
        String shopDb = world.databases().createDatabase("test_shop");
        try (PaymentsService payments = PaymentsService.start(PaymentsConfig.of(paymentsDb).withFaults(FaultSwitches.none()));
             ShopService shop = ShopService.start(ShopConfig.of(shopDb, payments.baseUrl()).withFaults(FaultSwitches.none()))) {
            Map<String, ServiceTarget> targets = Map.of(
                    "shop", new ServiceTarget("shop", shop.baseUrl(), shopDb),
                    PaymentsService.NAME, new ServiceTarget(PaymentsService.NAME, payments.baseUrl(), paymentsDb));
            Map<String, ScenarioRunner> runners = new LinkedHashMap<>();
            try {
                for (String service : ScenarioCatalog.services(assets)) {
                    runners.put(service, ScenarioRunner.open(assets, targets.get(service)));
                }
                List<ScenarioResult> clean = playAll(assets, runners);
                int passed = (int) clean.stream().filter(ScenarioResult::passed).count();
                Path junit = out.resolve("scenarios-junit.xml");
                JUnitXml.write(new RunSummary(clean, RunOptions.once(), System.nanoTime() - started), junit);
                stages.put(Stage.RUN.title(), String.format(Locale.ROOT, "%d of %d scenarios passed against the unmodified services in %.1f s",
                        passed, clean.size(), (System.nanoTime() - started) / 1e9));
                // a fault counts as caught by scenarios that passed without it, not by ones failing anyway
                java.util.Set<String> healthy = clean.stream().filter(ScenarioResult::passed)
                        .map(r -> r.scenario().scenario().id()).collect(java.util.stream.Collectors.toSet());
                List<DemoSummary.FaultReplay> replays = new ArrayList<>();
                for (Fault fault : faults) {
                    progress.step("playing the scenarios with the fault " + fault.cliName() + " ...");
                    FaultSwitches switches = fault.service().equals("shop") ? shop.faults() : payments.faults();
                    switches.set(List.of(fault));
                    try {
                        int failed = (int) playAll(assets, runners).stream()
                                .filter(r -> !r.passed() && healthy.contains(r.scenario().scenario().id())).count();
                        replays.add(new DemoSummary.FaultReplay(fault.cliName(), fault.service(), failed, null));
                    } finally {
                        switches.set(List.of());
                    }
                }
                return new Replay(clean.size(), passed, replays, junit);
            } finally {
                runners.values().forEach(ScenarioRunner::close);
            }
        }
    }

    private static List<ScenarioResult> playAll(Path assets, Map<String, ScenarioRunner> runners) {
        List<ScenarioResult> results = new ArrayList<>();
        runners.forEach((service, runner) ->
                results.addAll(runner.runAll(ScenarioCatalog.load(assets, service), RunOptions.once(), r -> { }).results()));
        return results;
    }

    /** The report of the analysis, with the masking summary and a scan of the assets. */
    private Path report(AnalysisStore store, MaskingHook hook, MaskingPolicy policy, Path assets, Path junitXml,
                        Map<String, String> stages) {
        progress.step("scanning the assets and writing the report ...");
        // Every card the sample system's users pay with is a published test card, which scenarios may
        // carry as they are: they belong to nobody, so they are no findings.
        MaskingPolicy published = policy.withPublicValues(java.util.stream.Stream.of(TestCards.good(), TestCards.DECLINING,
                TestCards.THREE_D_SECURE).flatMap(List::stream).map(TestCard::number).toList());
        ScanResult scan = Scanner.builder().policy(published).build().scan(assets);
        ReportInputs inputs = ReportInputs.from(store).withMasking(hook.report()).withScan(scan).withScenarios(assets);
        Path file = HtmlReport.write(junitXml == null ? inputs : inputs.withJUnitXml(junitXml), out.resolve("report.html"));
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
            Replay replay;
            try (AnalysisStore store = AnalysisStore.open(new StoreLocation(world.databases().createDatabase("prod2test"), null))) {
                analysis = ingestAndAnalyse(world, store, hook, stages);
                schemas(world, assets, stages);
                // a masker of its own (same key and policy, so the same surrogates), so the masking summary stays the logs'
                GeneratedScenarios scenarios = generate(world, store, analysis, Masker.create(policy, key), assets, stages);
                replay = replay(world, assets, scenarios.written().size(), stages);
                report = report(store, hook, policy, assets, replay.junitXml(), stages);
            }
            Map<String, Long> journeys = new LinkedHashMap<>();
            simulation.journeys().forEach((journey, count) ->
                    journeys.put(journey.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), (long) count));
            return new DemoSummary(simulation.sessions(), exchanges, journeys, simulation.statuses(),
                    simulation.failures(), simulation.failureMessages().stream().limit(3).toList(), world.logs(), tables, stages,
                    analysis.flows().size(), analysis.edgeCases().size(), replay.scenarios(), replay.passed(), replay.faults(),
                    assets, report, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write the demo's output under " + out + ": " + e.getMessage(), e);
        }
    }
}

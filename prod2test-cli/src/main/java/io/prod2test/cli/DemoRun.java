package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.examples.simulator.SimulationReport;
import io.prod2test.examples.support.Fault;
import io.prod2test.examples.world.SampleWorld;
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
            for (Stage stage : Stage.values()) {
                if (stage != Stage.MCP && stage != Stage.PUBLISH) {
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

package io.prod2test.cli;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.examples.support.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prod2test demo}: the whole story on the bundled sample payments system. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the whole pipeline on the bundled sample payments system, with an embedded PostgreSQL.",
        description = {
            "",
            "Starts the sample 'production' (a shop and a payments service, each with its own database), simulates a seeded population of users against it, then runs every pipeline stage this version has on the logs and databases it produced, and prints where everything is.",
            "",
            "The out folder: production/logs/<service>.jsonl (the raw, synthetic production logs), production/postgres/ (the services' databases), assets/ (the generated test-asset repository) and report.html.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  prod2test demo",
            "  prod2test demo --out /tmp/demo --sessions 500 --json",
            "  prod2test demo --faults all                     # which regressions do the generated tests catch?",
            "  prod2test demo --faults refund-exceeds-captured,three-ds-skipped"})
final class DemoCommand implements Callable<Integer> {
    /** A file in the out folder that marks it as the demo's own, so a rerun may replace it. */
    static final String MARKER = ".prod2test-demo";

    @ParentCommand
    Prod2TestCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
            description = "The folder to write into (default: ${DEFAULT-VALUE}); a previous demo's output there is replaced.")
    Path out;

    @Option(names = "--sessions", defaultValue = "2000", paramLabel = "N",
            description = "How many user sessions to simulate (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
            description = "The simulator's seed: the same seed gives the same sessions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "How many sessions run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--faults", paramLabel = "all|NAME,...", split = ",",
            description = "After the clean run, replay the generated scenarios with each of these faults switched on,"
                    + " one at a time, and count the scenarios that catch it.")
    List<String> faults;

    @Option(names = "--json", description = "Print the summary as one JSON object on the last line of stdout.")
    boolean json;

    @Override
    public Integer call() {
        if (sessions < 1) {
            throw new Prod2TestException(ErrorCode.USAGE, "--sessions must be at least 1, was " + sessions);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new Prod2TestException(ErrorCode.USAGE, "--concurrency must be between 1 and 64, was " + concurrency);
        }
        List<Fault> selected = parseFaults(faults);
        prepareOut(out);
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = Progress.forProcess(spec.commandLine().getErr(), root.environment());
        DemoSummary summary = new DemoRun(out, seed, sessions, concurrency, selected, progress).run();
        progress.clear();
        if (json) {
            stdout.println(summary.toJson());
        } else {
            stdout.print(summary.toText());
        }
        stdout.flush();
        return summary.failures() == 0 ? 0 : ErrorCode.SERVICE.exitCode();
    }

    /** {@code all}, or fault names separated by commas; an unknown name is a usage error that lists the valid ones. */
    static List<Fault> parseFaults(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        Set<Fault> selected = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            if (name.trim().equalsIgnoreCase("all")) {
                selected.addAll(Arrays.asList(Fault.values()));
                continue;
            }
            selected.add(Fault.byName(name).orElseThrow(() -> new Prod2TestException(ErrorCode.USAGE,
                    "--faults: unknown fault '" + name.trim() + "'; the faults are: all, " + faultNames())));
        }
        return new ArrayList<>(selected);
    }

    static String faultNames() {
        return String.join(", ", Stream.of(Fault.values()).map(Fault::cliName).toList());
    }

    /**
     * Makes {@code out} ready: created when missing, emptied when a previous demo wrote it, and
     * refused when it holds anything else, so the demo never deletes a user's files.
     */
    static void prepareOut(Path out) {
        try {
            if (Files.isDirectory(out)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(out)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !Files.exists(out.resolve(MARKER))) {
                    throw new Prod2TestException(ErrorCode.USAGE, "--out " + out + " is not empty and was not written by"
                            + " 'prod2test demo'; choose an empty or new folder so that nothing of yours is replaced");
                }
                deleteContents(out);
            } else if (Files.exists(out)) {
                throw new Prod2TestException(ErrorCode.USAGE, "--out " + out + " is a file; it must be a folder");
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKER), "written by prod2test demo; a rerun replaces this folder's contents\n");
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot prepare the out folder " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

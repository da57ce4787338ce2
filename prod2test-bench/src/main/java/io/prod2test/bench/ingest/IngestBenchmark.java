package io.prod2test.bench.ingest;

import io.prod2test.bench.ParseFloor;
import io.prod2test.bench.Timing;
import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.core.store.StoreLocation;
import io.prod2test.mask.LogFileMasker;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code prod2test ingest} of at least 1 GB of canonical JSONL with bodies, side by side in one run
 * with its two floors:
 * <ol>
 *   <li>the database's: psql's {@code \copy} of the same lines, unparsed, into one {@code jsonb}
 *       column of an empty table (what getting the bytes into PostgreSQL costs at the least);</li>
 *   <li>the parser's: a bare Jackson streaming copy of the file (every token read and written).</li>
 * </ol>
 * Each round runs all three on the same file, against fresh databases on the same server, so that
 * they share the page cache and the machine's load.
 *
 * <p>The input is made from real-looking logs (the demo's): each copy of them is first masked with
 * a key of its own, which turns its people, cards and sessions into a different but equally
 * realistic population, so the ingest meets first-seen values at a production-like rate instead of
 * remembering one small crowd. The amplified file is kept under {@code --work} and reused.
 *
 * <p>Usage: {@code IngestBenchmark [--target-mb 1024] [--rounds 2] [--server URL] [--work DIR] LOG.jsonl...}.
 * The server URL is a PostgreSQL database the benchmark may create and drop databases from.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetMb = 1024;
        int rounds = 2;
        String server = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "prod2test-bench");
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target-mb" -> targetMb = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--server" -> server = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                default -> sources.add(Path.of(args[i]));
            }
        }
        if (sources.isEmpty()) {
            System.err.println("usage: IngestBenchmark [--target-mb 1024] [--rounds 2] [--server JDBC_URL] [--work DIR] LOG.jsonl...");
            System.err.println("  e.g. the demo's logs: ./prod2test demo --out demo-out, then demo-out/production/logs/*.jsonl");
            System.exit(2);
        }
        Files.createDirectories(work);
        Path big = amplify(sources, work.resolve("ingest-" + targetMb + "mb.jsonl"), targetMb * 1_000_000);
        double mb = Files.size(big) / 1e6;
        long lines = countLines(big);
        System.out.printf(Locale.ROOT, "input %s: %.0f MB, %,d exchanges; %d processors, max heap %d MB%n",
                big, mb, lines, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        double bestCopy = Double.MAX_VALUE;
        double bestJackson = Double.MAX_VALUE;
        double bestIngest = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            double copy = psqlCopy(server, big, "p2t_bench_copy");
            double jackson = Timing.seconds(() -> ParseFloor.jacksonCopy(big, OutputStream.nullOutputStream()));
            resetPeakHeap();
            double[] ingest = ingest(server, big, lines, "p2t_bench_ingest");
            long peakHeap = peakHeap();
            System.out.printf(Locale.ROOT,
                    "round %d: psql \\copy %.1f s (%.0f MB/s) | jackson copy %.1f s (%.0f MB/s) | ingest %.1f s (%.0f MB/s;"
                            + " derivations re-run %.1f s), peak heap %d MB | ingest / \\copy %.2fx%n",
                    round, copy, mb / copy, jackson, mb / jackson, ingest[0], mb / ingest[0], ingest[1], peakHeap >> 20,
                    ingest[0] / copy);
            bestCopy = Math.min(bestCopy, copy);
            bestJackson = Math.min(bestJackson, jackson);
            bestIngest = Math.min(bestIngest, ingest[0]);
        }
        System.out.printf(Locale.ROOT, "best: psql \\copy %.1f s, jackson copy %.1f s, ingest %.1f s: ingest / \\copy = %.2fx,"
                + " ingest / jackson = %.2fx (target <= 1.15x \\copy)%n", bestCopy, bestJackson, bestIngest,
                bestIngest / bestCopy, bestIngest / bestJackson);
    }

    /** Masks the sources again and again, each time with another key, until the file is big enough. */
    static Path amplify(List<Path> sources, Path big, long targetBytes) throws IOException {
        if (Files.exists(big) && Files.size(big) >= targetBytes) {
            return big;
        }
        Path part = Files.createTempFile(big.getParent(), "part", ".jsonl");
        Path tmp = big.resolveSibling(big.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            long written = 0;
            for (int copy = 0; written < targetBytes; copy++) {
                byte[] key = ("amplifier-copy-%08d-of-the-demo!!".formatted(copy)).getBytes(StandardCharsets.UTF_8);
                LogFileMasker masker = new LogFileMasker(Masker.create(MaskingPolicy.defaults(), MaskingKey.of(key)));
                for (Path source : sources) {
                    masker.mask(source, part, bytes -> { });
                    written += Files.copy(part, out);
                }
                System.err.printf(Locale.ROOT, "\ramplifying: %,d MB of %,d", written >> 20, targetBytes >> 20);
            }
            System.err.println();
        } finally {
            Files.deleteIfExists(part);
        }
        Files.move(tmp, big, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return big;
    }

    private static double psqlCopy(String server, Path big, String database) throws Exception {
        String url = recreate(server, database);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw (doc jsonb NOT NULL)");
        }
        // CSV with a quote and a delimiter no JSON line contains: each line arrives as it is.
        String copy = "\\copy raw (doc) FROM '" + big.toAbsolutePath() + "' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')";
        List<String> command = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq(url), "-c", copy);
        double seconds = Timing.seconds(() -> {
            Process p = new ProcessBuilder(command).inheritIO().start();
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("psql \\copy failed with exit " + p.exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        drop(server, database);
        return seconds;
    }

    /** Seconds for the whole ingest, and for deriving routes and sessions once more on the loaded store. */
    private static double[] ingest(String server, Path big, long lines, String database) throws Exception {
        String url = recreate(server, database);
        MaskingKey key = MaskingKey.of("ingest-benchmark-key-not-secret!".getBytes(StandardCharsets.UTF_8));
        double seconds;
        double derive;
        try (AnalysisStore store = AnalysisStore.open(new StoreLocation(url, null))) {
            Ingest ingest = new Ingest(store, new MaskingHook(Masker.create(MaskingPolicy.defaults(), key)),
                    LogFormats.standard(), Ingest.Options.defaults().withFormat("jsonl"));
            Ingest.Summary[] summary = new Ingest.Summary[1];
            seconds = Timing.seconds(() -> summary[0] = ingest.run(List.of(big), Ingest.Progress.NONE));
            if (summary[0].loaded() != lines) {
                throw new IllegalStateException("ingest loaded " + summary[0].loaded() + " of " + lines + " exchanges");
            }
            try (Connection c = store.connect()) {
                derive = Timing.seconds(() -> io.prod2test.core.ingest.Derivations.derive(c, java.time.Duration.ofMinutes(30)));
            }
        }
        drop(server, database);
        return new double[] {seconds, derive};
    }

    private static String recreate(String server, String database) throws SQLException {
        drop(server, database);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    private static void drop(String server, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** {@code jdbc:postgresql://host:port/db?user=u} as a libpq URI for psql. */
    private static String libpq(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:".length());
        String user = rest.replaceFirst(".*[?&]user=([^&]*).*", "$1");
        String base = rest.replaceFirst("\\?.*", "");
        return user.equals(rest) ? base : base.replaceFirst("postgresql://", "postgresql://" + user + "@");
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        try (var in = Files.newInputStream(file, StandardOpenOption.READ)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}

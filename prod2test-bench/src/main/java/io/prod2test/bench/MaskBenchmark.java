package io.prod2test.bench;

import io.prod2test.mask.LogFileMasker;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code prod2test mask} file to file, side by side with its reference: a bare Jackson streaming
 * copy of the same file (the parse-and-write floor). Alternates the two for several rounds in one
 * JVM, so that both see the same warm-up, page cache and machine load, and prints each round and
 * the ratio of the best rounds. Run it on one core ({@code -XX:ActiveProcessorCount=1}, or
 * {@code taskset -c 0}) to compare like with like. Both are single-threaded, so each round is also
 * measured in the thread's CPU time, which other load on the machine does not inflate the way it
 * does wall time.
 *
 * <p>Usage: {@code MaskBenchmark FILE.jsonl [ROUNDS]}.
 */
public final class MaskBenchmark {
    private MaskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MaskBenchmark FILE.jsonl [ROUNDS]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = Files.createTempFile("prod2test-bench", ".jsonl");
        double megabytes = Files.size(in) / 1e6;
        MaskingKey key = MaskingKey.of("benchmark-key-not-a-secret-32by!".getBytes(StandardCharsets.UTF_8));
        double bestCopy = 0;
        double bestMask = 0;
        double bestCopyCpu = 0;
        double bestMaskCpu = 0;
        System.out.printf(Locale.ROOT, "file %s, %.1f MB, %d rounds, %d processors%n", in, megabytes, rounds,
                Runtime.getRuntime().availableProcessors());
        try {
            for (int round = 1; round <= rounds; round++) {
                Timing.Measured copy = Timing.measure(() -> ParseFloor.jacksonCopy(in, Files.newOutputStream(out)));
                // A fresh masker each round: no value is remembered from the round before.
                LogFileMasker masker = new LogFileMasker(Masker.create(MaskingPolicy.defaults(), key));
                Timing.Measured mask = Timing.measure(() -> masker.mask(in, out, bytes -> { }));
                bestCopy = Math.max(bestCopy, megabytes / copy.wall());
                bestMask = Math.max(bestMask, megabytes / mask.wall());
                bestCopyCpu = Math.max(bestCopyCpu, megabytes / copy.cpu());
                bestMaskCpu = Math.max(bestMaskCpu, megabytes / mask.cpu());
                System.out.printf(Locale.ROOT, "round %d: jackson copy %.1f MB/s (CPU %.1f), mask %.1f MB/s (CPU %.1f): %.1f%% (CPU %.1f%%)%n",
                        round, megabytes / copy.wall(), megabytes / copy.cpu(), megabytes / mask.wall(), megabytes / mask.cpu(),
                        100 * copy.wall() / mask.wall(), 100 * copy.cpu() / mask.cpu());
            }
            System.out.printf(Locale.ROOT, "best: jackson copy %.1f MB/s, mask %.1f MB/s, ratio %.1f%%; by CPU time: %.1f and %.1f MB/s, ratio %.1f%%%n",
                    bestCopy, bestMask, 100 * bestMask / bestCopy, bestCopyCpu, bestMaskCpu, 100 * bestMaskCpu / bestCopyCpu);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}

package io.prod2test.report.html;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, started with the flags that work in this sandbox and a fresh profile. */
public final class Chromium {
    static final Path BINARY = Path.of(System.getenv().getOrDefault("PROD2TEST_CHROMIUM", "/usr/bin/chromium"));

    /** What a run printed. */
    public record Output(String stdout, String stderr, int exitCode) {
    }

    private Chromium() {
    }

    /** Skips the test, saying why, where there is no Chromium. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "headless Chromium is not installed at " + BINARY
                + ": 'apt-get install -y --no-install-recommends chromium' (.ci/run does it) to run the browser tests");
    }

    /** Runs Chromium on {@code page} with {@code extra} flags, waiting at most a minute. */
    public static Output run(Path page, Path profile, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000",
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within a minute: " + command);
        }
        return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    }
}

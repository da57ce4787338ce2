package io.prod2test.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The hand-written asset repository under src/test/resources/assets, with the payments schema
 * taken from the sample service itself (its {@code db/payments} migration is the schema a
 * {@code schema pull} of its database writes), and copies of it.
 */
public final class Assets {
    private static Path repo;

    private Assets() {
    }

    /** The repository, made once per test JVM (read only by convention). */
    public static synchronized Path repo() {
        if (repo == null) {
            try {
                repo = copyTo(Files.createTempDirectory("prod2test-runner-assets").resolve("assets"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repo;
    }

    /** A copy of the repository in {@code target}, for tests that change it. */
    public static Path copyTo(Path target) {
        Path source = fixtures();
        try (Stream<Path> files = Files.walk(source);
             InputStream schema = Assets.class.getResourceAsStream("/db/payments/V1__payments_schema.sql")) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
            Path baseline = target.resolve("schemas/payments/V1__baseline.sql");
            Files.createDirectories(baseline.getParent());
            Files.copy(java.util.Objects.requireNonNull(schema, "the sample payments service's schema is on the test class path"), baseline,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixtures() {
        try {
            return Path.of(Assets.class.getResource("/assets/prod2test.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

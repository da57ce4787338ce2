package io.prod2test.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The hand-written asset repository under src/test/resources/assets, and copies of it. */
public final class Assets {
    private Assets() {
    }

    /** The repository on the test class path (read only by convention). */
    public static Path repo() {
        try {
            return Path.of(Assets.class.getResource("/assets/prod2test.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the repository in {@code target}, for tests that change it. */
    public static Path copyTo(Path target) {
        Path source = repo();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

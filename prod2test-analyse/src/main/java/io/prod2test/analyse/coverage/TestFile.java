package io.prod2test.analyse.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One file of existing tests: a scenario file or a test source.
 *
 * @param file      where it is
 * @param scenario  whether it is a {@code scenario.yaml}
 * @param calls     the routes it calls
 * @param statuses  the 4xx/5xx numbers that appear in it (expected error answers)
 * @param text      its text in lower case, for the words that show an edge case is meant
 */
public record TestFile(Path file, boolean scenario, List<TestCall> calls, Set<Integer> statuses, String text) {
    public TestFile {
        Objects.requireNonNull(file, "a test file has a path");
        calls = List.copyOf(calls);
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(text, "a test file has a text");
    }
}

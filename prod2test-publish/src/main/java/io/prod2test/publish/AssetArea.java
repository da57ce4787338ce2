package io.prod2test.publish;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parts of a test-asset repository that prod2test generates, and so the only files publishing
 * ever commits (SPEC §4). A path is matched on its repository-relative form with {@code /}
 * separators. Anything else in the working tree is the user's own and is never committed.
 */
public enum AssetArea {
    /** {@code schemas/<service>/V1__baseline.sql}: the production schema as Flyway migrations. */
    SCHEMAS("schemas"),
    /** {@code scenarios/<service>/<id>/}: scenario.yaml, setup.sql, expected.sql. */
    SCENARIOS("scenarios"),
    /** {@code datasets/<service>/<layer>/}: layered, masked data as Flyway migrations. */
    DATASETS("datasets"),
    /** {@code charters/<service>/<feature>.md}: exploratory charters. */
    CHARTERS("charters"),
    /**
     * The generated runner around the scenarios: {@code src/test/java/**}{@code /*ScenariosTest.java},
     * the asset repository's {@code pom.xml} and {@code .github/workflows/scenarios.yml}.
     */
    TESTS("tests"),
    /** {@code prod2test.yaml}: services, ID ranges and policies the stages write and read (SPEC §4). */
    CONFIG("config");

    private final String label;

    AssetArea(String label) {
        this.label = label;
    }

    /** The name users and tools give this area ({@code schemas}, {@code tests} ...). */
    public String label() {
        return label;
    }

    /** Whether a repository-relative path ({@code /}-separated) belongs to this area. */
    public boolean contains(String path) {
        return switch (this) {
            case SCHEMAS, SCENARIOS, DATASETS, CHARTERS -> path.startsWith(label + "/");
            case TESTS -> path.equals("pom.xml") || path.equals(".github/workflows/scenarios.yml")
                    || (path.startsWith("src/test/java/") && path.endsWith("ScenariosTest.java"));
            case CONFIG -> path.equals("prod2test.yaml");
        };
    }

    /** The area a path belongs to, if it is a generated file at all. */
    public static Optional<AssetArea> of(String path) {
        return Arrays.stream(values()).filter(a -> a.contains(path)).findFirst();
    }

    /** The area with this label; the message lists the labels there are. */
    public static AssetArea byLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown asset area '" + label + "'; the areas are "
                        + Arrays.stream(values()).map(AssetArea::label).toList()));
    }
}

package io.prod2test.generate.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ScenarioGenerator#generate} wrote and what it left out.
 *
 * @param written      the scenarios written, in order
 * @param skipped      flows and edge cases that got no scenario, each with why
 * @param projectFiles the asset repository's {@code pom.xml}, JUnit classes and workflow
 */
public record GeneratedScenarios(List<Written> written, List<Skipped> skipped, List<Path> projectFiles) {
    public GeneratedScenarios {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
        projectFiles = List.copyOf(projectFiles);
    }

    /**
     * One scenario written.
     *
     * @param service    the service folder under {@code scenarios/}
     * @param id         the scenario id (its folder name)
     * @param title      its title
     * @param origin     {@code flow <id>} or {@code edge case <id> (<kind>)}
     * @param dir        the scenario's folder
     * @param restoredCards published test cards put back where masking replaced card numbers
     */
    public record Written(String service, String id, String title, String origin, Path dir, List<String> restoredCards) {
        public Written {
            Objects.requireNonNull(service, "a written scenario has a service");
            Objects.requireNonNull(id, "a written scenario has an id");
            restoredCards = List.copyOf(restoredCards);
        }
    }

    /**
     * A flow or edge case without a scenario.
     *
     * @param origin what was left out, as in {@link Written#origin()}
     * @param reason why
     */
    public record Skipped(String origin, String reason) {
        public Skipped {
            Objects.requireNonNull(origin, "a skipped item names what was skipped");
            Objects.requireNonNull(reason, "a skipped item says why");
        }
    }
}

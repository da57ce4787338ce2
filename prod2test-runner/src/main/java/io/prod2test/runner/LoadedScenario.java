package io.prod2test.runner;

import io.prod2test.runner.scenario.Scenario;
import java.nio.file.Path;

/**
 * A scenario read from an asset repository.
 *
 * @param service  the service folder it lives in
 * @param dir      its folder
 * @param scenario the scenario
 */
public record LoadedScenario(String service, Path dir, Scenario scenario) {
    /** {@code service/id}, how reports name it. */
    public String key() {
        return service + "/" + scenario.id();
    }
}

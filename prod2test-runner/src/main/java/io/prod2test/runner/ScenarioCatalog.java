package io.prod2test.runner;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenarios of an asset repository: {@code scenarios/<service>/<scenario-id>/}. */
public final class ScenarioCatalog {
    private ScenarioCatalog() {
    }

    /** The services that have a scenario folder, sorted. */
    public static List<String> services(Path repo) {
        return folders(repo.resolve("scenarios")).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Every scenario of {@code service}, read and validated, sorted by id. */
    public static List<LoadedScenario> load(Path repo, String service) {
        Path dir = repo.resolve("scenarios").resolve(service);
        if (!Files.isDirectory(dir)) {
            throw new Prod2TestException(ErrorCode.CONFIGURATION, repo + " has no scenarios for service '" + service
                    + "' (no folder " + dir + "); services with scenarios: " + services(repo));
        }
        List<LoadedScenario> out = new ArrayList<>();
        for (Path scenarioDir : folders(dir)) {
            out.add(new LoadedScenario(service, scenarioDir, ScenarioReader.read(scenarioDir)));
        }
        return out;
    }

    private static List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}

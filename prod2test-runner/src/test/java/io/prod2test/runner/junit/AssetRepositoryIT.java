package io.prod2test.runner.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.support.Fault;
import io.prod2test.runner.Assets;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated asset repository builds and runs on its own: the files {@link AssetProject} writes,
 * the hand-written scenarios, and {@code mvn test} (the project's wrapper, offline) against the real
 * payments service, passing when it is healthy and failing with the difference when a fault is on.
 */
class AssetRepositoryIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static io.prod2test.runner.PaymentsWorldAccess world;

    @BeforeAll
    static void start() throws Exception {
        // The asset repository depends on this runner from the local Maven repository: put the jar
        // this build just packaged there, as `install` would.
        String version = AssetProject.runnerVersion();
        Path jar = MODULE.resolve("target/prod2test-runner-" + version + ".jar");
        assertThat(jar).exists();
        Process install = maven(MODULE, List.of("-o", "-q", "install:install-file", "-Dfile=" + jar, "-DpomFile=" + MODULE.resolve("pom.xml")));
        assertThat(install.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(install.exitValue()).as(new String(install.getInputStream().readAllBytes())).isZero();
        world = io.prod2test.runner.PaymentsWorldAccess.start();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Process maven(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("mvnw").toString());
        command.add("-B");
        command.addAll(args);
        return new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    }

    private static String runScenarios(Path repo) throws Exception {
        Path log = repo.resolve("mvn.log");
        Process mvn = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-o", "-f", repo.resolve("pom.xml").toString(), "test")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(mvn.waitFor(8, TimeUnit.MINUTES)).isTrue();
        return mvn.exitValue() + "\n" + Files.readString(log);
    }

    @Test
    void mvnTestInTheGeneratedRepositoryRunsEveryScenarioAgainstTheSystem(@TempDir Path temp) throws Exception {
        Path repo = Assets.copyTo(temp.resolve("assets"));
        AssetProject.write(repo, List.of("payments"));
        Files.writeString(repo.resolve("prod2test.yaml"), """
                services:
                  payments:
                    baseUrl: %s
                    database: %s
                """.formatted(world.baseUrl(), world.jdbcUrl()));

        String healthy = runScenarios(repo);
        assertThat(healthy).startsWith("0\n").contains("Tests run: 9, Failures: 0, Errors: 0");
        String report = Files.readString(repo.resolve("target/surefire-reports/TEST-scenarios.PaymentsScenariosTest.xml"));
        assertThat(report).contains("name=\"A refund above what was captured is refused with 422\"");

        world.faults().switchOn(Fault.REFUND_EXCEEDS_CAPTURED);
        try {
            String faulty = runScenarios(repo);
            assertThat(faulty).doesNotStartWith("0\n").contains("Tests run: 9, Failures: 1")
                    .contains("step 1 (refund more than the captured 4980 JPY): status: expected 422, actual 201");
        } finally {
            world.faults().switchOff(Fault.REFUND_EXCEEDS_CAPTURED);
        }
        assertThat(new File(repo.toFile(), ".github/workflows/scenarios.yml")).exists();
    }
}

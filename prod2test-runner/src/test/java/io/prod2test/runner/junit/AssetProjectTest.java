package io.prod2test.runner.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetProjectTest {
    @TempDir
    Path repo;

    @Test
    void writesATestClassPerServiceAPomAndAWorkflow() throws Exception {
        List<Path> files = AssetProject.write(repo, List.of("payments", "card-vault"));

        assertThat(files).extracting(p -> repo.relativize(p).toString()).containsExactly("pom.xml",
                "src/test/java/scenarios/PaymentsScenariosTest.java", "src/test/java/scenarios/CardVaultScenariosTest.java",
                ".github/workflows/scenarios.yml");
        String test = Files.readString(repo.resolve("src/test/java/scenarios/PaymentsScenariosTest.java"));
        assertThat(test).contains("package scenarios;", "class PaymentsScenariosTest {",
                "return ScenarioTests.of(\"payments\", Path.of(\"\"));").doesNotContain("{{");
        String pom = Files.readString(repo.resolve("pom.xml"));
        assertThat(pom).contains("<prod2test.version>" + AssetProject.runnerVersion() + "</prod2test.version>",
                "<artifactId>prod2test-runner</artifactId>", "<junit.version>6.0.1</junit.version>").doesNotContain("{{");
        String workflow = Files.readString(repo.resolve(".github/workflows/scenarios.yml"));
        assertThat(workflow).contains("PROD2TEST_PAYMENTS_BASE_URL: ${{ vars.PROD2TEST_PAYMENTS_BASE_URL }}",
                "PROD2TEST_CARD_VAULT_DATABASE: ${{ secrets.PROD2TEST_CARD_VAULT_DATABASE }}", "run: mvn -B test");
        assertThat(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(workflow).at("/jobs/scenarios/steps").size()).isEqualTo(6);
    }

    @Test
    void classNamesAreJavaIdentifiers() {
        assertThat(AssetProject.className("payments")).isEqualTo("PaymentsScenariosTest");
        assertThat(AssetProject.className("card_vault-eu")).isEqualTo("CardVaultEuScenariosTest");
        assertThat(AssetProject.className("3ds")).isEqualTo("Service3dsScenariosTest");
        assertThat(AssetProject.runnerVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}

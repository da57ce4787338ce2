package io.prod2test.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathSelectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"../etc", "schemas/../../x", "scenarios/./a", "/etc/passwd", "C:/x", "schemas\\a", "~/x", "", "src/main/java",
        "notes", "README.md", ".git/config", "scenarios//a"})
    void refusesPathsOutsideTheGeneratedAreas(String path) {
        assertThatThrownBy(() -> new PathSelection(List.of(path))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesFilesUnderTheSelectedFoldersOnly() {
        PathSelection selection = new PathSelection(List.of("schemas/", "scenarios/payments", "pom.xml"));

        assertThat(selection.matches("schemas/payments/V1__baseline.sql")).isTrue();
        assertThat(selection.matches("scenarios/payments/p-1/scenario.yaml")).isTrue();
        assertThat(selection.matches("scenarios/payments-v2/p-1/scenario.yaml")).isFalse();
        assertThat(selection.matches("scenarios/shop/s-1/scenario.yaml")).isFalse();
        assertThat(selection.matches("pom.xml")).isTrue();
        assertThat(PathSelection.all().matches("datasets/x/y.sql")).isTrue();
    }

    @Test
    void knowsWhichFilesAreGenerated() {
        assertThat(AssetArea.of("src/test/java/com/acme/PaymentsScenariosTest.java")).contains(AssetArea.TESTS);
        assertThat(AssetArea.of("src/test/java/com/acme/MyOwnTest.java")).isEmpty();
        assertThat(AssetArea.of(".github/workflows/scenarios.yml")).contains(AssetArea.TESTS);
        assertThat(AssetArea.of(".github/workflows/deploy.yml")).isEmpty();
        assertThat(AssetArea.of("prod2test.yaml")).contains(AssetArea.CONFIG);
        assertThat(AssetArea.of("schemasX/a.sql")).isEmpty();
        assertThat(AssetArea.byLabel("tests")).isEqualTo(AssetArea.TESTS);
        assertThatThrownBy(() -> AssetArea.byLabel("secrets")).hasMessageContaining("schemas");
    }

    @Test
    void validatesGitHubRepositoriesAndTitles() {
        assertThat(GitHubRepository.parse("acme/test-assets.git")).isEqualTo(new GitHubRepository("acme", "test-assets"));
        assertThat(GitHubRepository.parse("acme/assets").toString()).isEqualTo("acme/assets");
        assertThatThrownBy(() -> GitHubRepository.parse("acme")).hasMessageContaining("OWNER/REPO");
        assertThatThrownBy(() -> GitHubRepository.parse("acme/../x")).hasMessageContaining("OWNER/REPO");
        assertThatThrownBy(() -> new PullRequestText("two\nlines", "")).hasMessageContaining("one non-blank line");
        assertThatThrownBy(() -> new PublishSummary.AnalysisFigures(1, 120.0)).hasMessageContaining("between 0 and 100");
    }
}

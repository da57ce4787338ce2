package io.prod2test.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {
    @TempDir
    Path repo;

    @Test
    void readsOnlyTheServicesSection() {
        var services = ProjectConfig.services(Assets.repo());
        assertThat(services).containsOnlyKeys("payments");
        assertThat(services.get("payments").baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(services.get("payments").database()).startsWith("jdbc:postgresql://127.0.0.1:1/payments");
    }

    @Test
    void givenValuesWinOverTheFileAndMissingOnesAreNamed() throws Exception {
        ServiceTarget target = ProjectConfig.target(Assets.repo(), "payments", URI.create("http://localhost:9"), null);
        assertThat(target.baseUrl()).isEqualTo(URI.create("http://localhost:9"));
        assertThat(target.databaseUrl()).startsWith("jdbc:postgresql://127.0.0.1:1/");

        assertThatThrownBy(() -> ProjectConfig.target(repo, "shop", null, null))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("service 'shop' needs a base URL and a database JDBC URL");
        assertThatThrownBy(() -> ProjectConfig.target(repo, "shop", URI.create("http://x"), "jdbc:mysql://x"))
                .hasMessageContaining("needs a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ProjectConfig.target(repo, "shop", URI.create("ftp://x"), "jdbc:postgresql://x/db?password=secret"))
                .hasMessageContaining("needs an http(s) base URL");
    }

    @Test
    void anAbsentFileOrSectionIsEmptyAndABadOneIsNamed() throws Exception {
        assertThat(ProjectConfig.services(repo)).isEmpty();
        Files.writeString(repo.resolve("prod2test.yaml"), "masking: {}\n");
        assertThat(ProjectConfig.services(repo)).isEmpty();
        Files.writeString(repo.resolve("prod2test.yaml"), "services: [a]\n");
        assertThatThrownBy(() -> ProjectConfig.services(repo)).hasMessageContaining("field 'services'");
        Files.writeString(repo.resolve("prod2test.yaml"), "services:\n  a: 1\n");
        assertThatThrownBy(() -> ProjectConfig.services(repo)).hasMessageContaining("field 'services.a'");
        Files.writeString(repo.resolve("prod2test.yaml"), "services: [\n");
        assertThatThrownBy(() -> ProjectConfig.services(repo)).hasMessageContaining("not valid YAML");
    }

    @Test
    void theCatalogListsServicesAndNamesAMissingOne() {
        assertThat(ScenarioCatalog.services(Assets.repo())).containsExactly("payments", "shop");
        assertThat(ScenarioCatalog.load(Assets.repo(), "payments")).extracting(s -> s.scenario().id()).isSorted().hasSize(9);
        assertThatThrownBy(() -> ScenarioCatalog.load(Assets.repo(), "billing"))
                .hasMessageContaining("has no scenarios for service 'billing'").hasMessageContaining("[payments, shop]");
    }
}

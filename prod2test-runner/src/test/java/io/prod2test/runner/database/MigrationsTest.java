package io.prod2test.runner.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path repo;

    private Path touch(String path) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "SELECT 1;");
        return file;
    }

    @Test
    void ordersSchemaByVersionThenEachLayerInFolderOrderAsFlywayWould() throws Exception {
        touch("schemas/payments/V10__later.sql");
        touch("schemas/payments/V2__second.sql");
        touch("schemas/payments/V1__baseline.sql");
        touch("schemas/payments/V1_1__patch.sql");
        touch("datasets/payments/10_customers/V1__customers.sql");
        touch("datasets/payments/00_base/V2__more.sql");
        touch("datasets/payments/00_base/V1__reference_data.sql");
        touch("datasets/payments/00_base/notes.txt");

        Migrations m = Migrations.of(repo, "payments");

        assertThat(m.schema()).extracting(p -> p.getFileName().toString())
                .containsExactly("V1__baseline.sql", "V1_1__patch.sql", "V2__second.sql", "V10__later.sql");
        assertThat(m.datasets()).extracting(p -> repo.relativize(p).toString()).containsExactly(
                "datasets/payments/00_base/V1__reference_data.sql", "datasets/payments/00_base/V2__more.sql",
                "datasets/payments/10_customers/V1__customers.sql");
        assertThat(Migrations.of(repo, "shop").schema()).isEmpty();
    }

    @Test
    void rejectsNamesFlywayWouldNotRunAndTwoScriptsOfOneVersion() throws Exception {
        touch("schemas/payments/baseline.sql");
        assertThatThrownBy(() -> Migrations.of(repo, "payments"))
                .hasMessageContaining("a migration's name must be V<version>__<description>.sql");
        Files.delete(repo.resolve("schemas/payments/baseline.sql"));
        touch("schemas/payments/V1__a.sql");
        touch("schemas/payments/V1.0__b.sql");
        assertThatThrownBy(() -> Migrations.of(repo, "payments")).hasMessageContaining("have the same version");
    }
}

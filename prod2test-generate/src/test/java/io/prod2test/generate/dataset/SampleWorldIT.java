package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.world.SampleWorld;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.schema.ScratchDatabase;
import io.prod2test.generate.source.SourceDatabase;
import io.prod2test.generate.testing.Databases;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's production databases, filled by the simulator, yield schemas and datasets that load cleanly. */
class SampleWorldIT {

    @Test
    void theSampleServicesDatabasesYieldSchemasAndDatasetsThatLoadAndScanClean(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("assets");
        Masker masker = Masker.create(MaskingPolicy.defaults(), MaskingKey.ofText("sample-world-datasets-key-4567"));
        try (SampleWorld world = SampleWorld.start(dir.resolve("production"))) {
            world.simulate(7, 120, 2, n -> { });
            for (String service : SampleWorld.SERVICES) {
                SourceDatabase production = SourceDatabase.of(world.jdbcUrl(service));
                Schemas.pull(production, repo, service);
                Datasets.Result result = Datasets.generate(production, repo, service, DatasetConfig.defaults(), masker, LocalDate.of(2026, 11, 21));
                Datasets.Written layer = result.files().get(1);
                assertThat(layer.rows()).as(service + " layer").isPositive();

                SourceDatabase test = Databases.newPostgres("world_" + service);
                List<Path> sets = new ArrayList<>(List.of(Schemas.folder(repo, service)));
                try (var folders = Files.list(repo.resolve("datasets").resolve(service))) {
                    folders.sorted().forEach(sets::add);
                }
                ScratchDatabase.existing(test).load(sets);
                for (Datasets.Written written : result.files()) {
                    for (Map.Entry<String, Integer> table : written.rowsByTable().entrySet()) {
                        assertThat(Databases.count(test, "SELECT count(*) FROM " + table.getKey())).as(service + "." + table.getKey())
                                .isEqualTo((long) table.getValue());
                    }
                }
            }
        }
        assertThat(Scanner.standard().scan(repo.resolve("datasets")).findings()).isEmpty();
    }
}

package io.prod2test.cli;

import io.prod2test.core.store.StoreLocation;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that works on the analysis store. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The analysis store, a PostgreSQL JDBC URL (default: $PROD2TEST_DB, else an embedded"
                    + " PostgreSQL under --workdir).")
    String db;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = ".prod2test",
            description = "Where the embedded PostgreSQL keeps its data (default: ${DEFAULT-VALUE}).")
    Path workdir;

    StoreLocation location(Map<String, String> environment) {
        return StoreLocation.resolve(db, workdir, environment);
    }
}

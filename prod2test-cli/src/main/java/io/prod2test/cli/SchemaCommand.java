package io.prod2test.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prod2test schema pull|diff}: the production schema as Flyway migrations. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Write or compare the production schema as schemas/ Flyway migrations. [not available yet]",
        description = {
            "",
            "'pull' introspects a PostgreSQL or MySQL/MariaDB database and writes schemas/<service>/V1__baseline.sql; 'diff' compares the live schema with schemas/ and writes what changed as the next version.",
            ""},
        subcommands = {SchemaCommand.Pull.class, SchemaCommand.Diff.class})
final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both subcommands take. */
    static final class Target {
        @Option(names = "--source", required = true, paramLabel = "JDBC_URL",
                description = "The production (or replica) database to read the schema from.")
        String source;

        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository.")
        Path repo;

        @Option(names = "--service", paramLabel = "NAME",
                description = "The service the schema belongs to (default: the database name).")
        String service;
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            header = "Introspect the source database and write schemas/<service>/V1__baseline.sql.",
            footerHeading = "%nExample:%n",
            footer = "  prod2test schema pull --source jdbc:postgresql://replica/payments?user=ro --repo ../test-assets")
    static final class Pull implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Target target;

        @Override
        public Integer call() {
            throw Stage.SCHEMA.notAvailable("schema pull");
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            header = "Compare the source database with schemas/ and write the changes as the next Flyway version.",
            footerHeading = "%nExample:%n",
            footer = "  prod2test schema diff --source jdbc:postgresql://replica/payments?user=ro --repo ../test-assets")
    static final class Diff implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Target target;

        @Override
        public Integer call() {
            throw Stage.SCHEMA.notAvailable("schema diff");
        }
    }
}

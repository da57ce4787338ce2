package io.prod2test.cli;

import io.prod2test.generate.schema.SchemaDiff;
import io.prod2test.generate.schema.Schemas;
import io.prod2test.generate.source.SourceDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prod2test schema pull|diff}: the production schema as Flyway migrations. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Write or compare the production schema as schemas/ Flyway migrations.",
        description = {
            "",
            "'pull' introspects a PostgreSQL or MySQL/MariaDB database and writes schemas/<service>/V1__baseline.sql; 'diff' compares the live schema with schemas/ and writes what changed as the next version.",
            "",
            "The DDL is in the source's own dialect: tables, columns, types, defaults, identity columns and sequences, primary, foreign and unique keys, check constraints, indexes, enums and views, in an order fixed by names, so two pulls of an unchanged database write the same file. Only the schema is read; no row leaves the database.",
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
                description = "The production (or replica) database to read the schema from: jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:.")
        String source;

        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The test-asset repository.")
        Path repo;

        @Option(names = "--service", paramLabel = "NAME",
                description = "The service the schema belongs to, its folder under schemas/ (default: the database name).")
        String service;

        SourceDatabase database() {
            return SourceDatabase.of(source);
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            header = "Introspect the source database and write schemas/<service>/V1__baseline.sql.",
            description = {"", "Overwrites V1__baseline.sql and leaves later versions alone; run 'schema diff' to record changes after a baseline.", ""},
            footerHeading = "%nExamples:%n",
            footer = {"  prod2test schema pull --source jdbc:postgresql://replica/payments?user=ro --repo ../test-assets",
                      "  prod2test schema pull --source 'jdbc:mariadb://db:3306/shop?user=ro&password=...' --repo . --service shop"})
    static final class Pull implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Target target;

        @Override
        public Integer call() {
            SourceDatabase source = target.database();
            String service = Schemas.service(source, target.service);
            Schemas.Pulled pulled = Schemas.pull(source, target.repo, service);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + pulled.file() + " (" + pulled.tables() + " tables, " + pulled.views() + " views)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            header = "Compare the source database with schemas/ and write the changes as the next Flyway version.",
            description = {"",
                "Applies schemas/<service>/ in Flyway order to a scratch database (an embedded PostgreSQL; for MySQL/MariaDB a database prod2test_scratch_... created on the source's server and dropped after, which needs CREATE and DROP there), reads both schemas and lists what changed: added or dropped tables, columns, keys, checks, indexes and views, changed types, defaults and nullability. The update is written as schemas/<service>/V<n+1>__<what>.sql.",
                "",
                "Exit codes: 0 schemas/ matches the source (no drift, nothing written); 1 drift found (the changes are listed and the new version written) or the comparison failed; 2 bad usage.",
                ""},
            footerHeading = "%nExamples:%n",
            footer = {"  prod2test schema diff --source jdbc:postgresql://replica/payments?user=ro --repo ../test-assets",
                      "  prod2test schema diff --source $PAYMENTS_DB --repo . || git add schemas/"})
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Target target;

        @Override
        public Integer call() {
            SourceDatabase source = target.database();
            String service = Schemas.service(source, target.service);
            Schemas.Diffed diffed = Schemas.diff(source, target.repo, service);
            PrintWriter out = spec.commandLine().getOut();
            if (!diffed.drift()) {
                out.println("no drift: " + Schemas.folder(target.repo, service) + " matches the source");
                out.flush();
                return 0;
            }
            out.println("drift: " + diffed.changes().size() + " change" + (diffed.changes().size() == 1 ? "" : "s")
                    + " since " + Schemas.folder(target.repo, service) + ":");
            for (SchemaDiff.Change change : diffed.changes()) {
                out.println("  " + change.what());
            }
            out.println("wrote " + diffed.file());
            out.flush();
            return 1;
        }
    }
}

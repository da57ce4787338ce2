package io.prod2test.generate.schema;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.source.SourceDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entry point of {@code prod2test schema pull} and {@code schema diff}: the source database's
 * schema as {@code schemas/<service>/} Flyway migrations in the source's dialect.
 */
public final class Schemas {
    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.*\\.sql$");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private Schemas() {
    }

    /** What a pull wrote. */
    public record Pulled(Path file, int tables, int views) {
    }

    /**
     * What a diff found.
     *
     * @param changes what changed from {@code schemas/} to the live database, empty when nothing did
     * @param file    the migration written for them, or null when there were none
     */
    public record Diffed(List<SchemaDiff.Change> changes, Path file) {
        public Diffed {
            changes = List.copyOf(changes);
        }

        /** Whether {@code schemas/} needs the update. */
        public boolean drift() {
            return !changes.isEmpty();
        }
    }

    /** The folder of a service's migrations in the asset repository. */
    public static Path folder(Path repo, String service) {
        return repo.resolve("schemas").resolve(service);
    }

    /** The service name: the one given, or the source's database name. Checked to make a safe folder name. */
    public static String service(SourceDatabase source, String given) {
        String service = given == null ? source.databaseName() : given.toLowerCase(Locale.ROOT);
        if (!SERVICE.matcher(service).matches()) {
            throw new Prod2TestException(ErrorCode.USAGE, "a service name is lower-case letters, digits, '-' and '_', was '" + service + "'");
        }
        return service;
    }

    /** Introspects the source and writes {@code schemas/<service>/V1__baseline.sql}. */
    public static Pulled pull(SourceDatabase source, Path repo, String service) {
        SchemaModel model = Introspector.of(source).read(source);
        Path file = folder(repo, service).resolve("V1__baseline.sql");
        String header = "-- The " + service + " schema as prod2test pulled it from its "
                + (model.dialect() == io.prod2test.generate.source.Dialect.POSTGRESQL ? "PostgreSQL" : "MySQL/MariaDB")
                + " database ('prod2test schema pull').\n-- 'prod2test schema diff' writes later changes as V2, V3 ...\n\n";
        write(file, header + DdlWriter.write(model));
        return new Pulled(file, model.tables().size(), model.views().size());
    }

    /**
     * Compares the live schema with {@code schemas/<service>/} (applied to a scratch database, so
     * the server reads the migrations, not a parser of ours) and writes the changes as the next version.
     */
    public static Diffed diff(SourceDatabase source, Path repo, String service) {
        return diff(source, repo, service, ScratchDatabase::like);
    }

    /** As {@link #diff(SourceDatabase, Path, String)}, with the scratch database made by {@code scratch}. */
    public static Diffed diff(SourceDatabase source, Path repo, String service, Function<SourceDatabase, ScratchDatabase> scratch) {
        Path folder = folder(repo, service);
        int latest = latestVersion(folder);
        if (latest == 0) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, folder + " holds no migration (V1__baseline.sql ...): run 'prod2test schema pull' first");
        }
        SchemaModel recorded;
        try (ScratchDatabase db = scratch.apply(source)) {
            db.migrate(List.of(folder));
            recorded = Introspector.of(db.database()).read(db.database());
        }
        SchemaModel live = Introspector.of(source).read(source);
        List<SchemaDiff.Change> changes = SchemaDiff.between(recorded, live);
        if (changes.isEmpty()) {
            return new Diffed(changes, null);
        }
        Path file = folder.resolve("V" + (latest + 1) + "__" + SchemaDiff.slug(changes) + ".sql");
        write(file, "-- What changed in the " + service + " database since V" + latest + " ('prod2test schema diff').\n\n"
                + SchemaDiff.script(changes));
        return new Diffed(changes, file);
    }

    /** The highest Flyway version among {@code V<n>__*.sql} in a folder; 0 when there is none or no folder. */
    public static int latestVersion(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> VERSION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

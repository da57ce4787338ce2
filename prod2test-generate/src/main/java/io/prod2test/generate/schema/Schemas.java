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
        SchemaModel live = Introspector.of(source).read(source);
        try (ScratchDatabase db = scratch.apply(source)) {
            db.migrate(List.of(folder));
            recorded = Introspector.of(db.database()).read(db.database());
            live = viewsAsTheScratchPrintsThem(live, recorded, db.database());
        }
        List<SchemaDiff.Change> changes = SchemaDiff.between(recorded, live);
        if (changes.isEmpty()) {
            return new Diffed(changes, null);
        }
        Path file = folder.resolve("V" + (latest + 1) + "__" + SchemaDiff.slug(changes) + ".sql");
        write(file, "-- What changed in the " + service + " database since V" + latest + " ('prod2test schema diff').\n\n"
                + SchemaDiff.script(changes));
        return new Diffed(changes, file);
    }

    /**
     * The live schema with each view whose text differs from the recorded one replaced by the
     * recorded one when the scratch server prints the live query the same way: PostgreSQL's major
     * versions print one query differently ({@code t2.id} or {@code id}), and a newer embedded
     * scratch server must not make an old production server's views look changed.
     */
    static SchemaModel viewsAsTheScratchPrintsThem(SchemaModel live, SchemaModel recorded, SourceDatabase scratch) {
        if (live.dialect() != io.prod2test.generate.source.Dialect.POSTGRESQL) {
            return live; // the MySQL scratch database lives on the source's own server
        }
        java.util.Map<String, SchemaModel.View> was = new java.util.HashMap<>();
        recorded.views().forEach(v -> was.put(v.name(), v));
        List<SchemaModel.View> views = new java.util.ArrayList<>();
        try (java.sql.Connection c = scratch.connect(); java.sql.Statement s = c.createStatement()) {
            for (SchemaModel.View view : live.views()) {
                SchemaModel.View before = was.get(view.name());
                if (before == null || before.equals(view)) {
                    views.add(view);
                    continue;
                }
                String query = view.query().endsWith(";") ? view.query().substring(0, view.query().length() - 1) : view.query();
                try {
                    s.execute("CREATE TEMP VIEW prod2test_probe AS " + query);
                    String printed;
                    try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_get_viewdef('pg_temp.prod2test_probe'::regclass, true)")) {
                        rs.next();
                        printed = rs.getString(1).strip();
                    }
                    s.execute("DROP VIEW pg_temp.prod2test_probe");
                    views.add(printed.equals(before.query()) ? before : view);
                } catch (java.sql.SQLException e) {
                    views.add(view); // the scratch cannot read the live query: it changed in a way that matters
                }
            }
        } catch (java.sql.SQLException e) {
            throw scratch.failure("compare the views", e);
        }
        return new SchemaModel(live.dialect(), live.enums(), live.sequences(), live.tables(), views);
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

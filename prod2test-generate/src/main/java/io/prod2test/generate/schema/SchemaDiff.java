package io.prod2test.generate.schema;

import io.prod2test.generate.schema.SchemaModel.Check;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.EnumType;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Index;
import io.prod2test.generate.schema.SchemaModel.Key;
import io.prod2test.generate.schema.SchemaModel.Sequence;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.schema.SchemaModel.View;
import io.prod2test.generate.source.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one schema ({@code schemas/} as applied) to another (the live database), as
 * changes a reader can follow and DDL that takes the first to the second.
 */
public final class SchemaDiff {
    /** The order statements must run in: drops of what others depend on first, their re-creation last. */
    enum Phase { DROP_VIEW, DROP_FOREIGN_KEY, DROP_CONSTRAINT, CREATE_TYPE, CREATE_TABLE, ALTER_COLUMN, ADD_CONSTRAINT, DROP_TABLE, ADD_FOREIGN_KEY, CREATE_VIEW }

    /**
     * One difference.
     *
     * @param what a line for people: {@code added column customers.nickname text}
     * @param slug the same in a few words for a migration's file name: {@code add_column_customers_nickname}
     * @param ddl  the statements, each ending in a semicolon
     */
    public record Change(Phase phase, String what, String slug, String ddl) {
        public Change {
            Objects.requireNonNull(phase, "a change has a phase");
            if (what == null || what.isBlank() || slug == null || slug.isBlank()) {
                throw new IllegalArgumentException("a change says what changed, in a line and in a slug");
            }
            Objects.requireNonNull(ddl, "a change has its DDL");
        }
    }

    private final Dialect d;
    private final List<Change> changes = new ArrayList<>();

    private SchemaDiff(Dialect d) {
        this.d = d;
    }

    /** The changes that take {@code from} to {@code to}, in the order their DDL must run. */
    public static List<Change> between(SchemaModel from, SchemaModel to) {
        if (from.dialect() != to.dialect()) {
            throw new IllegalArgumentException("schemas of two dialects cannot be compared: " + from.dialect() + " and " + to.dialect());
        }
        SchemaDiff diff = new SchemaDiff(to.dialect());
        diff.enums(from.enums(), to.enums());
        diff.sequences(from.sequences(), to.sequences());
        diff.tables(from.tables(), to.tables());
        diff.views(from.views(), to.views());
        List<Change> ordered = new ArrayList<>(diff.changes);
        ordered.sort(Comparator.comparing(Change::phase)); // stable: within a phase, name order stays
        return List.copyOf(ordered);
    }

    /** The changes as one migration script, with a comment line for each. */
    public static String script(List<Change> changes) {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            out.append("-- ").append(change.what()).append('\n').append(change.ddl()).append('\n');
        }
        return out.toString();
    }

    /** A migration description for the changes: the one change's slug, or the first and how many more. */
    public static String slug(List<Change> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no changes, no migration to name");
        }
        String first = changes.getFirst().slug();
        String slug = changes.size() == 1 ? first : first + "_and_" + (changes.size() - 1) + "_more";
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    private void add(Phase phase, String what, String ddl) {
        String slug = what.toLowerCase(Locale.ROOT).replaceFirst("^added", "add").replaceFirst("^dropped", "drop")
                .replaceFirst("^changed", "change").replaceAll("\\(.*$", "").replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        changes.add(new Change(phase, what, slug, ddl));
    }

    private void enums(List<EnumType> from, List<EnumType> to) {
        compare(from, to, EnumType::name,
                added -> add(Phase.CREATE_TYPE, "added enum " + added.name(), DdlWriter.createEnum(d, added) + ";"),
                dropped -> add(Phase.DROP_TABLE, "dropped enum " + dropped.name(), "DROP TYPE " + d.quote(dropped.name()) + ";"),
                (was, is) -> {
                    StringBuilder ddl = new StringBuilder();
                    String before = null;
                    for (String label : is.labels()) {
                        if (!was.labels().contains(label)) {
                            ddl.append("ALTER TYPE ").append(d.quote(is.name())).append(" ADD VALUE ").append(d.literal(label))
                                    .append(before == null ? "" : " AFTER " + d.literal(before)).append(";\n");
                        }
                        before = label;
                    }
                    add(Phase.CREATE_TYPE, "changed enum " + is.name() + " (labels " + was.labels() + " to " + is.labels() + ")",
                            ddl.isEmpty() ? "-- labels were removed or reordered: PostgreSQL cannot do that in place; recreate the type by hand" : ddl.toString().strip());
                });
    }

    private void sequences(List<Sequence> from, List<Sequence> to) {
        compare(from, to, Sequence::name,
                added -> add(Phase.CREATE_TYPE, "added sequence " + added.name(), DdlWriter.createSequence(d, added) + ";"
                        + (added.ownedBy() == null ? "" : "\n" + DdlWriter.ownSequence(d, added) + ";")),
                dropped -> add(Phase.DROP_TABLE, "dropped sequence " + dropped.name(), "DROP SEQUENCE " + d.quote(dropped.name()) + ";"),
                (was, is) -> add(Phase.CREATE_TYPE, "changed sequence " + is.name(),
                        "ALTER SEQUENCE " + d.quote(is.name()) + " " + is.definition() + ";"));
    }

    private void tables(List<Table> from, List<Table> to) {
        compare(from, to, Table::name,
                added -> {
                    StringBuilder ddl = new StringBuilder(DdlWriter.createTable(d, added)).append(';');
                    if (d == Dialect.POSTGRESQL) {
                        added.indexes().forEach(i -> ddl.append('\n').append(DdlWriter.createIndex(d, added.name(), i)).append(';'));
                    }
                    add(Phase.CREATE_TABLE, "added table " + added.name(), ddl.toString());
                    added.foreignKeys().forEach(fk -> add(Phase.ADD_FOREIGN_KEY, "added foreign key " + added.name() + "." + fk.name(),
                            DdlWriter.addForeignKey(d, added.name(), fk) + ";"));
                },
                dropped -> add(Phase.DROP_TABLE, "dropped table " + dropped.name(), "DROP TABLE " + d.quote(dropped.name()) + ";"),
                this::table);
    }

    private void table(Table was, Table is) {
        String t = d.quote(is.name());
        compare(was.columns(), is.columns(), Column::name,
                added -> add(Phase.ALTER_COLUMN, "added column " + is.name() + "." + added.name() + " (" + added.type() + ")",
                        "ALTER TABLE " + t + " ADD COLUMN " + DdlWriter.column(d, added) + ";"),
                dropped -> add(Phase.ALTER_COLUMN, "dropped column " + is.name() + "." + dropped.name(),
                        "ALTER TABLE " + t + " DROP COLUMN " + d.quote(dropped.name()) + ";"),
                (a, b) -> column(is.name(), a, b));
        if (!Objects.equals(was.primaryKey(), is.primaryKey())) {
            StringBuilder ddl = new StringBuilder();
            if (was.primaryKey() != null) {
                ddl.append("ALTER TABLE ").append(t).append(d == Dialect.MYSQL ? " DROP PRIMARY KEY" : " DROP CONSTRAINT " + d.quote(was.primaryKey().name())).append(";\n");
            }
            if (is.primaryKey() != null) {
                ddl.append("ALTER TABLE ").append(t).append(" ADD ").append(DdlWriter.primaryKey(d, is.primaryKey())).append(';');
            }
            add(Phase.ADD_CONSTRAINT, "changed primary key of " + is.name(), ddl.toString().strip());
        }
        compare(was.uniqueKeys(), is.uniqueKeys(), Key::name,
                added -> add(Phase.ADD_CONSTRAINT, "added unique key " + is.name() + "." + added.name() + " " + added.columns(),
                        "ALTER TABLE " + t + " ADD " + DdlWriter.uniqueKey(d, added) + ";"),
                dropped -> add(Phase.DROP_CONSTRAINT, "dropped unique key " + is.name() + "." + dropped.name(), dropUnique(t, dropped.name())),
                (a, b) -> add(Phase.ADD_CONSTRAINT, "changed unique key " + is.name() + "." + b.name() + " " + b.columns(),
                        dropUnique(t, a.name()) + "\nALTER TABLE " + t + " ADD " + DdlWriter.uniqueKey(d, b) + ";"));
        compare(was.checks(), is.checks(), Check::name,
                added -> add(Phase.ADD_CONSTRAINT, "added check " + is.name() + "." + added.name(), addCheck(t, added)),
                dropped -> add(Phase.DROP_CONSTRAINT, "dropped check " + is.name() + "." + dropped.name(), dropCheck(t, dropped.name())),
                (a, b) -> add(Phase.ADD_CONSTRAINT, "changed check " + is.name() + "." + b.name(), dropCheck(t, a.name()) + "\n" + addCheck(t, b)));
        compare(was.indexes(), is.indexes(), Index::name,
                added -> add(Phase.ADD_CONSTRAINT, "added index " + is.name() + "." + added.name(), DdlWriter.createIndex(d, is.name(), added) + ";"),
                dropped -> add(Phase.DROP_CONSTRAINT, "dropped index " + is.name() + "." + dropped.name(), dropIndex(t, dropped.name())),
                (a, b) -> add(Phase.ADD_CONSTRAINT, "changed index " + is.name() + "." + b.name(),
                        dropIndex(t, a.name()) + "\n" + DdlWriter.createIndex(d, is.name(), b) + ";"));
        compare(was.foreignKeys(), is.foreignKeys(), ForeignKey::name,
                added -> add(Phase.ADD_FOREIGN_KEY, "added foreign key " + is.name() + "." + added.name() + " to " + added.referencedTable(),
                        DdlWriter.addForeignKey(d, is.name(), added) + ";"),
                dropped -> add(Phase.DROP_FOREIGN_KEY, "dropped foreign key " + is.name() + "." + dropped.name(), dropForeignKey(t, dropped.name())),
                (a, b) -> add(Phase.ADD_FOREIGN_KEY, "changed foreign key " + is.name() + "." + b.name(),
                        dropForeignKey(t, a.name()) + "\n" + DdlWriter.addForeignKey(d, is.name(), b) + ";"));
    }

    private void column(String table, Column was, Column is) {
        String t = d.quote(table);
        String c = d.quote(is.name());
        String subject = table + "." + is.name();
        if (d == Dialect.MYSQL) {
            add(Phase.ALTER_COLUMN, describe(subject, was, is), "ALTER TABLE " + t + " MODIFY COLUMN " + DdlWriter.column(d, is) + ";");
            return;
        }
        if (!was.type().equals(is.type()) || !Objects.equals(was.generated(), is.generated()) || was.identity() != is.identity()) {
            if (!Objects.equals(was.generated(), is.generated()) || was.identity() != is.identity()) {
                add(Phase.ALTER_COLUMN, describe(subject, was, is), "ALTER TABLE " + t + " DROP COLUMN " + c + ";\nALTER TABLE " + t
                        + " ADD COLUMN " + DdlWriter.column(d, is) + ";");
                return;
            }
            add(Phase.ALTER_COLUMN, "changed type of " + subject + " from " + was.type() + " to " + is.type(),
                    "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + is.type() + " USING " + c + "::" + is.type() + ";");
        }
        if (was.nullable() != is.nullable()) {
            add(Phase.ALTER_COLUMN, (is.nullable() ? "changed " + subject + " to nullable" : "changed " + subject + " to not null"),
                    "ALTER TABLE " + t + " ALTER COLUMN " + c + (is.nullable() ? " DROP NOT NULL;" : " SET NOT NULL;"));
        }
        if (!Objects.equals(was.defaultValue(), is.defaultValue())) {
            add(Phase.ALTER_COLUMN, "changed default of " + subject,
                    "ALTER TABLE " + t + " ALTER COLUMN " + c + (is.defaultValue() == null ? " DROP DEFAULT;" : " SET DEFAULT " + is.defaultValue() + ";"));
        }
    }

    private static String describe(String subject, Column was, Column is) {
        return !was.type().equals(is.type()) ? "changed type of " + subject + " from " + was.type() + " to " + is.type()
                : "changed column " + subject;
    }

    private String dropUnique(String t, String name) {
        return "ALTER TABLE " + t + (d == Dialect.MYSQL ? " DROP INDEX " : " DROP CONSTRAINT ") + d.quote(name) + ";";
    }

    private String addCheck(String t, Check check) {
        return "ALTER TABLE " + t + " ADD CONSTRAINT " + d.quote(check.name()) + " " + check.definition() + ";";
    }

    private String dropCheck(String t, String name) {
        return "ALTER TABLE " + t + " DROP CONSTRAINT " + d.quote(name) + ";";
    }

    private String dropIndex(String t, String name) {
        return d == Dialect.MYSQL ? "DROP INDEX " + d.quote(name) + " ON " + t + ";" : "DROP INDEX " + d.quote(name) + ";";
    }

    private String dropForeignKey(String t, String name) {
        return "ALTER TABLE " + t + (d == Dialect.MYSQL ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + d.quote(name) + ";";
    }

    private void views(List<View> from, List<View> to) {
        Map<String, View> was = byName(from, View::name);
        for (View view : to) {
            View before = was.get(view.name());
            if (before == null) {
                add(Phase.CREATE_VIEW, "added view " + view.name(), DdlWriter.createView(d, view) + ";");
            } else if (!before.equals(view)) {
                add(Phase.DROP_VIEW, "changed view " + view.name(), "DROP VIEW " + d.quote(view.name()) + ";");
                changes.add(new Change(Phase.CREATE_VIEW, "recreated view " + view.name(), "recreate_view_" + view.name(),
                        DdlWriter.createView(d, view) + ";"));
            }
        }
        Map<String, View> is = byName(to, View::name);
        from.stream().filter(v -> !is.containsKey(v.name()))
                .forEach(v -> add(Phase.DROP_VIEW, "dropped view " + v.name(), "DROP VIEW " + d.quote(v.name()) + ";"));
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

    private static <T> void compare(List<T> from, List<T> to, Function<T, String> name, java.util.function.Consumer<T> added,
                                    java.util.function.Consumer<T> dropped, java.util.function.BiConsumer<T, T> changed) {
        Map<String, T> was = byName(from, name);
        Map<String, T> is = byName(to, name);
        for (T item : to) {
            T before = was.get(name.apply(item));
            if (before == null) {
                added.accept(item);
            } else if (!before.equals(item)) {
                changed.accept(before, item);
            }
        }
        for (T item : from) {
            if (!is.containsKey(name.apply(item))) {
                dropped.accept(item);
            }
        }
    }
}

package io.prod2test.generate.schema;

import io.prod2test.generate.source.Dialect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database schema as prod2test compares and writes it: every list sorted by name (columns by
 * position), so that two introspections of one database are equal and write the same DDL.
 *
 * @param dialect   the dialect the texts in the model (types, defaults, expressions) are written in
 * @param enums     PostgreSQL enum types (MySQL's enums are column types)
 * @param sequences PostgreSQL sequences that are not an identity column's own
 * @param tables    base tables
 * @param views     views, in an order that creates each after the views it reads
 */
public record SchemaModel(Dialect dialect, List<EnumType> enums, List<Sequence> sequences, List<Table> tables, List<View> views) {
    public SchemaModel {
        Objects.requireNonNull(dialect, "a schema model has a dialect");
        enums = List.copyOf(enums);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
    }

    /** The table of that name, if the schema has one. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** How a column gets its values without being given them. */
    public enum Identity { NONE, ALWAYS, BY_DEFAULT, AUTO_INCREMENT }

    /**
     * A column.
     *
     * @param type         the type as the dialect writes it ({@code numeric(24,6)}, {@code varchar(40)})
     * @param defaultValue the default expression, or null
     * @param generated    the expression of a generated (computed) column, or null
     * @param onUpdate     MySQL's {@code ON UPDATE} expression, or null
     */
    public record Column(String name, String type, boolean nullable, String defaultValue, Identity identity,
                         String generated, String onUpdate) {
        public Column {
            requireName(name, "a column");
            Objects.requireNonNull(type, "column " + name + " has a type");
            Objects.requireNonNull(identity, "column " + name + " says how it is generated (NONE when it is not)");
        }
    }

    /** A primary or unique key: its constraint name and columns in key order. */
    public record Key(String name, List<String> columns) {
        public Key {
            requireName(name, "a key");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("key " + name + " has at least one column");
            }
        }
    }

    /**
     * A foreign key; {@code definition} is the constraint's text after its name, as the source
     * would write it.
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             boolean deferrable, String definition) {
        public ForeignKey {
            requireName(name, "a foreign key");
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
            if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
                throw new IllegalArgumentException("foreign key " + name + " pairs each of its columns with one referenced column");
            }
            Objects.requireNonNull(referencedTable, "foreign key " + name + " references a table");
            Objects.requireNonNull(definition, "foreign key " + name + " has a definition");
        }
    }

    /**
     * A check constraint; {@code definition} is its text after the name as the source writes it
     * ({@code CHECK ((exp_month >= 1))}).
     */
    public record Check(String name, String definition) {
        public Check {
            requireName(name, "a check constraint");
            Objects.requireNonNull(definition, "check " + name + " has a definition");
        }
    }

    /**
     * An index that no constraint owns; {@code definition} is what follows the table name
     * ({@code USING btree (customer_id) WHERE (deleted_at IS NULL)}, or {@code (a, b(10))}).
     */
    public record Index(String name, boolean unique, String definition) {
        public Index {
            requireName(name, "an index");
            Objects.requireNonNull(definition, "index " + name + " has a definition");
        }
    }

    /**
     * A base table.
     *
     * @param primaryKey the primary key, or null
     * @param options    MySQL table options ({@code ENGINE=InnoDB DEFAULT CHARSET=...}), or null
     */
    public record Table(String name, List<Column> columns, Key primaryKey, List<Key> uniqueKeys, List<ForeignKey> foreignKeys,
                        List<Check> checks, List<Index> indexes, String options) {
        public Table {
            requireName(name, "a table");
            columns = List.copyOf(columns);
            uniqueKeys = List.copyOf(uniqueKeys);
            foreignKeys = List.copyOf(foreignKeys);
            checks = List.copyOf(checks);
            indexes = List.copyOf(indexes);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " has at least one column");
            }
        }

        /** The column of that name. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** A view and its query as the source prints it. */
    public record View(String name, String query) {
        public View {
            requireName(name, "a view");
            Objects.requireNonNull(query, "view " + name + " has a query");
        }
    }

    /** A PostgreSQL enum type with its labels in sort order. */
    public record EnumType(String name, List<String> labels) {
        public EnumType {
            requireName(name, "an enum type");
            labels = List.copyOf(labels);
        }
    }

    /**
     * A PostgreSQL sequence; {@code definition} is what follows its name in CREATE SEQUENCE, and
     * {@code ownedBy} the {@code table.column} it belongs to (a serial column), or null. The current
     * value is data, not schema, and is left out.
     */
    public record Sequence(String name, String definition, String ownedBy) {
        public Sequence {
            requireName(name, "a sequence");
            Objects.requireNonNull(definition, "sequence " + name + " has a definition");
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " has a name");
        }
    }
}

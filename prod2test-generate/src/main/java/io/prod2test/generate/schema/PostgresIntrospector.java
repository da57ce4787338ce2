package io.prod2test.generate.schema;

import io.prod2test.generate.schema.SchemaModel.Check;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.EnumType;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Identity;
import io.prod2test.generate.schema.SchemaModel.Index;
import io.prod2test.generate.schema.SchemaModel.Key;
import io.prod2test.generate.schema.SchemaModel.Sequence;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.schema.SchemaModel.View;
import io.prod2test.generate.source.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's catalog of the current schema. Expressions come from the server's own printers
 * ({@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_expr}), so they are exactly
 * what the server would accept back.
 */
final class PostgresIntrospector extends Introspector {
    private static final String NAMES = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY k(n, o)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n ORDER BY k.o)";

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (List<Object> row : query(connection, """
                SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname""")) {
            String name = (String) row.get(1);
            if (!ignored(name)) {
                tables.add(table(connection, ((Number) row.get(0)).longValue(), name));
            }
        }
        List<EnumType> enums = query(connection, """
                SELECT t.typname::text, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY t.typname""").stream()
                .map(r -> new EnumType((String) r.get(0), strings(r.get(1)))).toList();
        List<Sequence> sequences = query(connection, """
                SELECT c.relname::text,
                       format('AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s%s', format_type(s.seqtypid, NULL),
                              s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END),
                       (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                         WHERE d.objid = c.oid AND d.deptype = 'a' AND d.classid = 'pg_class'::regclass
                           AND d.refclassid = 'pg_class'::regclass LIMIT 1)
                FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'S' AND n.nspname = current_schema()
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')
                ORDER BY c.relname""").stream()
                .map(r -> new Sequence((String) r.get(0), (String) r.get(1), (String) r.get(2))).toList();
        List<View> views = query(connection, """
                SELECT c.relname::text, pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'v' AND n.nspname = current_schema() ORDER BY c.relname""").stream()
                .map(r -> new View((String) r.get(0), ((String) r.get(1)).strip())).toList();
        return new SchemaModel(Dialect.POSTGRESQL, enums, sequences, tables, inDependencyOrder(views));
    }

    private static Table table(Connection connection, long oid, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (List<Object> r : query(connection, """
                SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                       a.attidentity::text, a.attgenerated::text
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""", oid)) {
            String expression = (String) r.get(3);
            boolean generated = "s".equals(r.get(5));
            Identity identity = switch ((String) r.get(4)) {
                case "a" -> Identity.ALWAYS;
                case "d" -> Identity.BY_DEFAULT;
                default -> Identity.NONE;
            };
            columns.add(new Column((String) r.get(0), (String) r.get(1), !(Boolean) r.get(2), generated ? null : expression,
                    identity, generated ? "(" + expression + ") STORED" : null, null));
        }
        Key primaryKey = null;
        List<Key> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (List<Object> r : query(connection, "SELECT c.conname::text, c.contype::text, pg_get_constraintdef(c.oid), c.condeferrable, "
                + NAMES.formatted("c.conkey", "c.conrelid") + ", (SELECT relname::text FROM pg_class WHERE oid = c.confrelid), "
                + "CASE WHEN c.contype = 'f' THEN " + NAMES.formatted("c.confkey", "c.confrelid") + " END "
                + "FROM pg_constraint c WHERE c.conrelid = ? AND c.contype IN ('p', 'u', 'f', 'c') ORDER BY c.conname", oid)) {
            String constraint = (String) r.get(0);
            String definition = (String) r.get(2);
            List<String> keyColumns = strings(r.get(4));
            switch ((String) r.get(1)) {
                case "p" -> primaryKey = new Key(constraint, keyColumns);
                case "u" -> uniques.add(new Key(constraint, keyColumns));
                case "f" -> foreignKeys.add(new ForeignKey(constraint, keyColumns, (String) r.get(5), strings(r.get(6)),
                        (Boolean) r.get(3), definition));
                default -> checks.add(new Check(constraint, definition));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (List<Object> r : query(connection, """
                SELECT ic.relname::text, i.indisunique, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                      AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
                ORDER BY ic.relname""", oid)) {
            String definition = (String) r.get(2);
            int using = definition.indexOf(" USING ");
            indexes.add(new Index((String) r.get(0), (Boolean) r.get(1), definition.substring(using + 1)));
        }
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, null);
    }

    private static List<String> strings(Object array) {
        if (array == null) {
            return List.of();
        }
        return ((List<?>) array).stream().map(String::valueOf).toList();
    }
}

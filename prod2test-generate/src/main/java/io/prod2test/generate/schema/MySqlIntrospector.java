package io.prod2test.generate.schema;

import io.prod2test.generate.schema.SchemaModel.Check;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Identity;
import io.prod2test.generate.schema.SchemaModel.Index;
import io.prod2test.generate.schema.SchemaModel.Key;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.schema.SchemaModel.View;
import io.prod2test.generate.source.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL's and MariaDB's information_schema of the connection's database. Enums are column types
 * there, and sequences are AUTO_INCREMENT columns. The two servers differ in how they report
 * defaults: MariaDB quotes literals and writes expressions as they are; MySQL reports literals
 * bare and marks expressions {@code DEFAULT_GENERATED}.
 */
final class MySqlIntrospector extends Introspector {
    private static final Dialect D = Dialect.MYSQL;

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        boolean mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb")
                || connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb");
        String database = (String) query(connection, "SELECT DATABASE()").getFirst().getFirst();
        List<Table> tables = new ArrayList<>();
        for (List<Object> row : query(connection, """
                SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME""")) {
            String name = (String) row.get(0);
            if (!ignored(name)) {
                String options = "ENGINE=" + row.get(1) + (row.get(2) == null ? "" : " DEFAULT COLLATE=" + row.get(2));
                tables.add(table(connection, name, options, mariadb));
            }
        }
        String qualifier = D.quote(database) + ".";
        List<View> views = query(connection, """
                SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS
                WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME""").stream()
                .map(r -> new View((String) r.get(0), ((String) r.get(1)).replace(qualifier, "").strip())).toList();
        return new SchemaModel(Dialect.MYSQL, List.of(), List.of(), tables, inDependencyOrder(views));
    }

    private static Table table(Connection connection, String name, String options, boolean mariadb) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (List<Object> r : query(connection, """
                SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION
                FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION""", name)) {
            String extra = r.get(4) == null ? "" : ((String) r.get(4)).toLowerCase(Locale.ROOT);
            String expression = (String) r.get(5);
            String generated = null;
            if (extra.contains("generated") || extra.equals("virtual") || extra.equals("persistent") || extra.equals("stored")) {
                generated = "(" + expression + ") " + (extra.contains("stored") || extra.contains("persistent") ? "STORED" : "VIRTUAL");
            }
            String onUpdate = null;
            int on = extra.indexOf("on update ");
            if (on >= 0) {
                onUpdate = ((String) r.get(4)).substring(on + "on update ".length()).trim();
            }
            String defaultValue = generated == null ? defaultOf((String) r.get(3), extra, mariadb) : null;
            columns.add(new Column((String) r.get(0), (String) r.get(1), "YES".equals(r.get(2)), defaultValue,
                    extra.contains("auto_increment") ? Identity.AUTO_INCREMENT : Identity.NONE, generated, onUpdate));
        }
        Key primaryKey = null;
        List<Key> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        Map<String, List<List<Object>>> byIndex = new LinkedHashMap<>();
        for (List<Object> r : query(connection, """
                SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION
                FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
                ORDER BY INDEX_NAME, SEQ_IN_INDEX""", name)) {
            byIndex.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<List<Object>>> index : byIndex.entrySet()) {
            List<List<Object>> parts = index.getValue();
            List<String> columnNames = parts.stream().map(p -> (String) p.get(2)).toList();
            boolean unique = ((Number) parts.getFirst().get(1)).intValue() == 0;
            boolean plain = parts.stream().allMatch(p -> p.get(3) == null && !"D".equals(p.get(5)));
            String type = (String) parts.getFirst().get(4);
            if (index.getKey().equals("PRIMARY")) {
                primaryKey = new Key("PRIMARY", columnNames);
            } else if (unique && plain && "BTREE".equals(type)) {
                uniques.add(new Key(index.getKey(), columnNames));
            } else {
                StringBuilder definition = new StringBuilder();
                if ("FULLTEXT".equals(type) || "SPATIAL".equals(type)) {
                    definition.append(type).append(' ');
                }
                definition.append('(');
                for (int i = 0; i < parts.size(); i++) {
                    List<Object> p = parts.get(i);
                    definition.append(i == 0 ? "" : ", ").append(D.quote((String) p.get(2)))
                            .append(p.get(3) == null ? "" : "(" + p.get(3) + ")").append("D".equals(p.get(5)) ? " DESC" : "");
                }
                indexes.add(new Index(index.getKey(), unique, definition.append(')').toString()));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        Map<String, List<List<Object>>> byConstraint = new LinkedHashMap<>();
        for (List<Object> r : query(connection, """
                SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, c.UPDATE_RULE, c.DELETE_RULE
                FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS c
                  ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND c.TABLE_NAME = k.TABLE_NAME
                WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
                ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION""", name)) {
            byConstraint.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<List<Object>>> fk : byConstraint.entrySet()) {
            List<List<Object>> parts = fk.getValue();
            List<String> from = parts.stream().map(p -> (String) p.get(1)).toList();
            List<String> to = parts.stream().map(p -> (String) p.get(3)).toList();
            String referenced = (String) parts.getFirst().get(2);
            String definition = "FOREIGN KEY (" + quoted(from) + ") REFERENCES " + D.quote(referenced) + " (" + quoted(to) + ")"
                    + rule("DELETE", (String) parts.getFirst().get(5)) + rule("UPDATE", (String) parts.getFirst().get(4));
            foreignKeys.add(new ForeignKey(fk.getKey(), from, referenced, to, false, definition));
        }
        List<Check> checks = query(connection, """
                SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc
                JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                 AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME""" + (mariadb ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "") + """
                 WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK'
                ORDER BY cc.CONSTRAINT_NAME""", name).stream()
                .map(r -> new Check((String) r.get(0), "CHECK (" + r.get(1) + ")")).toList();
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, options);
    }

    private static String defaultOf(String reported, String extra, boolean mariadb) {
        if (reported == null || (mariadb && reported.equals("NULL"))) {
            return null;
        }
        if (mariadb) {
            return reported; // literals come quoted, expressions as they are
        }
        if (extra.contains("default_generated")) {
            return reported.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? reported : "(" + reported + ")";
        }
        return D.literal(reported);
    }

    private static String rule(String event, String rule) {
        return rule == null || rule.equals("RESTRICT") || rule.equals("NO ACTION") ? "" : " ON " + event + " " + rule;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(D::quote).toList());
    }
}

package io.prod2test.generate.dataset;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renumbers a layer's rows into its ID range, and every reference to them with them, so that no
 * two layers (or scenarios) collide on a key and an ID tells which layer a row came from.
 *
 * <p>What is renumbered: a table's one-column primary key unless it is itself a foreign key, and
 * generated columns (identity, serial, AUTO_INCREMENT). Numbers become {@code from + n}; texts keep
 * their shape: the prefix up to the last {@code _} or {@code -} stays and the rest becomes the
 * number in the same alphabet and width ({@code cus_3f9a0c12e4d1} becomes {@code cus_0000000f4241}
 * in a range from 1,000,000), so check constraints on the shape still hold; UUIDs become
 * {@code 00000000-0000-4000-8000-<n in hex>}. Foreign keys, real and declared, follow through one
 * map kept across layers, so a later layer refers to an earlier layer's rows by their new keys.
 * A new text key still goes through the masker once, under its own column (a {@code token}
 * column's values are secrets by name, whatever they hold); references take the result.
 */
final class IdRemapper {
    private final SchemaModel schema;
    private final List<DatasetConfig.VirtualForeignKey> virtualKeys;
    private final Map<String, Map<Object, Object>> maps = new HashMap<>();
    private final Finisher finisher;

    /** What a new text key goes through before use: the masker, for columns whose name alone makes a value personal or secret. */
    interface Finisher {
        Object finish(String table, String column, Object newKey);
    }

    IdRemapper(SchemaModel schema, List<DatasetConfig.VirtualForeignKey> virtualKeys, Finisher finisher) {
        this.schema = schema;
        this.virtualKeys = virtualKeys;
        this.finisher = finisher;
    }

    /** The columns of a table that are renumbered. */
    static List<Column> renumbered(Table table) {
        List<String> fkColumns = table.foreignKeys().stream().flatMap(fk -> fk.columns().stream()).toList();
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            boolean soleKey = table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()));
            boolean generated = column.identity() != SchemaModel.Identity.NONE
                    || (column.defaultValue() != null && column.defaultValue().startsWith("nextval("));
            if ((soleKey || generated) && !fkColumns.contains(column.name()) && column.generated() == null) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Assigns new keys to a layer's rows (given in the order they are numbered in) within {@code range}. */
    void assign(Table table, List<Map<String, Object>> rows, DatasetConfig.IdRange range, String layer) {
        for (Column column : renumbered(table)) {
            Map<Object, Object> map = maps.computeIfAbsent(table.name() + "." + column.name(), k -> new HashMap<>());
            // One alphabet for the whole column, so that a key whose hex happens to be all digits is not
            // written in decimal, where it could meet another key's hex.
            String sample = rows.stream().map(r -> r.get(column.name())).filter(v -> v instanceof String)
                    .map(v -> suffix((String) v)).reduce("", String::concat);
            long next = range.from();
            for (Map<String, Object> row : rows) {
                Object old = row.get(column.name());
                if (old == null || map.containsKey(old)) {
                    continue;
                }
                if (next > range.to()) {
                    throw new Prod2TestException(ErrorCode.CONFIGURATION, "layer " + layer + " has more rows of " + table.name()
                            + " (" + rows.size() + ") than its ID range " + range + " holds: widen datasets.layers[" + layer + "].ids");
                }
                Object key = newKey(old, next++, column.type(), sample);
                map.put(old, key instanceof String ? finisher.finish(table.name(), column.name(), key) : key);
            }
        }
    }

    /**
     * The row with its own keys and its references renumbered; {@code original} is the row as read,
     * {@code masked} the row after masking, whose other values are kept.
     */
    Map<String, Object> apply(Table table, Map<String, Object> original, Map<String, Object> masked) {
        Map<String, Object> out = new LinkedHashMap<>(masked);
        for (Column column : renumbered(table)) {
            Object mapped = lookup(table.name(), column.name(), original.get(column.name()));
            if (mapped != null) {
                out.put(column.name(), mapped);
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            for (int i = 0; i < fk.columns().size(); i++) {
                Object mapped = lookup(fk.referencedTable(), fk.referencedColumns().get(i), original.get(fk.columns().get(i)));
                if (mapped != null) {
                    out.put(fk.columns().get(i), mapped);
                }
            }
        }
        for (DatasetConfig.VirtualForeignKey vfk : virtualKeys) {
            if (vfk.table().equals(table.name()) && (vfk.typeColumn() == null
                    || vfk.typeValue().equals(String.valueOf(original.get(vfk.typeColumn()))))) {
                Object mapped = lookup(vfk.referencedTable(), vfk.referencedColumn(), VirtualKeys.value(vfk, original));
                if (mapped != null) {
                    out.put(vfk.column(), VirtualKeys.replaced(vfk, out.get(vfk.column()), mapped));
                }
            }
        }
        return out;
    }

    private Object lookup(String table, String column, Object value) {
        if (value == null) {
            return null;
        }
        Map<Object, Object> map = maps.get(table + "." + column);
        if (map == null) {
            return null;
        }
        Object mapped = map.get(value);
        if (mapped == null && value instanceof Number n) {
            mapped = map.get(n.longValue()); // a JSON number, or an int column referring to a bigint one
        }
        if (mapped == null && !(value instanceof String)) {
            mapped = map.get(String.valueOf(value));
        }
        return mapped;
    }

    /** A new key for {@code old} numbered {@code n}, in the shape of the old one. */
    static Object newKey(Object old, long n, String type) {
        return newKey(old, n, type, old instanceof String s ? suffix(s) : "");
    }

    /** The part of a text key after its prefix (up to the last {@code _} or {@code -}). */
    static String suffix(String key) {
        return key.substring(Math.max(key.lastIndexOf('_'), key.lastIndexOf('-')) + 1);
    }

    /**
     * A new key for {@code old} numbered {@code n}: its prefix and width kept, the number written
     * in the narrowest alphabet that all of {@code alphabetSample} (the column's suffixes) fits.
     */
    static Object newKey(Object old, long n, String type, String alphabetSample) {
        if (old instanceof Long || old instanceof Integer) {
            return n;
        }
        if (old instanceof BigInteger) {
            return BigInteger.valueOf(n);
        }
        if (old instanceof BigDecimal) {
            return BigDecimal.valueOf(n);
        }
        String text = String.valueOf(old);
        if (type.toLowerCase(Locale.ROOT).equals("uuid")) {
            return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", n);
        }
        int cut = Math.max(text.lastIndexOf('_'), text.lastIndexOf('-')) + 1;
        String prefix = text.substring(0, cut);
        String suffix = text.substring(cut);
        String digits;
        String alphabet = alphabetSample + suffix;
        if (alphabet.matches("[0-9]+")) {
            digits = Long.toString(n);
        } else if (alphabet.matches("[0-9a-f]+")) {
            digits = Long.toHexString(n);
        } else if (alphabet.matches("[0-9A-F]+")) {
            digits = Long.toHexString(n).toUpperCase(Locale.ROOT);
        } else if (alphabet.equals(alphabet.toUpperCase(Locale.ROOT))) {
            digits = Long.toString(n, 36).toUpperCase(Locale.ROOT);
        } else {
            digits = Long.toString(n, 36);
        }
        return prefix + "0".repeat(Math.max(0, suffix.length() - digits.length())) + digits;
    }
}

package io.prod2test.generate.dataset;

import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which tables are reference data, copied whole into {@code 00_base}: a table is when it
 * has at most {@code maxRows} rows and some table that refers to it has at least {@link #FAN_IN}
 * times as many rows (a catalogue that order lines point at, not the customers that orders point
 * at), or when reference data refers to it (a catalogue's categories: the base must load on its
 * own). A candidate that refers to a table too big to be reference data is not one. The
 * configuration adds tables and takes them away.
 */
public final class ReferenceTables {
    /** How many times more rows than a reference table the biggest table referring to it has, at least. */
    static final int FAN_IN = 10;

    private ReferenceTables() {
    }

    /** The reference tables of a schema, given each table's row count. */
    public static Set<String> detect(SchemaModel schema, Map<String, Long> rowCounts, DatasetConfig.Reference config) {
        Map<String, Long> biggestReferrer = new HashMap<>();
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (!fk.referencedTable().equals(table.name())) {
                    biggestReferrer.merge(fk.referencedTable(), rowCounts.getOrDefault(table.name(), 0L), Math::max);
                }
            }
        }
        Set<String> reference = new TreeSet<>(config.tables());
        for (Table table : schema.tables()) {
            long rows = rowCounts.getOrDefault(table.name(), 0L);
            Long referrer = biggestReferrer.get(table.name());
            if (referrer != null && rows <= config.maxRows() && referrer >= FAN_IN * Math.max(1, rows)) {
                reference.add(table.name());
            }
        }
        reference.removeAll(config.exclude());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : schema.tables()) {
                if (!reference.contains(table.name())) {
                    continue;
                }
                for (ForeignKey fk : table.foreignKeys()) {
                    String parent = fk.referencedTable();
                    if (reference.contains(parent)) {
                        continue;
                    }
                    if (rowCounts.getOrDefault(parent, 0L) <= config.maxRows() && !config.exclude().contains(parent)) {
                        reference.add(parent);
                    } else if (!config.tables().contains(table.name())) {
                        reference.remove(table.name());
                    }
                    changed = true;
                    break;
                }
            }
        }
        return reference;
    }

    /**
     * The tables a layer starts from when it names none: the tables outside the reference data that
     * other such tables refer to and that refer to none themselves (customers, not their orders).
     */
    public static List<String> roots(SchemaModel schema, Set<String> reference) {
        Set<String> referred = new TreeSet<>();
        for (Table table : schema.tables()) {
            if (!reference.contains(table.name())) {
                table.foreignKeys().stream().map(ForeignKey::referencedTable)
                        .filter(t -> !t.equals(table.name()) && !reference.contains(t)).forEach(referred::add);
            }
        }
        List<String> roots = new ArrayList<>();
        for (Table table : schema.tables()) {
            boolean refersToData = table.foreignKeys().stream()
                    .anyMatch(fk -> !fk.referencedTable().equals(table.name()) && !reference.contains(fk.referencedTable()));
            if (!reference.contains(table.name()) && referred.contains(table.name()) && !refersToData) {
                roots.add(table.name());
            }
        }
        return roots;
    }
}

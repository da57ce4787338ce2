package io.prod2test.mask;

/**
 * What masking did to the values one body node or named site of {@link ExchangeStreamer} has met
 * (a memo {@link Masker.Entry}, a whole {@link Masker.Masked} path), looked up by the parser's
 * characters: a value seen before costs a hash and a compare, no {@code String} and no shared map.
 * A front for {@link Masker}'s memo, not a replacement: on a miss the value goes there. Open addressing, linear probing; the hashes are {@link String#hashCode}'s. Bounded
 * through {@link Budget}: when the tables of a streamer together hold too many values, they all
 * start over. Not thread-safe.
 */
final class ValueTable {
    /** The entries all tables of one streamer may hold together. */
    static final class Budget {
        private final int capacity;
        private int used;
        private int generation;

        Budget(int capacity) {
            this.capacity = capacity;
        }

        /** Empties every table of this budget (each on its next use). */
        void clearAll() {
            generation++;
            used = 0;
        }
    }

    private final Budget budget;
    private int generation;
    private int[] hashes = new int[16];
    private String[] keys = new String[16];
    private Object[] entries = new Object[16];
    private int size;

    ValueTable(Budget budget) {
        this.budget = budget;
        this.generation = budget.generation;
    }

    static int hash(char[] text, int offset, int length) {
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + text[i];
        }
        return h;
    }

    /** The entry of the value {@code text[offset, offset + length)}, whose {@link #hash} is {@code hash}; {@code null} when not known. */
    Object get(char[] text, int offset, int length, int hash) {
        if (generation != budget.generation) {
            clear();
            return null;
        }
        int mask = keys.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) {
                return null;
            }
            if (hashes[i] == hash && matches(key, text, offset, length)) {
                return entries[i];
            }
        }
    }

    void put(String key, int hash, Object entry) {
        if (key.length() > Masker.MAX_VALUE_LENGTH) {
            return;
        }
        if (generation != budget.generation) {
            clear();
        }
        if (budget.used >= budget.capacity) {
            budget.clearAll();
            clear();
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null) {
            if (hashes[i] == hash && keys[i].equals(key)) {
                entries[i] = entry;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = hash;
        entries[i] = entry;
        size++;
        budget.used++;
    }

    private static boolean matches(String key, char[] text, int offset, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != text[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        hashes = new int[capacity];
        entries = new Object[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                entries[i] = oldEntries[j];
            }
        }
    }

    private void clear() {
        generation = budget.generation;
        if (size > 0) {
            hashes = new int[16];
            keys = new String[16];
            entries = new Object[16];
            size = 0;
        }
    }
}

package io.prod2test.mask;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link Masker} replaced, by which rule or detector, and how often: the privacy report.
 * Thread-safe; counts only, never values.
 */
public final class MaskingReport {
    /**
     * One line of the report.
     *
     * @param source {@code rule <where> <name-or-path>} or {@code detector <name>}
     * @param kind   what was replaced ({@code null} for a redaction)
     * @param count  how many values
     */
    public record Entry(String source, PiiKind kind, long count) {
    }

    private record Key(String source, PiiKind kind) {
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String source, PiiKind kind) {
        counter(source, kind).increment();
    }

    /** The counter of one source and kind, created at zero; callers that count often keep it. */
    LongAdder counter(String source, PiiKind kind) {
        return counts.computeIfAbsent(new Key(source, kind), k -> new LongAdder());
    }

    /** The entries, most frequent first. */
    public List<Entry> entries() {
        return counts.entrySet().stream()
                .map(e -> new Entry(e.getKey().source(), e.getKey().kind(), e.getValue().sum()))
                .sorted(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::source))
                .toList();
    }

    /** Values replaced in all. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}

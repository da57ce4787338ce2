package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects candidate detections and resolves their overlaps, for one detector or for the registry.
 *
 * <p>The rule, the same everywhere: the <b>longest span wins</b> (a whole address field beats the
 * postal code inside it, {@code Bearer eyJ…} in a {@code token=} value beats nothing shorter);
 * between spans of equal length the <b>more specific kind</b> wins — a kind proven by a checksum or
 * a strict structure ({@link PiiKind#JWT}, card, IBAN, My Number …) over one told by context alone
 * (secret by field name, person name, address); then the earlier start. Greedy in that order: a
 * candidate is kept when it overlaps nothing kept before it.
 *
 * <p>Not thread-safe: one instance per call. Allocates nothing until the first candidate.
 */
final class Hits {
    /** Higher is more specific; indexed by {@link PiiKind#ordinal()}. */
    private static final int[] SPECIFICITY = new int[PiiKind.values().length];

    static {
        PiiKind[] mostSpecificFirst = {
                PiiKind.JWT, PiiKind.CARD_NUMBER, PiiKind.IBAN, PiiKind.MY_NUMBER, PiiKind.CORPORATE_NUMBER,
                PiiKind.EMAIL, PiiKind.IP_ADDRESS, PiiKind.PHONE, PiiKind.DATE_OF_BIRTH, PiiKind.POSTAL_CODE,
                PiiKind.SECRET, PiiKind.PERSON_NAME, PiiKind.ADDRESS, PiiKind.IDENTIFIER};
        for (int i = 0; i < mostSpecificFirst.length; i++) {
            SPECIFICITY[mostSpecificFirst[i].ordinal()] = mostSpecificFirst.length - i;
        }
    }

    /** Longest first, then most specific, then earliest. */
    static final Comparator<Detection> PRIORITY = Comparator
            .comparingInt(Detection::length).reversed()
            .thenComparing(Comparator.comparingInt((Detection d) -> SPECIFICITY[d.kind().ordinal()]).reversed())
            .thenComparingInt(Detection::start);

    private final String detector;
    private List<Detection> candidates;

    /** @param detector the name every {@link #add(int, int, PiiKind)} is credited to */
    Hits(String detector) {
        this.detector = detector;
    }

    /** A candidate; empty or inverted spans are ignored rather than thrown, so a detector bug cannot break a scan. */
    void add(int start, int end, PiiKind kind) {
        if (start >= 0 && end > start) {
            add(new Detection(start, end, kind, detector));
        }
    }

    void add(Detection detection) {
        if (candidates == null) {
            candidates = new ArrayList<>(4);
        }
        candidates.add(detection);
    }

    void addAll(List<Detection> detections) {
        for (Detection d : detections) {
            add(d);
        }
    }

    /** The candidates without overlaps, ordered by start. */
    List<Detection> resolve() {
        if (candidates == null || candidates.isEmpty()) {
            return List.of();
        }
        if (candidates.size() == 1) {
            return List.of(candidates.getFirst());
        }
        List<Detection> byPriority = new ArrayList<>(candidates);
        byPriority.sort(PRIORITY);
        List<Detection> kept = new ArrayList<>(byPriority.size());
        for (Detection d : byPriority) {
            int at = insertionPoint(kept, d.start());
            boolean clear = (at == 0 || kept.get(at - 1).end() <= d.start())
                    && (at == kept.size() || kept.get(at).start() >= d.end());
            if (clear) {
                kept.add(at, d);
            }
        }
        return List.copyOf(kept);
    }

    /** Where a detection starting at {@code start} goes in {@code kept}, which is ordered by start. */
    private static int insertionPoint(List<Detection> kept, int start) {
        int low = 0;
        int high = kept.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (kept.get(mid).start() < start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}

package io.prod2test.mask.detect;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Set;

/**
 * What the built-in detectors share: the contract's guarantees (normalised input, never throws,
 * ordered non-overlapping output) in one place, and a cheap {@link #mayFind} screen that
 * {@link Detectors} runs before the real work, with a {@link Scan} shared by all detectors so that
 * the field name is folded and the text's key-value pairs are found once per text, not once per
 * detector.
 */
abstract class BaseDetector implements Detector {
    private final String name;
    private final Set<PiiKind> kinds;

    BaseDetector(String name, Set<PiiKind> kinds) {
        this.name = name;
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<PiiKind> kinds() {
        return kinds;
    }

    /** Normalises (idempotent, so text already normalised costs one pass) and never throws. */
    @Override
    public final List<Detection> detect(String text, FieldContext field) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return detect(new Scan(Normaliser.normalise(text), field));
    }

    /** The detections in a scan; never throws: a detector that fails on some input reports nothing for it. */
    final List<Detection> detect(Scan scan) {
        try {
            if (!mayFind(scan)) {
                return List.of();
            }
            Hits hits = new Hits(name);
            find(scan, hits);
            return hits.resolve();
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological regex input must not stop a scan of gigabytes; the fuzz test
            // exists to find these, and the other detectors still run.
            return List.of();
        }
    }

    /**
     * A cheap screen: false when the text cannot hold this detector's kinds (no '@', too few
     * digits, no matching field name). Must never be false when {@link #find} would find something.
     */
    abstract boolean mayFind(Scan scan);

    /** Adds every candidate to {@code hits}; overlaps are resolved afterwards. */
    abstract void find(Scan scan, Hits hits);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}

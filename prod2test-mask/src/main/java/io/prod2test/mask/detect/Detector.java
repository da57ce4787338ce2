package io.prod2test.mask.detect;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.PiiKind;
import java.util.List;
import java.util.Set;

/**
 * Finds one family of personal values in a text. Implementations are discovered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.prod2test.mask.detect.Detector}).
 *
 * <p>Contract: a detector validates what it reports (a card number passes Luhn and a brand's
 * ranges, a My Number its check digit), so that near misses — timestamps, order numbers, ISBNs,
 * version strings, prices — are not reported. It receives text already normalised (full-width
 * digits and letters folded to ASCII, length-preserving, so spans map back to the original). It
 * is stateless and thread-safe, never throws on any input, and returns its detections ordered by
 * start, not overlapping each other.
 */
public interface Detector {
    /** A stable name used in policies, reports and scan output, e.g. {@code card-number}. */
    String name();

    /** The kinds this detector reports. */
    Set<PiiKind> kinds();

    /** The personal values in {@code text}, which sits in {@code field}. */
    List<Detection> detect(String text, FieldContext field);
}

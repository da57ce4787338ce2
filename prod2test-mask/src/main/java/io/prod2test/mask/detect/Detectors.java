package io.prod2test.mask.detect;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of detectors and the one call the masking stage makes per string:
 * {@link #detect(String, FieldContext)}.
 *
 * <p>{@link #standard()} holds every {@link Detector} on the class path
 * ({@code META-INF/services/io.prod2test.mask.detect.Detector}), built-in ones and any a user
 * adds; {@link #only} and {@link #without} narrow it for a policy. Instances are immutable and
 * thread-safe; {@code standard()} is loaded once and shared.
 *
 * <p><b>Overlaps</b> between detectors are resolved by one rule: the longest span wins; between
 * spans of the same length the more specific kind (JWT, card number, IBAN, My Number, corporate
 * number, e-mail, IP address, phone, date of birth, postal code, then the kinds told by context
 * alone: secret, person name, address); then the earlier start. So a field {@code address} masks
 * its whole value as an address even with a postal code inside, and a {@code name} field that
 * holds an e-mail address is an e-mail.
 *
 * <p><b>Cost</b>: this runs on every string of gigabytes of logs. The text is normalised without
 * a copy when it has no full-width characters; the built-in detectors screen it first with counts
 * computed once per text (no {@code @}, no e-mail; fewer than 12 digits, no My Number); the
 * {@code key=value} pairs in a text are found once for all detectors that use them; nothing is
 * allocated for a text with no findings beyond the per-call scan state.
 */
public final class Detectors {
    private static final class Standard {
        // the holder idiom: loaded on first use, once, safely published
        static final Detectors INSTANCE = load();

        private static Detectors load() {
            List<Detector> found = new ArrayList<>();
            for (Detector detector : ServiceLoader.load(Detector.class, Detectors.class.getClassLoader())) {
                found.add(detector);
            }
            return new Detectors(found);
        }
    }

    private final List<Detector> detectors;
    /** Whether every detector is a built-in one, whose use of the field {@link #contextKey} knows. */
    private final boolean builtInOnly;

    /** What the built-in detectors read of a field; see {@link #contextKey}. */
    private record ContextKey(boolean cookie, int fieldTraits, boolean parentNamesAThing) {
    }

    private Detectors(List<Detector> detectors) {
        Map<String, Detector> byName = new LinkedHashMap<>();
        for (Detector detector : detectors) {
            if (byName.putIfAbsent(detector.name(), detector) != null) {
                throw new IllegalArgumentException("two detectors are named " + detector.name()
                        + ": " + byName.get(detector.name()) + " and " + detector);
            }
        }
        this.detectors = List.copyOf(byName.values());
        this.builtInOnly = this.detectors.stream().allMatch(d -> d instanceof BaseDetector);
    }

    /** Every detector on the class path, loaded once with {@link ServiceLoader}. */
    public static Detectors standard() {
        return Standard.INSTANCE;
    }

    /** A registry of the given detectors (names must be distinct), for tests and embedders. */
    public static Detectors of(Collection<? extends Detector> detectors) {
        return new Detectors(List.copyOf(detectors));
    }

    /**
     * Only the named detectors.
     *
     * @throws IllegalArgumentException for a name no detector has: a policy with a typo must fail
     *                                  loudly, not mask less than it says
     */
    public Detectors only(Set<String> names) {
        checkKnown(names);
        return new Detectors(detectors.stream().filter(d -> names.contains(d.name())).toList());
    }

    /**
     * All but the named detectors.
     *
     * @throws IllegalArgumentException for a name no detector has
     */
    public Detectors without(Set<String> names) {
        checkKnown(names);
        return new Detectors(detectors.stream().filter(d -> !names.contains(d.name())).toList());
    }

    /** The detectors, in registration order. */
    public List<Detector> detectors() {
        return detectors;
    }

    /** The detectors' names, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        detectors.forEach(d -> names.add(d.name()));
        return names;
    }

    /**
     * The personal values in {@code text}, which sits in {@code field} ({@code null}: free text):
     * ordered by start, not overlapping, spans indexing {@code text} as given (before
     * normalisation, which preserves length). Never throws; {@code null} or empty text has none.
     */
    public List<Detection> detect(String text, FieldContext field) {
        if (text == null || text.isEmpty() || detectors.isEmpty()) {
            return List.of();
        }
        Scan scan = new Scan(Normaliser.normalise(text), field);
        Hits all = null;
        List<Detection> only = null;
        for (Detector detector : detectors) {
            List<Detection> found = run(detector, scan);
            if (found.isEmpty()) {
                continue;
            }
            if (only == null && all == null) {
                only = found; // the common case: one detector finds something, nothing to resolve
            } else {
                if (all == null) {
                    all = new Hits("registry");
                    all.addAll(only);
                }
                all.addAll(found);
            }
        }
        if (all != null) {
            return all.resolve();
        }
        return only == null ? List.of() : only;
    }

    /**
     * What of {@code field} the detectors read, as a key: two fields with equal keys get the same
     * detections in every text, so a caller may remember detections by key and text (the masker
     * does, for values that recur under many paths, such as the segments of request paths). The
     * built-in detectors read whether the value is a cookie, the {@link FieldTraits} of the folded
     * field name (of a column without its table) and whether the parent segment names a thing
     * ({@code items} in {@code $.items[0].name}); with any other detector registered, which may
     * read anything, the key is the field itself.
     */
    public Object contextKey(FieldContext field) {
        FieldContext context = field == null ? FieldContext.text() : field;
        if (!builtInOnly) {
            return context;
        }
        Scan scan = new Scan("", context);
        return new ContextKey(scan.location() == Location.COOKIE, scan.fieldTraits(), scan.parentNamesAThing());
    }

    private static List<Detection> run(Detector detector, Scan scan) {
        if (detector instanceof BaseDetector builtIn) {
            return builtIn.detect(scan);
        }
        try {
            // someone else's detector: held to the contract here, since it may not hold itself to it
            List<Detection> found = detector.detect(scan.text, scan.field);
            if (found == null || found.isEmpty()) {
                return List.of();
            }
            Hits hits = new Hits(detector.name());
            for (Detection d : found) {
                if (d != null && d.end() <= scan.text.length()) {
                    hits.add(d);
                }
            }
            return hits.resolve();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private void checkKnown(Set<String> names) {
        Set<String> known = names();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("no detector is named '" + name + "'; known: " + String.join(", ", known));
            }
        }
    }

    @Override
    public String toString() {
        return "Detectors" + names();
    }
}

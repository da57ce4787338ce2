package io.prod2test.mask.scan;

import io.prod2test.mask.PiiKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A personal value a scan found in a file, without the value: where it is, what kind it is, which
 * detector found it, and {@link #redacted} — a description that reveals nothing of the value.
 *
 * @param file     the file, as the scan reached it (a path given or one below a folder given)
 * @param line     the 1-based line number; for a JSON document, the line of the value's token
 * @param kind     what the value is
 * @param detector the name of the detector that found it ({@code card-number}, {@code email} …)
 * @param redacted {@link #redact}: the kind and the length in characters, e.g. {@code <CARD_NUMBER, 19 chars>}
 */
public record Finding(Path file, long line, PiiKind kind, String detector, String redacted) {
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(redacted, "redacted");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, was " + line);
        }
    }

    /**
     * What a report may say about a value of {@code kind}: its kind and its length in characters
     * (code points), e.g. {@code <EMAIL, 24 chars>}. Nothing else: no character of it (the first
     * and last digits of a card, or of a phone number, narrow it down), no layout, and no hash of it
     * — a scan holds no key, and an unkeyed hash of a phone number, a My Number or a date of birth
     * is undone by hashing every possible value. The line number tells a person where to look.
     */
    public static String redact(PiiKind kind, String value) {
        return "<" + kind + ", " + value.codePointCount(0, value.length()) + " chars>";
    }

    /** {@code file:line:KIND <KIND, n chars> (detector)}: one line of scan output. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + kind + " " + redacted + " (" + detector.toLowerCase(Locale.ROOT) + ")";
    }
}

package io.prod2test.core.ingest.format;

/**
 * Where a record sits in its file, so that a user can find it and a resumed ingest can skip it.
 *
 * @param ordinal the record's 1-based number in the file, in reading order: the line for line
 *                formats, the entry (HAR) or span (OTLP) for document formats. Ordinals are
 *                stable: reading the same bytes again gives the same ordinals.
 * @param line    the 1-based line the record starts on, or 0 when the format cannot tell
 */
public record Position(long ordinal, long line) {
    public Position {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal is 1-based, was " + ordinal);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, was " + line);
        }
    }

    /** For messages: {@code line 12} or {@code entry 3}. */
    public String describe(String unit) {
        return line > 0 ? "line " + line : unit + " " + ordinal;
    }
}

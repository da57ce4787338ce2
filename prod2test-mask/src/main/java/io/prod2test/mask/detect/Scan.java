package io.prod2test.mask.detect;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.util.List;
import java.util.Locale;

/**
 * One text being scanned, and what the detectors would otherwise each compute again: the
 * {@link FieldTraits} of the folded field name, the parent path segment, the trimmed value bounds, cheap statistics for the screens
 * and the key-value pairs in the text. Everything is computed lazily, once per text.
 *
 * <p>Not thread-safe: made per call, used by one thread.
 */
final class Scan {
    final String text;
    final FieldContext field;

    private int fieldTraits = -1;
    private String parentName;
    private int digits = -1;
    private boolean nonAscii;
    private List<KeyValues.Pair> pairs;
    private int valueStart = -1;
    private int valueEnd;

    /** @param text already normalised */
    Scan(String text, FieldContext field) {
        this.text = text;
        this.field = field == null ? FieldContext.text() : field;
    }

    Location location() {
        return field.location();
    }

    // The innermost field name is folded for matching (first_name, First-Name, ｆｉｒｓｔＮａｍｅ →
    // firstname; a column table.column is just the column), and detectors see only its traits.

    boolean hasField() {
        return field(FieldTraits.NAMED);
    }

    /** Whether the field name has the {@link FieldTraits} {@code trait}. */
    boolean field(int trait) {
        return (fieldTraits() & trait) != 0;
    }

    /** The {@link FieldTraits} of the field name: all a detector may know of it. */
    int fieldTraits() {
        if (fieldTraits < 0) {
            String name = field.name();
            if (name != null && field.location() == Location.COLUMN) {
                int dot = name.lastIndexOf('.');
                if (dot >= 0 && dot < name.length() - 1) {
                    name = name.substring(dot + 1);
                }
            }
            // the traits of the folded name, without folding it for every text
            fieldTraits = name == null ? FieldTraits.of("") : FieldTraits.ofName(name);
        }
        return fieldTraits;
    }

    /** Whether the segment above the field names a thing, whose {@code name} is no person's ({@code $.items[0].name}). */
    boolean parentNamesAThing() {
        return PersonNameDetector.NOT_PERSONS.contains(parentName());
    }

    /**
     * The folded name of the segment above the field in its path: {@code items} for
     * {@code $.items[0].name}, {@code products} for the column {@code products.name}. Empty when
     * the path has no parent.
     */
    private String parentName() {
        if (parentName == null) {
            parentName = parentOf(field.path() == null || field.path().isEmpty() ? field.name() : field.path());
        }
        return parentName;
    }

    /** Start of the value without surrounding whitespace. */
    int valueStart() {
        trim();
        return valueStart;
    }

    /** End of the value without surrounding whitespace; equal to {@link #valueStart()} for a blank text. */
    int valueEnd() {
        trim();
        return valueEnd;
    }

    /** How many ASCII digits the text has: the screen of every number detector. */
    int digitCount() {
        if (digits < 0) {
            int count = 0;
            boolean wide = false;
            String t = text;
            for (int i = 0, n = t.length(); i < n; i++) {
                char c = t.charAt(i);
                if (c >= '0' && c <= '9') {
                    count++;
                } else if (c >= 0x80) {
                    wide = true;
                }
            }
            digits = count;
            nonAscii = wide;
        }
        return digits;
    }

    /** Whether the text has any character outside ASCII (kana, kanji …). */
    boolean hasNonAscii() {
        digitCount();
        return nonAscii;
    }

    boolean contains(char c) {
        return text.indexOf(c) >= 0;
    }

    /** The {@code key: value} and {@code key=value} pairs written inside the text (JSON, query strings, log lines). */
    List<KeyValues.Pair> pairs() {
        if (pairs == null) {
            pairs = KeyValues.find(text);
        }
        return pairs;
    }

    private void trim() {
        if (valueStart >= 0) {
            return;
        }
        int start = 0;
        int end = text.length();
        while (start < end && Chars.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Chars.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        valueStart = start;
        valueEnd = end;
    }

    /** Lower case, without {@code _ - . :} and spaces, full-width folded: how names are compared. */
    static String foldName(String name) {
        StringBuilder folded = null;
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = Normaliser.fold(name.charAt(i));
            boolean drop = c == '_' || c == '-' || c == '.' || c == ' ' || c == ':';
            char lower = c < 0x80 ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c) : c;
            if (folded == null && (drop || lower != name.charAt(i))) {
                folded = new StringBuilder(n).append(name, 0, i);
            }
            if (folded != null && !drop) {
                folded.append(lower);
            }
        }
        String result = folded == null ? name : folded.toString();
        // non-ASCII upper case (rare in field names) still folds, at the price of an allocation
        return result.toLowerCase(Locale.ROOT);
    }

    /** The parent segment of a path such as {@code $.a.items[0].name}, {@code /a/b} or {@code table.column}. */
    static String parentOf(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        // walk the segments from the right, skipping array indices, "$" and "*"
        int end = path.length();
        int found = 0;
        while (end > 0) {
            int start = end;
            while (start > 0 && !isPathSeparator(path.charAt(start - 1))) {
                start--;
            }
            if (start < end) {
                String segment = path.substring(start, end);
                if (!isIndexOrRoot(segment)) {
                    found++;
                    if (found == 2) {
                        return foldName(segment);
                    }
                }
            }
            end = start - 1;
        }
        return "";
    }

    private static boolean isPathSeparator(char c) {
        return c == '.' || c == '/' || c == '[' || c == ']';
    }

    private static boolean isIndexOrRoot(String segment) {
        if (segment.equals("$") || segment.equals("*")) {
            return true;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Chars.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

package io.prod2test.mask.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of SQL tuples and delimited rows, read by hand: quotes with their escapes, no regex to
 * backtrack on a hostile line.
 */
final class SqlValues {
    private SqlValues() {
    }

    /**
     * The tuples of {@code (v, v, …), (…)[;]}: string literals unquoted ({@code ''} and {@code \'}
     * inside), {@code NULL} as null, other tokens ({@code 42}, {@code DATE '1990-01-02'},
     * {@code 'x'::text}) by their first string literal or as written. Null when the text is not a
     * list of tuples.
     */
    static List<List<String>> tuples(String text) {
        List<List<String>> tuples = new ArrayList<>();
        int n = text.length();
        int i = skipSpace(text, 0);
        while (i < n) {
            if (text.charAt(i) != '(') {
                return null;
            }
            List<String> values = new ArrayList<>();
            i++;
            while (true) {
                i = skipSpace(text, i);
                int start = i;
                String literal = null;
                int depth = 0;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '\'') {
                        StringBuilder value = new StringBuilder();
                        i = quoted(text, i, value);
                        if (i < 0) {
                            return null;
                        }
                        if (literal == null) {
                            literal = value.toString();
                        }
                        continue;
                    }
                    if (c == '(') {
                        depth++;
                    } else if (c == ')' && depth > 0) {
                        depth--;
                    } else if ((c == ',' || c == ')') && depth == 0) {
                        break;
                    }
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                String token = text.substring(start, i).strip();
                values.add(literal != null ? literal : token.equalsIgnoreCase("null") ? null : token);
                if (text.charAt(i++) == ')') {
                    break;
                }
            }
            tuples.add(values);
            i = skipSpace(text, i);
            if (i < n && text.charAt(i) == ',') {
                i = skipSpace(text, i + 1);
            } else if (i < n && text.charAt(i) == ';') {
                i = skipSpace(text, i + 1);
                if (i < n && !text.startsWith("--", i)) {
                    return null;
                }
                break;
            } else if (i < n) {
                return null;
            }
        }
        return tuples.isEmpty() ? null : tuples;
    }

    /** Reads the literal opening at {@code i} into {@code out}; the index after it, or -1 when it does not close. */
    private static int quoted(String text, int i, StringBuilder out) {
        int n = text.length();
        int j = i + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < n && text.charAt(j + 1) == '\'') {
                out.append('\'');
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < n && text.charAt(j + 1) == '\'') {
                    out.append('\'');
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                out.append(c);
                j++;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The cells of a CSV (or TSV) row: quoted cells unquoted ({@code ""} inside), others trimmed
     * of nothing. Null when a quote does not close on the line.
     */
    static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        return cells;
    }
}

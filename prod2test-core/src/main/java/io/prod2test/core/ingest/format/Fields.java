package io.prod2test.core.ingest.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a space-separated log line with quoted fields, as Apache, nginx and the AWS load
 * balancers write them: {@code "..."} may hold spaces and backslash escapes ({@code \"}, {@code \\},
 * {@code \xhh}, {@code \n}...), and, where {@code brackets} is on, {@code [...]} holds the
 * Apache timestamp with its space. Linear in the line's length, no regular expression that could
 * backtrack on a hostile line.
 */
final class Fields {
    /** One field: its text (unescaped) and how it was written. */
    record Field(String text, char quote) {
        boolean quoted() {
            return quote == '"';
        }

        boolean bracketed() {
            return quote == '[';
        }
    }

    private Fields() {
    }

    /**
     * @param names the fields' names in order, for the message when one is not closed
     * @throws BadRecord when a quote or bracket is not closed, or text follows a closing quote
     */
    static List<Field> split(String line, boolean brackets, String... names) {
        List<Field> fields = new ArrayList<>(names.length + 4);
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return fields;
            }
            char c = line.charAt(i);
            String name = fields.size() < names.length ? names[fields.size()] : "#" + (fields.size() + 1);
            if (c == '"') {
                StringBuilder text = new StringBuilder();
                int end = unquote(line, i + 1, text);
                if (end < 0) {
                    throw new BadRecord(name, "the quoted value has no closing quote (the line is cut or has a stray '\"')");
                }
                fields.add(new Field(text.toString(), '"'));
                i = end + 1;
            } else if (c == '[' && brackets) {
                int end = line.indexOf(']', i + 1);
                if (end < 0) {
                    throw new BadRecord(name, "the bracketed value has no closing ']'");
                }
                fields.add(new Field(line.substring(i + 1, end), '['));
                i = end + 1;
            } else {
                int end = line.indexOf(' ', i);
                if (end < 0) {
                    end = n;
                }
                fields.add(new Field(line.substring(i, end), ' '));
                i = end;
                continue;
            }
            if (i < n && line.charAt(i) != ' ') {
                throw new BadRecord(name, "unexpected text after the closing " + (c == '"' ? "quote" : "bracket")
                        + ": " + Texts.quote(line.substring(i, Math.min(n, i + 20))));
            }
        }
    }

    /** Reads a quoted value from {@code start} into {@code out}; returns the closing quote's index or -1. */
    private static int unquote(String line, int start, StringBuilder out) {
        ByteArrayOutputStream pending = null; // \xhh escapes are bytes: collected, then decoded as UTF-8
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char e = line.charAt(i + 1);
                if (e == 'x' && i + 3 < line.length() && Urls.hex(line.charAt(i + 2)) >= 0 && Urls.hex(line.charAt(i + 3)) >= 0) {
                    if (pending == null) {
                        pending = new ByteArrayOutputStream();
                    }
                    pending.write(Urls.hex(line.charAt(i + 2)) * 16 + Urls.hex(line.charAt(i + 3)));
                    i += 3;
                    continue;
                }
                flush(pending, out);
                switch (e) {
                    case '"', '\\' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'v' -> out.append('\u000b');
                    default -> out.append(c).append(e);
                }
                i++;
                continue;
            }
            flush(pending, out);
            if (c == '"') {
                return i;
            }
            out.append(c);
        }
        return -1;
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending != null && pending.size() > 0) {
            out.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
    }
}

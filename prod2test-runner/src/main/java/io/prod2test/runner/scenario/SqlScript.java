package io.prod2test.runner.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, skipping those inside quotes,
 * dollar-quoted bodies and comments, and keeps each statement's line and the comment lines just
 * above it (which {@code expected.sql} uses as the check's name).
 */
public final class SqlScript {
    private SqlScript() {
    }

    /**
     * One statement.
     *
     * @param sql     the statement without its closing semicolon, trimmed
     * @param line    the 1-based line where it starts
     * @param comment the {@code --} comment lines directly above it, joined with a space; empty if none
     */
    public record Statement(String sql, int line, String comment) {
    }

    /** The statements of {@code text}, in order; blank statements and pure comments are left out. */
    public static List<Statement> split(String text) {
        List<Statement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        int line = 1;
        int start = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (start < 0) {
                    String words = text.substring(i + 2, end).strip();
                    if (!words.isEmpty()) {
                        comment.append(comment.isEmpty() ? "" : " ").append(words);
                    }
                } else {
                    current.append(text, i, end);
                }
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
                if (start < 0 && i > 0 && lineIsBlank(text, i)) {
                    comment.setLength(0);
                }
            }
            if (start < 0 && !Character.isWhitespace(c) && c != ';') {
                start = line;
            }
            int skip = quotedEnd(text, i);
            if (skip > i) {
                for (int k = i; k < skip; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                current.append(text, i, skip);
                i = skip;
                continue;
            }
            if (c == ';') {
                add(out, current, start, comment);
                start = -1;
            } else if (start >= 0) {
                current.append(c);
            }
            i++;
        }
        add(out, current, start, comment);
        return out;
    }

    private static boolean lineIsBlank(String text, int newline) {
        int j = newline - 1;
        while (j >= 0 && text.charAt(j) != '\n') {
            if (!Character.isWhitespace(text.charAt(j))) {
                return false;
            }
            j--;
        }
        return true;
    }

    private static void add(List<Statement> out, StringBuilder current, int start, StringBuilder comment) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new Statement(sql, start, comment.toString()));
        }
        current.setLength(0);
        comment.setLength(0);
    }

    /** The index after a quoted section starting at {@code i}, or {@code i} when none starts there. */
    private static int quotedEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return text.length();
        }
        if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
                String tag = text.substring(i, j + 1);
                int end = text.indexOf(tag, j + 1);
                return end < 0 ? text.length() : end + tag.length();
            }
        }
        return i;
    }
}

package io.prod2test.mcp.traffic;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of defence of the {@code query} tool: one statement, and one that reads. It reads
 * SQL the way PostgreSQL's lexer does (quoted strings with {@code ''}, {@code E''} escapes, quoted
 * identifiers, dollar quotes, nested block comments), so a {@code ;} inside a literal is not a
 * second statement and a comment cannot hide one. The read-only transaction, the reader role and
 * the statement timeout stand behind it; this only makes the common refusals clear.
 */
final class SqlGuard {
    private static final Set<String> READING = Set.of("select", "with", "values", "table", "explain");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\(*\\s*([A-Za-z]+)");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");

    private SqlGuard() {
    }

    /** The statement without trailing semicolons; throws {@link IllegalArgumentException} saying what is refused. */
    static String check(String sql) {
        String code = codeOnly(sql);
        int end = code.length();
        while (end > 0 && (code.charAt(end - 1) == ';' || Character.isWhitespace(code.charAt(end - 1)))) {
            end--;
        }
        String statement = code.substring(0, end);
        if (statement.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (statement.contains(";")) {
            throw new IllegalArgumentException("one statement at a time: the query holds more than one (a ';' outside quotes)");
        }
        Matcher first = FIRST_WORD.matcher(statement);
        String word = first.find() ? first.group(1).toLowerCase(Locale.ROOT) : "";
        if (!READING.contains(word)) {
            throw new IllegalArgumentException("only reading statements are allowed (SELECT, WITH, VALUES, TABLE, EXPLAIN), not "
                    + (word.isEmpty() ? "this" : word.toUpperCase(Locale.ROOT)) + "; the analysis store is read-only here");
        }
        return sql.substring(0, end);
    }

    /** The SQL with literals, quoted identifiers and comments blanked out, same length. */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int endOfLine = sql.indexOf('\n', i);
                i = blank(out, sql, i, endOfLine < 0 ? n : endOfLine);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                int j = i;
                while (j < n) {
                    if (sql.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (sql.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        j++;
                    }
                }
                i = blank(out, sql, i, Math.min(j, n));
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                    } else if (d == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (d == '\'') {
                        j++;
                        break;
                    } else {
                        j++;
                    }
                }
                i = blank(out, sql, i, Math.min(j, n));
            } else if (c == '"') {
                int close = sql.indexOf('"', i + 1);
                while (close >= 0 && close + 1 < n && sql.charAt(close + 1) == '"') {
                    close = sql.indexOf('"', close + 2);
                }
                i = blank(out, sql, i, close < 0 ? n : close + 1);
            } else if (c == '$') {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, n);
                if (tag.lookingAt() && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                    int close = sql.indexOf(tag.group(), tag.end());
                    i = blank(out, sql, i, close < 0 ? n : close + tag.group().length());
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(StringBuilder out, String sql, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(sql.charAt(k) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}

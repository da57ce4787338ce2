package io.prod2test.mask.scan;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of one file in its {@link Format} and sends each value to the sink with the field
 * the format gives it; what a format cannot read is free text. Keeps the state that spans lines
 * (an INSERT's columns, a COPY block, a CSV header, a Markdown table's header). One per file.
 */
final class Lines {
    private static final Pattern YAML_PAIR = Pattern.compile(
            "^\\s*(?:-\\s+)?(?<key>[A-Za-z_][\\w.\\-]*|\"[^\"]+\"|'[^']+')\\s*:\\s+(?<value>\\S.*?)\\s*$");
    private static final Pattern INSERT = Pattern.compile(
            "^\\s*INSERT\\s+(?:IGNORE\\s+)?INTO\\s+(?<table>[^\\s(]+)\\s*(?:\\((?<columns>[^)]*)\\))?\\s*VALUES\\s*(?<rest>.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COPY = Pattern.compile(
            "^\\s*COPY\\s+(?<table>[^\\s(]+)\\s*\\((?<columns>[^)]*)\\)\\s+FROM\\s+stdin.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

    private final Format format;
    private final Sink sink;

    // SQL: the table and columns of the INSERT whose tuples go on, or of the COPY block being read
    private String table;
    private List<String> columns;
    private boolean inInsert;
    private boolean inCopy;
    // CSV and TSV: the header row
    private List<String> header;
    // Markdown: the row above, which a rule line makes a table's header
    private String previous;

    Lines(Format format, Sink sink) {
        this.format = format;
        this.sink = sink;
    }

    void line(String line, long number) {
        switch (format) {
            case JSON_LINES, JSON_DOCUMENT -> json(line, number);
            case YAML -> yaml(line, number);
            case SQL -> sql(line, number);
            case CSV -> delimited(line, number, ',');
            case TSV -> delimited(line, number, '\t');
            case MARKDOWN -> markdown(line, number);
            case TEXT -> text(line, number);
        }
    }

    private void text(String line, long number) {
        sink.value(line, FieldContext.text(), number);
    }

    private void json(String line, long number) {
        String trimmed = line.strip();
        boolean structured = trimmed.startsWith("{") || trimmed.startsWith("[");
        if (!structured || !JsonValues.walkLine(trimmed, number, sink)) {
            text(line, number);
        }
    }

    /** {@code key: value} (also a list item's, {@code - key: value}): the key is the field. */
    private void yaml(String line, long number) {
        Matcher m = YAML_PAIR.matcher(line);
        String value = m.matches() ? yamlScalar(m.group("value")) : null;
        if (value == null) {
            text(line, number);
            return;
        }
        String key = unquote(m.group("key"));
        sink.value(value, new FieldContext(Location.TEXT, key, key), number);
    }

    /** A plain or quoted YAML scalar without its comment, or null for what is no scalar (a block, a flow collection, an anchor). */
    private static String yamlScalar(String value) {
        char first = value.charAt(0);
        if (first == '"' || first == '\'') {
            int end = value.lastIndexOf(first);
            return end > 0 ? value.substring(1, end).replace(first == '\'' ? "''" : "\\\"", first == '\'' ? "'" : "\"") : null;
        }
        if ("|>{[&*!#".indexOf(first) >= 0) {
            return null;
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }

    private void sql(String line, long number) {
        String trimmed = line.strip();
        if (inCopy) {
            if (trimmed.equals("\\.")) {
                inCopy = false;
            } else {
                String[] fields = line.split("\t", -1);
                List<String> values = new ArrayList<>(fields.length);
                for (String field : fields) {
                    values.add(field.equals("\\N") ? null : unescapeCopy(field));
                }
                row(values, number, line);
            }
            return;
        }
        Matcher insert = INSERT.matcher(line);
        if (insert.matches()) {
            table = bareName(insert.group("table"));
            columns = insert.group("columns") == null ? null : names(insert.group("columns"));
            String rest = insert.group("rest");
            inInsert = rest.isBlank() || tuples(rest, number, line); // VALUES alone: the tuples follow
            return;
        }
        if (inInsert && trimmed.startsWith("(")) {
            inInsert = tuples(trimmed, number, line);
            return;
        }
        inInsert = false;
        Matcher copy = COPY.matcher(line);
        if (copy.matches()) {
            table = bareName(copy.group("table"));
            columns = names(copy.group("columns"));
            inCopy = true;
            return;
        }
        text(line, number);
    }

    /**
     * The tuples {@code (…), (…)} of an INSERT on one line, each value with its column; the whole
     * line as text when they do not parse. Whether the statement goes on on the next line.
     */
    private boolean tuples(String rest, long number, String line) {
        List<List<String>> tuples = SqlValues.tuples(rest);
        if (tuples == null) {
            text(line, number);
            return false;
        }
        for (List<String> tuple : tuples) {
            row(tuple, number, line);
        }
        return !rest.strip().endsWith(";");
    }

    /** One row's values with their columns; without columns that match, each value as text. */
    private void row(List<String> values, long number, String line) {
        boolean named = columns != null && columns.size() == values.size();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (named) {
                String column = columns.get(i);
                // as Masker.maskRow: the column's name, the qualified table.column as the path
                sink.value(value, new FieldContext(Location.COLUMN, column, table + "." + column), number);
            } else {
                sink.value(value, FieldContext.text(), number);
            }
        }
    }

    private void delimited(String line, long number, char delimiter) {
        if (line.isBlank()) {
            return;
        }
        List<String> cells = SqlValues.cells(line, delimiter);
        if (header == null) {
            header = cells;
            text(line, number); // a header names columns, but scan it as any line
            return;
        }
        if (cells == null || cells.size() != header.size()) {
            text(line, number);
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                String name = header.get(i).strip();
                sink.value(cells.get(i), new FieldContext(Location.TEXT, name, name), number);
            }
        }
    }

    private void markdown(String line, long number) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("|")) {
            header = null;
            previous = null;
            text(line, number);
            return;
        }
        if (MARKDOWN_RULE.matcher(trimmed).matches()) {
            header = previous == null ? null : tableCells(previous);
            return;
        }
        previous = trimmed;
        List<String> cells = tableCells(trimmed);
        if (header == null || cells.size() != header.size()) {
            text(line, number);
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                String name = header.get(i);
                sink.value(cells.get(i), new FieldContext(Location.TEXT, name, name), number);
            }
        }
    }

    /** The cells of a Markdown table row, trimmed ({@code \|} is a bar inside a cell). */
    private static List<String> tableCells(String row) {
        String inner = row.strip();
        inner = inner.startsWith("|") ? inner.substring(1) : inner;
        inner = inner.endsWith("|") && !inner.endsWith("\\|") ? inner.substring(0, inner.length() - 1) : inner;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** Column names of a column list: unquoted, trimmed. */
    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",", -1)) {
            names.add(unquote(name.strip()));
        }
        return names;
    }

    /** A table name without schema and quotes: {@code "public"."customers"} → {@code customers}. */
    private static String bareName(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return unquote(last);
    }

    private static String unquote(String name) {
        if (name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if (first == '"' && last == '"' || first == '\'' && last == '\'' || first == '`' && last == '`' || first == '[' && last == ']') {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }

    /** PostgreSQL's COPY text escapes: {@code \t}, {@code \n}, {@code \\} …. */
    private static String unescapeCopy(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Lines[" + format.name().toLowerCase(Locale.ROOT) + "]";
    }
}

package io.prod2test.mask.scan;

/** How a file's lines are read, told by its name (without {@code .gz}). */
enum Format {
    /** {@code .jsonl}, {@code .ndjson}: one JSON value per line. */
    JSON_LINES,
    /** {@code .json}, {@code .har}: one document (or several) over many lines. */
    JSON_DOCUMENT,
    /** {@code .yaml}, {@code .yml}: {@code key: value} lines. */
    YAML,
    /** {@code .sql}: INSERT statements and COPY blocks. */
    SQL,
    /** {@code .csv}: a header row, then rows. */
    CSV,
    /** {@code .tsv}: as CSV, tab-separated. */
    TSV,
    /** {@code .md}, {@code .markdown}: tables under a header row. */
    MARKDOWN,
    /** Anything else: free text. */
    TEXT;

    static Format of(String lowerCaseName) {
        String extension = lowerCaseName.substring(lowerCaseName.lastIndexOf('.') + 1);
        return switch (extension) {
            case "jsonl", "ndjson" -> JSON_LINES;
            case "json", "har" -> JSON_DOCUMENT;
            case "yaml", "yml" -> YAML;
            case "sql" -> SQL;
            case "csv" -> CSV;
            case "tsv" -> TSV;
            case "md", "markdown" -> MARKDOWN;
            default -> TEXT;
        };
    }
}

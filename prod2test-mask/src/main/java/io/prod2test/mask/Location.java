package io.prod2test.mask;

/** Where a value sits: it changes what a value means (a header named "authorization" holds a secret). */
public enum Location {
    REQUEST_BODY,
    RESPONSE_BODY,
    REQUEST_HEADER,
    RESPONSE_HEADER,
    QUERY,
    COOKIE,
    PATH_SEGMENT,
    /** A database column, named {@code table.column}. */
    COLUMN,
    /** Free text with no structure known (a scanned file). */
    TEXT
}

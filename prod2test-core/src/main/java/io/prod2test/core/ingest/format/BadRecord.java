package io.prod2test.core.ingest.format;

/**
 * Thrown inside a reader when one record is bad; the reader turns it into a
 * {@link ReadRecord.Rejected}, so it never leaves the package. It carries no stack trace: bad
 * records are expected, sometimes by the million, and the trace would only cost time.
 */
final class BadRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    BadRecord(String field, String problem) {
        super(field == null ? problem : "field '" + field + "': " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
    }

    /** The record as a whole is wrong, no single field. */
    BadRecord(String problem) {
        this(null, problem);
    }

    /** The reason as the user reads it: {@code field 'status': expected ...}. */
    String reason() {
        return getMessage();
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}

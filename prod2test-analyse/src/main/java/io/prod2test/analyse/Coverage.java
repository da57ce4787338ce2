package io.prod2test.analyse;

/** Whether existing tests exercise a flow or an edge case. */
public enum Coverage {
    /** One test (a scenario file or a test source file) exercises all of it. */
    COVERED("covered"),
    /** Tests exercise some of its routes, or the route but not the odd condition. */
    PARTLY_COVERED("partly covered"),
    /** No test touches it. */
    NOT_COVERED("not covered"),
    /** No tests were given ({@code --tests}), so nothing can be said. */
    UNKNOWN("unknown");

    private final String label;

    Coverage(String label) {
        this.label = label;
    }

    /** The word used in the JSON output and the tables. */
    public String label() {
        return label;
    }

    /** The coverage named by {@link #label()}. */
    public static Coverage ofLabel(String label) {
        for (Coverage c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("a coverage is one of covered, partly covered, not covered, unknown; was '" + label + "'");
    }
}

package io.prod2test.analyse;

/** The kinds of edge case the analysis looks for, each with the name it has in the JSON output. */
public enum EdgeKind {
    /** A 4xx or 5xx answer. */
    ERROR_STATUS("error-status"),
    /** A request body whose set of fields and types is seen in a small share of the route's calls. */
    RARE_SHAPE("rare-shape"),
    /** Zero, negative, a large round limit, empty, very long, astral characters, decimals in a zero-decimal currency. */
    ODD_VALUE("odd-value"),
    /** The same Idempotency-Key sent again to the same route. */
    RETRY("retry"),
    /** The same request body to the same route in the same session within seconds, without a key. */
    DUPLICATE("duplicate"),
    /** A step reached without the step that usually comes before it. */
    OUT_OF_ORDER("out-of-order"),
    /** A call at or above the route's 99th percentile duration. */
    SLOW("slow"),
    /** A write overlapping in time another write to the same resource. */
    CONCURRENT("concurrent");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind named by {@link #label()}. */
    public static EdgeKind ofLabel(String label) {
        for (EdgeKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown edge case kind '" + label + "'");
    }
}

package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;

/**
 * A personal value found in a text: the half-open span {@code [start, end)} of the text as given
 * to the detector, what kind it is, and which detector found it.
 */
public record Detection(int start, int end, PiiKind kind, String detector) {
    public Detection {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a detection spans at least one character: 0 <= start < end, was [" + start + ", " + end + ")");
        }
        if (kind == null || detector == null || detector.isBlank()) {
            throw new IllegalArgumentException("a detection names its kind and its detector");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Detection other) {
        return start < other.end && other.start < end;
    }
}

package io.prod2test.mask.detect;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.util.List;

/** Test helpers: detections as {@code KIND:text} strings, which read well in assertions and failures. */
final class Found {
    private Found() {
    }

    static List<String> in(Detector detector, String text) {
        return in(detector, text, FieldContext.text());
    }

    static List<String> in(Detector detector, String text, FieldContext field) {
        return render(text, detector.detect(text, field));
    }

    static List<String> all(String text) {
        return all(text, FieldContext.text());
    }

    static List<String> all(String text, FieldContext field) {
        return render(text, Detectors.standard().detect(text, field));
    }

    static List<String> render(String text, List<Detection> detections) {
        return detections.stream().map(d -> d.kind() + ":" + text.substring(d.start(), d.end())).toList();
    }

    /** A field of a JSON request body at {@code $.name}. */
    static FieldContext body(String name) {
        return new FieldContext(Location.REQUEST_BODY, name, "$." + name);
    }

    static FieldContext header(String name) {
        return new FieldContext(Location.REQUEST_HEADER, name, name);
    }

    /** A number with its Luhn check digit appended. */
    static String withLuhn(String prefix) {
        for (char d = '0'; d <= '9'; d++) {
            String candidate = prefix + d;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int v = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    v = v * 2 > 9 ? v * 2 - 9 : v * 2;
                }
                sum += v;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * A My Number from 11 digits, by the rule written out again here (not the detector's code):
     * P_n the n-th digit from the right, Q_n = n + 1 for n ≤ 6 and n − 5 for n ≥ 7, remainder ≤ 1 → 0.
     */
    static String myNumber(String first11) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = first11.charAt(11 - n) - '0';
            sum += p * (n <= 6 ? n + 1 : n - 5);
        }
        int r = sum % 11;
        return first11 + (r <= 1 ? 0 : 11 - r);
    }

    /** The same My Number with a wrong check digit. */
    static String wrongCheckDigit(String myNumber, int offset) {
        int right = myNumber.charAt(11) - '0';
        return myNumber.substring(0, 11) + (right + offset) % 10;
    }

    /** A corporate number from 12 digits: check = 9 − (Σ P_n × Q_n mod 9), Q_n 1 for odd n, 2 for even n, from the right. */
    static String corporateNumber(String last12) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (last12.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + last12;
    }
}

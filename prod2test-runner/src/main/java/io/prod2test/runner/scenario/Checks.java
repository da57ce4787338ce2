package io.prod2test.runner.scenario;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Shared validation of the record constructors. */
final class Checks {
    private Checks() {
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}

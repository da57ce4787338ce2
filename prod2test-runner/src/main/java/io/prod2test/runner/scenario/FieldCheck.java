package io.prod2test.runner.scenario;

/**
 * One expectation on a response field.
 *
 * @param locator for a body check a JSON pointer ({@code /status}, {@code ""} for the whole body);
 *                for a header check the header name
 * @param rule    what the field must be
 */
public record FieldCheck(String locator, Rule rule) {
    public FieldCheck {
        if (locator == null) {
            throw new IllegalArgumentException("a field check needs a locator (JSON pointer or header name)");
        }
        if (rule == null) {
            throw new IllegalArgumentException("a field check needs a rule");
        }
    }

    /** A body check; the pointer is normalised ({@code $.a.b} becomes {@code /a/b}). */
    public static FieldCheck body(String pointer, Rule rule) {
        return new FieldCheck(JsonPointers.normalise(pointer), rule);
    }

    /** A header check; array rules do not apply to headers. */
    public static FieldCheck header(String name, Rule rule) {
        Checks.requireText(name, "a header check's header name");
        if (rule instanceof Rule.ArrayOf) {
            throw new IllegalArgumentException("header '" + name + "' cannot be checked as an array");
        }
        return new FieldCheck(name, rule);
    }
}

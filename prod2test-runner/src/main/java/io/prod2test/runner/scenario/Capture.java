package io.prod2test.runner.scenario;

import java.util.regex.Pattern;

/**
 * A value taken from a step's response and given a name, so later steps can use it as
 * {@code ${name}}.
 *
 * @param name    the reference name: letters, digits, {@code _} and {@code -}, starting with a letter
 * @param from    where the value comes from
 * @param locator a JSON pointer into the body ({@code /id}, {@code /items/0/id}) or a header name
 * @param pattern an optional regular expression applied to the value; its first group (or the whole
 *                match without a group) becomes the captured value, e.g. {@code /payments/(.+)$}
 *                on a Location header
 */
public record Capture(String name, From from, String locator, String pattern) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** The part of the response a capture reads. */
    public enum From { BODY, HEADER }

    public Capture {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a capture name must start with a letter and hold only letters, digits, _ and -, was '" + name + "'");
        }
        if (from == null) {
            throw new IllegalArgumentException("a capture must say where it reads from: body or header");
        }
        if (from == From.BODY) {
            locator = JsonPointers.normalise(locator);
        } else if (locator == null || locator.isBlank()) {
            throw new IllegalArgumentException("a header capture needs the header name");
        }
        if (pattern != null) {
            Checks.compile(pattern);
        }
    }

    /** A capture of the body value at {@code pointer}. */
    public static Capture body(String name, String pointer) {
        return new Capture(name, From.BODY, pointer, null);
    }

    /** A capture of a header's value, optionally cut by {@code pattern}. */
    public static Capture header(String name, String header, String pattern) {
        return new Capture(name, From.HEADER, header, pattern);
    }
}

package io.prod2test.mask;

import java.util.Locale;

/**
 * The field a value was found in, which detectors use as context: a value "Sato Taro" is a name
 * in a field {@code holderName}, and nothing in a field {@code description}.
 *
 * @param location where the value sits
 * @param name     the innermost field, header, parameter, cookie or column name; {@code null} when none
 * @param path     the full path, e.g. {@code $.customer.address.line1}, {@code authorization}, {@code customers.email}
 */
public record FieldContext(Location location, String name, String path) {
    public FieldContext {
        if (location == null) {
            throw new IllegalArgumentException("location is required");
        }
        if (path == null) {
            path = name == null ? "" : name;
        }
    }

    /** Free text with no field around it. */
    public static FieldContext text() {
        return new FieldContext(Location.TEXT, null, "");
    }

    public static FieldContext of(Location location, String name) {
        return new FieldContext(location, name, name);
    }

    /**
     * The field name folded for matching: lower case, without {@code _ - .} and spaces, so that
     * {@code first_name}, {@code firstName} and {@code First-Name} all read {@code firstname}.
     */
    public String normalisedName() {
        if (name == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> c != '_' && c != '-' && c != '.' && c != ' ')
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }
}

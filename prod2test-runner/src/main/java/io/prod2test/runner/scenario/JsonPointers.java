package io.prod2test.runner.scenario;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Body locations. The format writes JSON pointers ({@code /items/0/id}); a simple JSONPath
 * ({@code $.items[0].id}) is accepted on read and turned into the pointer, since that is what many
 * reviewers type.
 */
public final class JsonPointers {
    private JsonPointers() {
    }

    /** The JSON pointer for {@code location}; {@code ""} or {@code $} is the whole body. */
    public static String normalise(String location) {
        if (location == null) {
            throw new IllegalArgumentException("a body location must be a JSON pointer such as /id, was null");
        }
        String pointer = location.startsWith("$") ? fromPath(location) : location;
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a body location must be a JSON pointer starting with / (or a JSONPath starting with $), was '" + location + "'");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + location + "' is not a valid JSON pointer: " + e.getMessage(), e);
        }
        return pointer;
    }

    private static String fromPath(String path) {
        StringBuilder pointer = new StringBuilder();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                pointer.append('/').append(escape(path.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("JSONPath '" + path + "' has a [ without ]");
                }
                String inside = path.substring(i + 1, end);
                if (inside.length() >= 2 && (inside.startsWith("'") || inside.startsWith("\""))) {
                    inside = inside.substring(1, inside.length() - 1);
                }
                pointer.append('/').append(escape(inside));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("JSONPath '" + path + "' must go on with . or [ at position " + i);
            }
        }
        return pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}

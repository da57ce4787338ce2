package io.prod2test.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * The small JSON path subset policies use to name body fields: {@code $.a.b} (exact),
 * {@code $.items[*].sku} (any array element) and {@code $..email} (the field at any depth).
 * Enough to say where personal data sits without an expression language to learn.
 */
public final class JsonPathPattern {
    private sealed interface Step permits Field, AnyIndex, Descendant {
    }

    private record Field(String name) implements Step {
    }

    private record AnyIndex() implements Step {
    }

    private record Descendant(String name) implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonPathPattern(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses a pattern; the message of a bad one says what is wrong and where. */
    public static JsonPathPattern parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a body path starts with '$', e.g. $.customer.email or $..email, was '" + text + "'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            if (text.startsWith("..", i)) {
                int end = nameEnd(text, i + 2);
                steps.add(new Descendant(name(text, i + 2, end)));
                i = end;
            } else if (text.charAt(i) == '.') {
                int end = nameEnd(text, i + 1);
                steps.add(new Field(name(text, i + 1, end)));
                i = end;
            } else if (text.startsWith("[*]", i)) {
                steps.add(new AnyIndex());
                i += 3;
            } else {
                throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "' at position " + i + " of body path '" + text
                        + "': use .field, [*] or ..field");
            }
        }
        return new JsonPathPattern(text, List.copyOf(steps));
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static String name(String text, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("empty field name at position " + from + " of body path '" + text + "'");
        }
        return text.substring(from, to);
    }

    /**
     * Whether a concrete location matches: {@code path} holds field names ({@link String}) and
     * array indexes ({@link Integer}) from the root.
     */
    public boolean matches(List<Object> path) {
        return matches(0, path, 0);
    }

    private boolean matches(int step, List<Object> path, int at) {
        if (step == steps.size()) {
            return at == path.size();
        }
        if (at >= path.size()) {
            return false;
        }
        Step s = steps.get(step);
        Object here = path.get(at);
        if (s instanceof Field f) {
            return f.name().equals(here) && matches(step + 1, path, at + 1);
        }
        if (s instanceof AnyIndex) {
            return here instanceof Integer && matches(step + 1, path, at + 1);
        }
        String name = ((Descendant) s).name();
        for (int i = at; i < path.size(); i++) {
            if (name.equals(path.get(i)) && matches(step + 1, path, i + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}

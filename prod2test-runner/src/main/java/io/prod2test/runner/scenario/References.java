package io.prod2test.runner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} references to captured values. {@code $${} stands for a literal {@code ${}.
 */
public final class References {
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([A-Za-z][A-Za-z0-9_-]*)}");

    private References() {
    }

    /** The names {@code text} refers to, in order of appearance. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("$$")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names referred to anywhere in the strings (and object keys) of {@code node}. */
    public static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node == null) {
            return names;
        }
        if (node.isTextual()) {
            names.addAll(names(node.asText()));
        }
        node.properties().forEach(e -> {
            names.addAll(names(e.getKey()));
            names.addAll(names(e.getValue()));
        });
        if (node.isArray()) {
            node.forEach(child -> names.addAll(names(child)));
        }
        return names;
    }

    /**
     * The name when {@code text} is exactly one reference ({@code ${paymentId}}), so its value can
     * keep its JSON type; null otherwise.
     */
    public static String whole(String text) {
        Matcher m = REFERENCE.matcher(text);
        return m.matches() && !text.startsWith("$$") ? m.group(1) : null;
    }

    /** {@code text} with every reference replaced by {@code value.apply(name)}. */
    public static String substitute(String text, Function<String, String> value) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group().startsWith("$$") ? m.group().substring(1) : value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

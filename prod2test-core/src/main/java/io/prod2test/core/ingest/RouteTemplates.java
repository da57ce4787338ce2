package io.prod2test.core.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Route templates inferred from the paths seen: {@code /customers/812/cards/card_9f3a11c2d4e5}
 * becomes {@code /customers/{id}/cards/{id}}.
 *
 * <p>Two rules, in order. By shape: numbers, UUIDs, hex strings and opaque tokens
 * ({@code pay_8f2c...}, long mixes of letters and digits) are parameters wherever they are
 * ({@link #shape}). By cardinality: under one parent, when at least {@value #MANY} distinct
 * literal segments appear, they are values of a parameter ({@code /products/RICE-COOKER},
 * {@code /products/KETTLE} ...), except constant siblings — a segment seen far more often than its
 * siblings, like {@code /products/search} — which stay literal.
 */
public final class RouteTemplates {
    /** The placeholder of a parameter segment. */
    public static final String PARAMETER = "{id}";
    /** Distinct literal children under one parent from which they count as parameter values. */
    public static final int MANY = 8;
    /** A sibling seen this many times more than the median of its siblings stays literal. */
    private static final int CONSTANT_FACTOR = 10;

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,}");
    private static final Pattern PREFIXED_TOKEN = Pattern.compile("[A-Za-z]{1,12}[_-][A-Za-z0-9]{4,}");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}");

    /**
     * A path as seen, with how often.
     *
     * @param shape the path after {@link #shape}
     */
    public record Observed(String service, String method, String shape, long count) {
        public Observed {
            if (method == null || shape == null || !shape.startsWith("/") || count < 1) {
                throw new IllegalArgumentException("an observed path has a method, a shape starting with '/' and a count >= 1");
            }
        }
    }

    private RouteTemplates() {
    }

    /** The path with every id-shaped segment replaced by {@value #PARAMETER}. Cheap: runs on every record. */
    public static String shape(String path) {
        if (path.length() <= 1) {
            return path;
        }
        StringBuilder out = null;
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                String segment = path.substring(start, i);
                boolean parameter = isIdShaped(segment);
                if (parameter && out == null) {
                    out = new StringBuilder(path.length()).append(path, 0, start);
                }
                if (out != null) {
                    out.append(parameter ? PARAMETER : segment);
                    if (i < path.length()) {
                        out.append('/');
                    }
                }
                start = i + 1;
            }
        }
        return out == null ? path : out.toString();
    }

    static boolean isIdShaped(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        if (NUMBER.matcher(segment).matches() || UUID.matcher(segment).matches()) {
            return true;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        if (!digit) {
            return false; // words like "orders" or "checkout" are never ids by shape
        }
        return HEX.matcher(segment).matches() || PREFIXED_TOKEN.matcher(segment).matches()
                || (letter && LONG_TOKEN.matcher(segment).matches()) || segment.indexOf('@') > 0;
    }

    /**
     * The template of every observed shape, keyed by the observed record. Shapes of different
     * services or methods never influence each other's cardinality... except that a parent's
     * children are counted across methods, since {@code GET} and {@code DELETE} of one resource share ids.
     */
    public static Map<Observed, String> infer(Collection<Observed> observed) {
        Map<String, Node> roots = new HashMap<>();
        for (Observed o : observed) {
            Node node = roots.computeIfAbsent(o.service() == null ? "" : o.service(), s -> new Node());
            for (String segment : segments(o.shape())) {
                node = node.children.computeIfAbsent(segment, s -> new Node());
                node.count += o.count();
            }
        }
        roots.values().forEach(RouteTemplates::decide);
        Map<Observed, String> templates = new LinkedHashMap<>();
        for (Observed o : observed) {
            Node node = roots.get(o.service() == null ? "" : o.service());
            StringBuilder template = new StringBuilder();
            for (String segment : segments(o.shape())) {
                Node child = node.children.get(segment);
                template.append('/').append(child.parameter ? PARAMETER : segment);
                node = child;
            }
            templates.put(o, template.isEmpty() ? "/" : template.toString());
        }
        return templates;
    }

    private static void decide(Node node) {
        List<Map.Entry<String, Node>> literals = new ArrayList<>();
        node.children.forEach((segment, child) -> {
            if (!segment.equals(PARAMETER)) {
                literals.add(Map.entry(segment, child));
            }
        });
        if (literals.size() >= MANY) {
            long[] counts = literals.stream().mapToLong(e -> e.getValue().count).sorted().toArray();
            long median = counts[counts.length / 2];
            for (Map.Entry<String, Node> literal : literals) {
                literal.getValue().parameter = literal.getValue().count < CONSTANT_FACTOR * Math.max(1, median);
            }
        }
        node.children.forEach((segment, child) -> {
            if (segment.equals(PARAMETER)) {
                child.parameter = true;
            }
            decide(child);
        });
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start || i < path.length()) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        long count;
        boolean parameter;
    }
}

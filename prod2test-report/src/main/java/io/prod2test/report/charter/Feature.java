package io.prod2test.report.charter;

import io.prod2test.analyse.Route;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A route family of one service: the routes under one leading path segment, e.g. {@code /orders/**}
 * holds {@code POST /orders} and {@code POST /orders/{id}/refunds}. A version or {@code api} prefix
 * counts with the segment after it ({@code /v1/orders/**}).
 *
 * @param service the service, {@code unknown-service} when the logs did not say
 * @param family  the family's pattern, e.g. {@code /orders/**}, or {@code /} for the root path
 */
public record Feature(String service, String family) implements Comparable<Feature> {
    private static final Pattern PREFIX = Pattern.compile("v\\d+|api");
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");

    public Feature {
        Objects.requireNonNull(service, "a feature belongs to a service");
        if (family == null || !family.startsWith("/")) {
            throw new IllegalArgumentException("a feature's family is a path pattern starting with '/', was " + family);
        }
    }

    /** The feature a route belongs to. */
    public static Feature of(Route route) {
        String service = route.service() == null || route.service().isBlank() ? "unknown-service" : route.service();
        String[] segments = route.template().substring(1).split("/");
        if (segments.length == 0 || segments[0].isEmpty()) {
            return new Feature(service, "/");
        }
        String head = "/" + segments[0];
        if (PREFIX.matcher(segments[0]).matches() && segments.length > 1) {
            head += "/" + segments[1];
        }
        return new Feature(service, head + "/**");
    }

    /** The file name without {@code .md}: {@code orders}, {@code v1-orders}, {@code root}. */
    public String slug() {
        if (family.equals("/")) {
            return "root";
        }
        String bare = family.substring(1, family.length() - 3).toLowerCase(Locale.ROOT);
        String slug = UNSAFE.matcher(bare.replace('/', '-')).replaceAll("_");
        return slug.isEmpty() || slug.startsWith(".") ? "feature-" + slug : slug;
    }

    /** The service folder name, made safe for a file system. */
    public String serviceFolder() {
        String folder = UNSAFE.matcher(service.toLowerCase(Locale.ROOT)).replaceAll("_");
        return folder.startsWith(".") ? "_" + folder : folder;
    }

    /** Whether the route is of this feature. */
    public boolean holds(Route route) {
        return of(route).equals(this);
    }

    @Override
    public int compareTo(Feature o) {
        int c = service.compareTo(o.service);
        return c != 0 ? c : family.compareTo(o.family);
    }
}

package io.prod2test.publish;

import java.util.List;

/**
 * Which generated files a publication takes: repository-relative folders or files such as
 * {@code schemas/}, {@code scenarios/payments} or {@code datasets/shop/00_base/V1__reference_data.sql}.
 * Every entry must lie inside the asset repository and inside an {@link AssetArea}: absolute paths,
 * {@code ..}, backslashes and paths outside the generated areas are refused, so that a caller (an
 * LLM client over MCP, say) can never make publishing touch anything else.
 *
 * @param prefixes normalised entries without a trailing slash; empty means every asset area
 */
public record PathSelection(List<String> prefixes) {
    public PathSelection {
        prefixes = prefixes.stream().map(PathSelection::normalise).toList();
    }

    /** Every generated file. */
    public static PathSelection all() {
        return new PathSelection(List.of());
    }

    /** Whether a repository-relative file path falls under this selection. */
    public boolean matches(String path) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a selected path must not be empty");
        }
        String path = raw.strip();
        if (path.contains("\\") || path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~")) {
            throw new IllegalArgumentException("selected path '" + raw + "' must be relative to the asset repository, with / separators");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw new IllegalArgumentException("selected path '" + raw + "' must not contain '..', '.' or empty segments");
            }
        }
        String probe = path.contains("/") || path.contains(".") ? path : path + "/x";
        boolean inArea = AssetArea.of(probe).isPresent() || AssetArea.of(path).isPresent()
                || path.equals("src/test/java") || path.startsWith("src/test/java/") || path.equals(".github/workflows");
        if (!inArea) {
            throw new IllegalArgumentException("selected path '" + raw + "' is not a generated asset; publishing takes only "
                    + "schemas/, scenarios/, datasets/, charters/, the generated test classes, pom.xml,"
                    + " .github/workflows/scenarios.yml and prod2test.yaml");
        }
        return path;
    }
}

package io.prod2test.analyse.coverage;

import java.util.Objects;

/**
 * A call of a route found in a test.
 *
 * @param method the HTTP method, upper case, or {@code null} when the test does not say near the path
 * @param path   the path as written, placeholders ({@code {id}}, {@code ${id}}, {@code :id}) kept
 * @param line   the line it is on, 1-based (0 when unknown)
 */
public record TestCall(String method, String path, int line) {
    public TestCall {
        Objects.requireNonNull(path, "a test call has a path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a test call's path starts with '/', was '" + path + "'");
        }
    }
}

package io.prod2test.generate.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders names so that each comes after what it depends on, ties broken by the order given: the
 * same input always gives the same order. Dependencies on names outside the list, and on the name
 * itself, are ignored; a cycle is broken at the first name of it in the given order.
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** {@code names} reordered so that {@code dependsOn.get(n)} come before {@code n}. */
    public static List<String> sort(List<String> names, Map<String, ? extends java.util.Collection<String>> dependsOn) {
        Set<String> known = new LinkedHashSet<>(names);
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : names) {
            visit(name, known, dependsOn, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private static void visit(String name, Set<String> known, Map<String, ? extends java.util.Collection<String>> dependsOn,
                              Set<String> done, Set<String> visiting) {
        if (done.contains(name) || !visiting.add(name)) {
            return; // done, or on the current path: a cycle, broken here
        }
        java.util.Collection<String> deps = dependsOn.get(name);
        for (String dep : deps == null ? List.<String>of() : deps) {
            if (known.contains(dep) && !dep.equals(name)) {
                visit(dep, known, dependsOn, done, visiting);
            }
        }
        visiting.remove(name);
        done.add(name);
    }
}

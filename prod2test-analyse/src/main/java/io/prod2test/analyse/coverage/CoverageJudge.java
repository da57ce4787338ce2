package io.prod2test.analyse.coverage;

import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Says what existing tests cover, from the routes each test file calls.
 *
 * <p>A concrete path matches a template when its literal segments are equal and each parameter
 * ({@code {id}}) stands for one segment. A call without a known method matches any method.
 *
 * <ul>
 *   <li>A flow is covered when one file calls all of its routes, partly covered when files call
 *       some of them.</li>
 *   <li>An edge case is covered when a file calling its route also shows the condition: the status
 *       (error statuses), the idempotency key (retries), concurrency, the field names (rare shapes,
 *       odd values), a timeout (slow calls); partly covered when a file calls the route.</li>
 * </ul>
 */
public final class CoverageJudge {
    private final List<Set<Long>> routesPerFile = new ArrayList<>();
    private final List<TestFile> files;
    private final Set<Long> calledAnywhere = new HashSet<>();

    public CoverageJudge(Collection<Route> routes, List<TestFile> files) {
        this.files = List.copyOf(files);
        List<Map.Entry<Route, Pattern>> patterns = routes.stream().map(r -> Map.entry(r, pattern(r.template()))).toList();
        for (TestFile file : this.files) {
            Set<Long> called = new HashSet<>();
            for (TestCall call : file.calls()) {
                for (var p : patterns) {
                    if ((call.method() == null || call.method().equals(p.getKey().method())) && p.getValue().matcher(call.path()).matches()) {
                        called.add(p.getKey().id());
                    }
                }
            }
            routesPerFile.add(called);
            calledAnywhere.addAll(called);
        }
    }

    /** A template as a pattern: literal segments as they are, a parameter for one segment. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (!regex.isEmpty() || !segment.isEmpty()) {
                regex.append('/');
            }
            regex.append(segment.matches("\\{[^}]*\\}") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.isEmpty() ? "/" : regex.toString() + "/?");
    }

    /** Whether a test file calls the route. */
    public boolean called(long routeId) {
        return calledAnywhere.contains(routeId);
    }

    public Coverage flow(List<Long> routeIds) {
        for (Set<Long> called : routesPerFile) {
            if (called.containsAll(routeIds)) {
                return Coverage.COVERED;
            }
        }
        return routeIds.stream().anyMatch(calledAnywhere::contains) ? Coverage.PARTLY_COVERED : Coverage.NOT_COVERED;
    }

    public Coverage edgeCase(EdgeKind kind, long routeId, Integer status, String detail) {
        boolean routeCalled = false;
        for (int i = 0; i < files.size(); i++) {
            if (!routesPerFile.get(i).contains(routeId)) {
                continue;
            }
            routeCalled = true;
            if (shows(files.get(i), kind, status, detail)) {
                return Coverage.COVERED;
            }
        }
        return routeCalled ? Coverage.PARTLY_COVERED : Coverage.NOT_COVERED;
    }

    private static boolean shows(TestFile file, EdgeKind kind, Integer status, String detail) {
        String text = file.text();
        return switch (kind) {
            case ERROR_STATUS -> file.statuses().contains(status);
            case RETRY -> text.contains("idempotency");
            case DUPLICATE -> text.contains("duplicate") || text.contains("twice");
            case CONCURRENT -> text.contains("concurren") || text.contains("parallel");
            case SLOW -> text.contains("timeout");
            case OUT_OF_ORDER -> text.contains("out of order") || text.contains("out-of-order");
            case RARE_SHAPE -> fields(detail).stream().allMatch(text::contains);
            case ODD_VALUE -> {
                int at = detail.indexOf("$.");
                yield at >= 0 && text.contains(detail.substring(at + 2).toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** The field names of a shape detail: {@code fields amount:number,sku:string} gives amount and sku. */
    static List<String> fields(String detail) {
        if (!detail.startsWith("fields ")) {
            return List.of();
        }
        return java.util.Arrays.stream(detail.substring(7).split(",")).map(f -> f.substring(0, Math.max(0, f.lastIndexOf(':'))))
                .map(f -> f.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}

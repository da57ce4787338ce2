package io.prod2test.analyse.priority;

import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The priority of a flow or an edge case: 0 to 100 from four parts, each 0 to 1 —
 * frequency (35), errors (25), money (20) and missing coverage (20) — with a one-line reason that
 * names the parts that count.
 *
 * <p>Frequency is relative to the most frequent finding of the same sort, so the top flow scores
 * full marks. A route moves money when it writes (not GET) and its template names a payment,
 * charge, capture, refund, checkout, payout, transfer or 3-D Secure step.
 */
public final class Priorities {
    private static final Pattern MONEY = Pattern.compile(
            "(?i)(pay|charge|capture|refund|checkout|payout|transfer|invoice|3ds|authenticat|shipment)");

    private Priorities() {
    }

    /** A score and its reason. */
    public record Score(double value, String why) {
        public Score {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("a priority is between 0 and 100, was " + value);
            }
        }
    }

    /** Whether the route moves money. */
    public static boolean movesMoney(Route route) {
        return !route.method().equals("GET") && MONEY.matcher(route.template()).find();
    }

    public static Score flow(List<Route> routes, double share, double topShare, double errorRate, Coverage coverage) {
        Route money = routes.stream().filter(Priorities::movesMoney).findFirst().orElse(null);
        double frequency = topShare <= 0 ? 0 : Math.min(1, share / topShare);
        List<String> why = new ArrayList<>();
        why.add(String.format(Locale.ROOT, "%.1f%% of sessions", share * 100));
        if (errorRate > 0) {
            why.add(String.format(Locale.ROOT, "%.0f%% of them see an error", errorRate * 100));
        }
        if (money != null) {
            why.add("moves money (" + money.label() + ")");
        }
        return score(frequency, errorRate, money != null, coverage, why);
    }

    public static Score edgeCase(EdgeKind kind, Route route, Integer status, long count, long topCount, Coverage coverage) {
        double frequency = topCount <= 0 ? 0 : Math.log1p(count) / Math.log1p(topCount);
        double severity = switch (kind) {
            case ERROR_STATUS -> status >= 500 ? 1.0 : 0.6;
            case CONCURRENT -> 0.8;
            case RETRY, DUPLICATE -> 0.7;
            case ODD_VALUE, OUT_OF_ORDER -> 0.6;
            case SLOW -> 0.5;
            case RARE_SHAPE -> 0.4;
        };
        List<String> why = new ArrayList<>();
        why.add(count + (count == 1 ? " time" : " times"));
        if (kind == EdgeKind.ERROR_STATUS) {
            why.add((status >= 500 ? "server error " : "client error ") + status);
        }
        boolean money = movesMoney(route);
        if (money) {
            why.add("moves money");
        }
        return score(frequency, severity, money, coverage, why);
    }

    private static Score score(double frequency, double risk, boolean money, Coverage coverage, List<String> why) {
        double gap = switch (coverage) {
            case NOT_COVERED -> 1;
            case PARTLY_COVERED -> 0.5;
            case COVERED -> 0;
            case UNKNOWN -> 0.5;
        };
        switch (coverage) {
            case NOT_COVERED -> why.add("no test covers it");
            case PARTLY_COVERED -> why.add("only partly covered by tests");
            case COVERED -> why.add("already covered");
            case UNKNOWN -> { }
        }
        double value = 35 * frequency + 25 * Math.min(1, risk) + (money ? 20 : 0) + 20 * gap;
        return new Score(Math.round(value * 10) / 10.0, String.join("; ", why));
    }
}

package io.prod2test.runner;

import java.util.Locale;

/** The run as people read it: a line per scenario run, the differences under a failure, a total. */
public final class RunReport {
    private RunReport() {
    }

    /** One scenario run: {@code PASS  payments/p-1  Title  (reset 7 ms, http 31 ms)} plus its differences. */
    public static String line(ScenarioResult r) {
        String mark = switch (r.outcome()) {
            case PASSED -> "PASS ";
            case FAILED -> "FAIL ";
            case ERROR -> "ERROR";
        };
        StringBuilder out = new StringBuilder();
        out.append(mark).append("  ").append(r.scenario().key()).append("  ").append(r.scenario().scenario().title());
        if (r.run() > 1) {
            out.append("  [run ").append(r.run()).append(']');
        }
        out.append(String.format(Locale.ROOT, "  (reset %s, http %s)", ms(r.resetNanos()), ms(r.httpNanos())));
        if (!r.passed()) {
            r.details().lines().forEach(l -> out.append("\n         ").append(l));
        }
        return out.toString();
    }

    /** The closing lines: counts, times, and the seed of a random order. */
    public static String summary(RunSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scenarios: %d passed, %d failed, %d errors (%d runs",
                s.passed(), s.failed(), s.errors(), s.results().size()));
        if (s.options().order() == RunOptions.Order.RANDOM) {
            out.append(", random order, seed ").append(s.options().seed());
        }
        out.append(")\n");
        out.append(String.format(Locale.ROOT, "Time: %s wall, %s in HTTP calls, database reset median %s",
                ms(s.wallNanos()), ms(s.httpNanos()), ms(s.medianResetNanos())));
        return out.toString();
    }

    static String ms(long nanos) {
        double millis = nanos / 1e6;
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.1f ms", millis);
    }
}

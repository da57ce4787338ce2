package io.prod2test.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Progress of long steps on a terminal: a line rewritten in place on stderr. Silent in pipes and
 * CI, where a stream of carriage returns would only clutter the log.
 */
final class Progress {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private int lastWidth;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Progress for the real process: shown when stderr is a terminal and {@code CI} is not set. */
    static Progress forProcess(PrintWriter err, Map<String, String> environment) {
        return new Progress(err, environment.get("CI") == null && isTerminal());
    }

    static Progress silent(PrintWriter err) {
        return new Progress(err, false);
    }

    /** Starts a step: shows its name until the next update. */
    synchronized void step(String name) {
        draw(name, true);
    }

    /** Counts through a step; throttled so that updating per item costs nothing. */
    synchronized void count(String name, long done, long total) {
        boolean last = done >= total;
        if (!last && System.nanoTime() - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        int width = 24;
        int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
        draw(name + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total, last);
    }

    /** Clears the progress line, leaving the terminal clean for the summary. */
    synchronized void clear() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    private void draw(String line, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        lastWidth = line.length();
    }

    // System.console() is non-null on JDK 22+ even in a pipe; Console.isTerminal() tells, but
    // only exists from 22 on and we compile for 21, hence the reflective call.
    private static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

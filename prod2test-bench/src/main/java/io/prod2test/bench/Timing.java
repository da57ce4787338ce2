package io.prod2test.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** How long a piece of benchmark work took, the same way for every benchmark. */
public final class Timing {
    private Timing() {
    }

    /** Work to time. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Wall-clock and CPU seconds of one run; CPU is the calling thread's, which other load on the
     * machine does not inflate the way it inflates wall time (for single-threaded work only).
     */
    public record Measured(double wall, double cpu) {
    }

    /** Wall-clock seconds of one run. */
    public static double seconds(Work work) throws Exception {
        return measure(work).wall();
    }

    /** Wall-clock and this thread's CPU seconds of one run. */
    public static Measured measure(Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        work.run();
        return new Measured((System.nanoTime() - started) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }
}

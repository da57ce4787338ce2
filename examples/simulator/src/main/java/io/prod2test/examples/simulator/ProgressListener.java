package io.prod2test.examples.simulator;

/**
 * Told each time a session ends, so that a command line can show progress. Called from the
 * simulator's worker threads, one call at a time; it should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (finished, total) -> {
    };

    /**
     * @param finished sessions finished so far, including this one
     * @param total    sessions in the run
     */
    void sessionFinished(int finished, int total);
}

package io.prod2test.runner;

/**
 * How a set of scenarios is run.
 *
 * @param order  file order (sorted by id) or random
 * @param seed   the seed of the random order, printed so that an order can be replayed
 * @param repeat how many times the whole set runs, 1 or more
 */
public record RunOptions(Order order, long seed, int repeat) {
    /** The order scenarios run in. */
    public enum Order { FILE, RANDOM }

    public RunOptions {
        if (order == null) {
            throw new IllegalArgumentException("run options need an order: file or random");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be 1 or more, was " + repeat);
        }
    }

    /** Once, in file order. */
    public static RunOptions once() {
        return new RunOptions(Order.FILE, 0, 1);
    }
}

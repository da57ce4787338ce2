/**
 * Benchmarks of the hot paths, each run side by side with its reference in one JVM: takes in a
 * data file, puts out throughput per round and the ratio to the reference. Not tests: they assert
 * nothing and run only when asked ({@code scripts/bench}).
 */
package io.prod2test.bench;

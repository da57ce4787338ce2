package io.prod2test.core.ingest.record;

import java.util.Arrays;

/**
 * The first bytes of a body as it streams past, for the log, and how many bytes passed in all.
 * Keeps at most {@code limit} bytes: once a body is larger it will not be recorded anyway, so its
 * bytes are let go at once rather than held for the rest of a long transfer.
 *
 * <p>Synchronized: a request body is read by the HTTP client's own thread while the exchange's
 * thread renders the log line.
 */
final class BodyCapture {
    private final int limit;
    private byte[] bytes = new byte[0];
    private int size;
    private long total;
    private boolean failed;

    BodyCapture(int limit) {
        this.limit = limit;
    }

    synchronized void add(byte[] data, int offset, int length) {
        total += length;
        if (total > limit) {
            bytes = null; // over the limit: only the count matters from here on
            size = 0;
            return;
        }
        if (size + length > bytes.length) {
            // Doubling, capped at the limit: a small JSON body costs a few hundred bytes, not a MiB.
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, Math.max(1024L, bytes.length * 2L))));
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    /** Marks that reading the body failed part way (the sender went away). */
    synchronized void fail() {
        failed = true;
    }

    synchronized boolean failed() {
        return failed;
    }

    /** Bytes seen in all, kept or not. */
    synchronized long total() {
        return total;
    }

    /** Whether every byte seen is kept, i.e. the body is within the limit. */
    synchronized boolean complete() {
        return total <= limit;
    }

    /** The kept bytes; only meaningful when {@link #complete()}. */
    synchronized byte[] bytes() {
        return bytes == null ? new byte[0] : Arrays.copyOf(bytes, size);
    }

    int limit() {
        return limit;
    }
}

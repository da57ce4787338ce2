package io.prod2test.core.ingest.record;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a body through unchanged while a {@link BodyCapture} keeps what it needs for the log. */
final class CapturingInputStream extends FilterInputStream {
    private final BodyCapture capture;

    CapturingInputStream(InputStream in, BodyCapture capture) {
        super(in);
        this.capture = capture;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            capture.fail(); // the client went away mid-upload: the exchange did not happen as a whole
            throw e;
        }
        if (n > 0) {
            capture.add(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the capture; read them instead so the log stays exact.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}

package io.prod2test.core.ingest.record;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The canonical log being written: one line an exchange, appended by many threads at once.
 *
 * <p>Each line goes to the file in a single unbuffered write, under a lock: lines never
 * interleave, and once {@link #append} returns the line is with the operating system, so a crash
 * of the proxy loses no exchange it answered. (Not {@code fsync}ed: that would cost a disk flush a
 * request, and a power cut on a staging box is not worth that.) An existing file is appended to,
 * so a restarted capture continues rather than overwrites.
 */
final class ExchangeLog implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    // A lock, not synchronized: in JDK 21 a virtual thread blocked in synchronized I/O pins its carrier.
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private ExchangeLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    static ExchangeLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean tornLastLine = endsWithoutNewline(file);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (tornLastLine) {
                // A crash mid-line in an earlier run: start on a fresh line so our first record stays readable.
                out.write('\n');
            }
            return new ExchangeLog(file, out);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, file + ": cannot open the log for writing: " + e.getMessage(), e);
        }
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }

    /**
     * Appends one line (without its line break).
     *
     * @return {@code false} when the log is already closed
     * @throws IOException when the write fails (disk full)
     */
    boolean append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            out.write(bytes);
            return true;
        } finally {
            lock.unlock();
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            out.close();
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, file + ": cannot close the log: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

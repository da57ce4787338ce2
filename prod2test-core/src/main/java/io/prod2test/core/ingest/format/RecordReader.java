package io.prod2test.core.ingest.format;

import java.io.IOException;

/** Reads the records of one file in order. Not thread-safe: one reader, one thread. */
public interface RecordReader {
    /** The next record, or {@code null} at the end of the file. Never throws for bad content, only for I/O. */
    ReadRecord next() throws IOException;
}

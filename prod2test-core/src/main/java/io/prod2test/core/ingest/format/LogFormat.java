package io.prod2test.core.ingest.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * One traffic log format that {@code prod2test ingest} reads into canonical exchanges (SPEC §3).
 * Implementations are discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.prod2test.core.ingest.format.LogFormat}).
 *
 * <p>Contract: a format streams — it never holds a whole file in memory beyond what its own
 * structure forces (one HAR entry, one OTLP resource span batch), so that multi-gigabyte inputs
 * run in constant memory. It never throws for bad input: a record it cannot read becomes a
 * {@link ReadRecord.Rejected} naming the line or entry and the reason, and reading goes on where
 * the format allows (a line format resumes at the next line; a truncated JSON document ends with
 * one rejection for the rest). It is stateless; each {@link #open} gives an independent reader.
 */
public interface LogFormat {
    /**
     * The name users pass to {@code --format}: {@code jsonl}, {@code har}, {@code otlp}, {@code nginx-json},
     * {@code combined}, {@code alb}.
     */
    String name();

    /**
     * How likely it is that a file starting with {@code head} (the first bytes, at most 64 KiB,
     * already decompressed) is in this format, from 0 (certainly not) to 1 (certainly).
     * {@code --format auto} picks the highest score above 0.5.
     */
    double sniff(byte[] head, String fileName);

    /** Starts reading; the reader owns nothing but what it reads from {@code in}, which the caller closes. */
    RecordReader open(InputStream in, ReadContext context) throws IOException;
}

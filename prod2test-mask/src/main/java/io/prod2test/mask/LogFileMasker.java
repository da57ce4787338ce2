package io.prod2test.mask;

import io.prod2test.api.CountingInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Masks a canonical log (JSON lines, optionally {@code .gz}) into another file, streaming, one
 * line at a time. Nothing is lost and nothing raw gets out: a line that is not a valid exchange is
 * masked as JSON or as text and written, with its line number and the reason, to a quarantine file
 * beside the output ({@code OUT.quarantine.jsonl}), never to the output itself. The output appears
 * whole or not at all (written to a temporary file, then moved).
 */
public final class LogFileMasker {
    /**
     * What one run did; {@code lines = exchanges + quarantined + blank}.
     *
     * @param lines       lines read
     * @param exchanges   exchanges masked and written
     * @param quarantined lines that were not valid exchanges, masked into the quarantine file
     * @param blank       empty lines, skipped
     * @param bytes       bytes read (compressed size for .gz)
     * @param elapsed     wall time
     * @param quarantine  the quarantine file, or {@code null} when nothing was quarantined
     */
    public record Result(long lines, long exchanges, long quarantined, long blank, long bytes, Duration elapsed, Path quarantine) {
        public Result {
            if (lines != exchanges + quarantined + blank) {
                throw new IllegalArgumentException("every line is an exchange, quarantined or blank: "
                        + lines + " != " + exchanges + " + " + quarantined + " + " + blank);
            }
        }
    }

    private final Masker masker;
    private final boolean streaming;
    /** Lines masked token by token, over all runs: tests check that the fast path is taken. */
    private final java.util.concurrent.atomic.LongAdder streamedLines = new java.util.concurrent.atomic.LongAdder();

    public LogFileMasker(Masker masker) {
        this(masker, true);
    }

    /** @param streaming whether canonical lines take {@link ExchangeStreamer}; {@code false}: every line the reference way */
    LogFileMasker(Masker masker, boolean streaming) {
        this.masker = masker;
        this.streaming = streaming;
    }

    /**
     * Masks {@code in} into {@code out}.
     *
     * <p>A line that is a canonical exchange with its fields in {@code ExchangeJson}'s order (as
     * prod2test and the sample services write them) is masked token by token
     * ({@link ExchangeStreamer}); any other line — fields in another order, values the reader
     * would coerce, lines that are not exchanges — is read into an {@link Exchange}, masked and
     * written the reference way, which is also what the token path's output equals byte for byte.
     *
     * @param bytesRead told the bytes read so far, now and then, for progress
     */
    public Result mask(Path in, Path out, LongConsumer bytesRead) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new Prod2TestException(ErrorCode.USAGE, "IN and OUT are the same file (" + in + "); masking in place would lose the input");
        }
        long started = System.nanoTime();
        Path quarantine = out.resolveSibling(out.getFileName() + ".quarantine.jsonl");
        Path tmpOut = temporary(out);
        Path tmpQuarantine = temporary(quarantine);
        long lines = 0;
        long exchanges = 0;
        long quarantined = 0;
        long blank = 0;
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(in));
             InputStream decompressed = decompressed(in, counting);
             OutputStream writer = writer(tmpOut, out);
             BufferedWriter rejects = Files.newBufferedWriter(tmpQuarantine, StandardCharsets.UTF_8)) {
            ByteLines reader = new ByteLines(decompressed);
            ExchangeStreamer streamer = streaming ? new ExchangeStreamer(masker) : null;
            while (reader.advance()) {
                lines++;
                if (streamer != null && streamed(streamer, reader, lines == 1)) {
                    streamer.writeTo(writer);
                    exchanges++;
                    streamedLines.increment();
                } else {
                    ByteLines.Line next = reader.decode();
                    if (next.text() == null) {
                        // Lossily decoded only to be masked as text; the raw bytes go nowhere.
                        String lossy = new String(next.bytes(), StandardCharsets.UTF_8);
                        rejects.write(quarantineRecord(in, lines, next.invalid(), lossy));
                        rejects.write('\n');
                        quarantined++;
                    } else {
                        String line = next.text();
                        if (lines == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                            line = line.substring(1); // a byte-order mark is not part of the first record
                        }
                        if (line.isBlank()) {
                            blank++;
                        } else {
                            String problem = null;
                            try {
                                Exchange exchange = ExchangeJson.read(line, in.toString(), lines);
                                writer.write(ExchangeJson.write(masker.mask(exchange)).getBytes(StandardCharsets.UTF_8));
                                writer.write('\n');
                                exchanges++;
                            } catch (Prod2TestException e) {
                                problem = e.getMessage();
                            }
                            if (problem != null) {
                                rejects.write(quarantineRecord(in, lines, problem, line));
                                rejects.write('\n');
                                quarantined++;
                            }
                        }
                    }
                }
                if ((lines & 1023) == 0) {
                    bytesRead.accept(counting.count());
                }
            }
            bytesRead.accept(counting.count());
            writer.close();
            rejects.close();
            move(tmpOut, out);
            if (quarantined > 0) {
                move(tmpQuarantine, quarantine);
            } else {
                Files.deleteIfExists(tmpQuarantine);
                Files.deleteIfExists(quarantine);
            }
            return new Result(lines, exchanges, quarantined, blank, counting.count(),
                    Duration.ofNanos(System.nanoTime() - started), quarantined > 0 ? quarantine : null);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot mask " + in + " into " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmpOut);
            deleteQuietly(tmpQuarantine);
        }
    }

    long streamedLines() {
        return streamedLines.sum();
    }

    /** Whether the streamer masked the reader's current line; the first line may start with a byte-order mark. */
    private static boolean streamed(ExchangeStreamer streamer, ByteLines reader, boolean first) {
        byte[] bytes = reader.array();
        int offset = reader.offset();
        int length = reader.length();
        if (first && length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB && bytes[offset + 2] == (byte) 0xBF) {
            offset += 3;
            length -= 3;
        }
        return Utf8.plain(bytes, offset, length) && streamer.mask(bytes, offset, length);
    }

    private String quarantineRecord(Path in, long line, String problem, String raw) {
        ObjectNode record = ExchangeJson.mapper().createObjectNode();
        record.put("file", in.toString());
        record.put("line", line);
        record.put("reason", problem);
        JsonNode json = ExchangeJson.bodyOf(raw);
        // The raw line never leaves: JSON is masked field by field, anything else as text.
        if (json != null && (json.isObject() || json.isArray())) {
            record.set("record", masker.maskJson(json, Location.TEXT));
        } else {
            record.put("record", masker.maskText(raw));
        }
        return ExchangeJson.mapper().valueToTree(record).toString();
    }

    private static InputStream decompressed(Path file, InputStream in) throws IOException {
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static OutputStream writer(Path tmp, Path out) throws IOException {
        OutputStream stream = Files.newOutputStream(tmp);
        if (out.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        return new BufferedOutputStream(stream, 1 << 16);
    }

    private static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless and named as such
        }
    }
}

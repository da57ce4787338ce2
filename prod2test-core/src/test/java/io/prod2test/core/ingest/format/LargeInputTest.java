package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs too big to commit, generated on the fly: 50 MB lines, a line over the 64 MiB limit, and
 * a ~200 MB canonical log streamed through the reader without ever being held.
 */
class LargeInputTest {
    private static final int FIFTY_MB = 50 * 1024 * 1024;

    @Test
    void fiftyMegabyteLinesAreRead() throws IOException {
        // canonical: a 50 MB text body
        String before = JsonlFormatTest.LINE.replace("\"requestBody\":{\"orderId\":812,\"amount\":49.80,\"currency\":\"JPY\"}",
                "\"requestBody\":\"");
        int split = before.indexOf("\"requestBody\":\"") + "\"requestBody\":\"".length();
        assertRead(new JsonlFormat(), before.substring(0, split), before.substring(split).replaceFirst("^", "\""),
                e -> e.exchange().requestBody().textValue().length());
        // nginx JSON: a 50 MB request_body
        assertRead(new NginxJsonFormat(), "{\"time_local\":\"02/Nov/2026:18:14:03 +0900\",\"request\":\"POST /upload HTTP/1.1\","
                + "\"status\":200,\"request_body\":\"", "\"}", e -> e.exchange().requestBody().textValue().length());
        // combined: a 50 MB user agent
        assertRead(new CombinedFormat(), "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5 \"-\" \"", "\"",
                e -> e.exchange().requestHeaders().get("user-agent").length());
    }

    private static void assertRead(LogFormat format, String prefix, String suffix,
            java.util.function.ToIntFunction<ReadRecord.Parsed> bigPart) throws IOException {
        String small = format instanceof CombinedFormat ? Samples.COMBINED : format instanceof NginxJsonFormat ? Samples.NGINX_JSON
                : Samples.JSONL;
        InputStream in = concat(text(small + "\n" + prefix), repeat((byte) 'a', FIFTY_MB), text(suffix + "\n" + small + "\n"));
        RecordReader reader = format.open(in, Reading.context("big.log"));
        ReadRecord first = reader.next();
        ReadRecord big = reader.next();
        ReadRecord last = reader.next();
        assertThat(reader.next()).isNull();
        assertThat(first).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(big).as(format.name()).isInstanceOfSatisfying(ReadRecord.Parsed.class,
                p -> assertThat(bigPart.applyAsInt(p)).isEqualTo(FIFTY_MB));
        assertThat(last).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(last.position().line()).isEqualTo(3);
    }

    @Test
    void aLineOverTheLimitIsRejectedAndReadingGoesOn() throws IOException {
        long length = 3L * LineSource.DEFAULT_MAX_LINE_BYTES + 7; // three times the limit: memory stays at the limit
        InputStream in = concat(text(Samples.JSONL + "\n"), repeat((byte) '{', length), text("\n" + Samples.JSONL));
        RecordReader reader = new JsonlFormat().open(in, Reading.context("huge.jsonl"));
        assertThat(reader.next()).isInstanceOf(ReadRecord.Parsed.class);
        ReadRecord huge = reader.next();
        assertThat(huge).isInstanceOfSatisfying(ReadRecord.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(new Position(2, 2));
            assertThat(r.reason()).isEqualTo("the line is " + length + " bytes long, over the limit of 67108864 bytes; it was skipped");
            assertThat(r.raw()).hasSize(Texts.RAW_LIMIT).matches("\\{+");
        });
        assertThat(reader.next()).isInstanceOfSatisfying(ReadRecord.Parsed.class, p -> assertThat(p.position().line()).isEqualTo(3));
        assertThat(reader.next()).isNull();
    }

    /** About 200 MB of canonical lines, made as they are read: the reader must stream them in constant memory. */
    @Test
    void twoHundredMegabytesStreamThrough() throws IOException {
        long target = 200L * 1024 * 1024;
        GeneratedLog log = new GeneratedLog(target);
        RecordReader reader = new JsonlFormat().open(log, Reading.context("generated.jsonl"));
        long parsed = 0;
        long rejected = 0;
        long lastOrdinal = 0;
        long started = System.nanoTime();
        for (ReadRecord r = reader.next(); r != null; r = reader.next()) {
            assertThat(r.position().ordinal()).isGreaterThan(lastOrdinal);
            lastOrdinal = r.position().ordinal();
            if (r instanceof ReadRecord.Parsed p) {
                parsed++;
                if (parsed % 100_000 == 0) {
                    assertThat(p.exchange().requestBody().get("orderId").asLong()).isEqualTo(parsed);
                }
            } else {
                rejected++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("streamed %d bytes, %d lines in %.1f s (%.0f MB/s), max heap %d MB%n", log.produced, log.lines, seconds,
                log.produced / seconds / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(log.produced).isGreaterThanOrEqualTo(target);
        assertThat(parsed).isEqualTo(log.lines);
        assertThat(rejected).isZero();
    }

    /** Canonical lines with a growing order id, produced on demand. */
    private static final class GeneratedLog extends InputStream {
        private final long target;
        private long produced;
        private long lines;
        private byte[] current = new byte[0];
        private int pos;

        GeneratedLog(long target) {
            this.target = target;
        }

        private boolean refill() {
            if (produced >= target) {
                return false;
            }
            lines++;
            String line = JsonlFormatTest.LINE.replace("\"orderId\":812", "\"orderId\":" + lines)
                    .replace("s-19ab", "s-" + (lines % 5000)) + "\n";
            current = line.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (pos == current.length && !refill()) {
                    break;
                }
                int chunk = Math.min(len - n, current.length - pos);
                System.arraycopy(current, pos, b, off + n, chunk);
                pos += chunk;
                n += chunk;
                produced += chunk;
            }
            return n == 0 ? -1 : n;
        }
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    /** {@code count} copies of one byte, never held. */
    private static InputStream repeat(byte value, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return value & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, value);
                left -= n;
                return n;
            }
        };
    }
}

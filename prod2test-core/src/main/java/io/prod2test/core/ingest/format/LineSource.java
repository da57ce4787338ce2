package io.prod2test.core.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one line reader every line format shares, built for logs nobody checked: it splits bytes
 * on {@code '\n'} (a {@code '\r'} before it is dropped), decodes each line as strict UTF-8 on its
 * own, so that one bad line costs one record and not the file, strips a UTF-8 byte-order mark from
 * the first line, and skips blank lines (they still count in line numbers, so that positions match
 * what an editor shows).
 *
 * <p>Memory stays bounded by the longest line: the line buffer grows by doubling (linear, not
 * quadratic, for a 50 MB line) up to {@link #DEFAULT_MAX_LINE_BYTES}; a longer line is skipped to
 * its end keeping only its first 64 KiB for the rejection, and the buffer shrinks back after a
 * large line so one monster line does not pin memory for the rest of the file.
 */
final class LineSource {
    /** Lines longer than this are rejected without being held: 64 MiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

    private static final int CHUNK = Texts.RAW_LIMIT; // not above the smallest allowed limit: see readLine
    private static final int INITIAL_LINE = 8 * 1024;
    private static final int KEEP_LINE = 1024 * 1024;

    /**
     * One non-blank line: either {@code text} is set, or {@code problem} says why the line is
     * not text (invalid UTF-8, binary, too long) and {@code raw} holds what could be shown of it.
     */
    record Line(long number, String text, String problem, String raw) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private boolean eof;

    private byte[] line = new byte[INITIAL_LINE];
    private int lineLen;
    private long lineBytes;
    private long lineNumber;

    // a line that fits in the chunk is decoded where it lies, without a copy
    private byte[] viewArray;
    private int viewOffset;
    private int viewLength;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    LineSource(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    LineSource(InputStream in, int maxLineBytes) {
        if (maxLineBytes < Texts.RAW_LIMIT) {
            throw new IllegalArgumentException("the line limit must be at least " + Texts.RAW_LIMIT + " bytes");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        while (readLine()) {
            lineNumber++;
            int offset = viewOffset;
            int length = viewLength;
            byte[] bytes = viewArray;
            if (lineBytes > maxLineBytes) {
                return new Line(lineNumber, null, "the line is " + lineBytes + " bytes long, over the limit of "
                        + maxLineBytes + " bytes; it was skipped", Texts.capRaw(bytes, offset, length));
            }
            if (length > 0 && bytes[offset + length - 1] == '\r') {
                length--;
            }
            if (lineNumber == 1 && length >= 3 && (bytes[offset] & 0xff) == 0xef && (bytes[offset + 1] & 0xff) == 0xbb
                    && (bytes[offset + 2] & 0xff) == 0xbf) {
                offset += 3;
                length -= 3;
            }
            if (isBlank(bytes, offset, length)) {
                continue;
            }
            return decode(bytes, offset, length);
        }
        return null;
    }

    private Line decode(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        String text;
        if (ascii) {
            text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        } else {
            ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
            CharBuffer output = CharBuffer.allocate(length);
            decoder.reset();
            CoderResult result = decoder.decode(input, output, true);
            if (!result.isError()) {
                result = decoder.flush(output);
            }
            if (result.isError()) {
                int at = input.position() - offset;
                return new Line(lineNumber, null, "the line is not valid UTF-8: byte 0x"
                        + String.format("%02x", bytes[offset + at] & 0xff) + " at byte " + (at + 1)
                        + " does not fit; the line was skipped", Texts.capRaw(bytes, offset, length));
            }
            output.flip();
            text = output.toString();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return new Line(lineNumber, null, "the line holds binary data: control character 0x"
                        + String.format("%02x", (int) c) + " at column " + (i + 1) + "; the line was skipped",
                        Texts.capRaw(text));
            }
        }
        return new Line(lineNumber, text, null, null);
    }

    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Reads up to the next '\n' or the end; false when there is no line left. */
    private boolean readLine() throws IOException {
        if (line.length > KEEP_LINE) {
            line = new byte[INITIAL_LINE]; // the last line was a big one: let its buffer go
        }
        lineLen = 0;
        lineBytes = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    view(line, 0, lineLen);
                    return true;
                }
            }
            any = true;
            int end = chunkPos;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            int segment = end - chunkPos;
            boolean complete = end < chunkLen;
            if (complete && lineBytes == 0) {
                // the whole line is in the chunk: decode it in place
                lineBytes = segment; // never over the limit: a chunk is smaller than any allowed limit
                view(chunk, chunkPos, segment);
                chunkPos = end + 1;
                return true;
            }
            append(chunkPos, segment);
            chunkPos = complete ? end + 1 : end;
            if (complete) {
                view(line, 0, lineLen);
                return true;
            }
        }
    }

    private void append(int from, int length) {
        lineBytes += length;
        // past the limit only the first RAW_LIMIT bytes are kept, for the rejection
        int room = (lineBytes > maxLineBytes ? Texts.RAW_LIMIT : maxLineBytes) - lineLen;
        int n = Math.max(0, Math.min(length, room));
        if (n == 0) {
            return;
        }
        if (lineLen + n > line.length) {
            long grown = Math.max((long) line.length * 2, lineLen + n);
            byte[] bigger = new byte[(int) Math.min(grown, maxLineBytes)];
            System.arraycopy(line, 0, bigger, 0, lineLen);
            line = bigger;
        }
        System.arraycopy(chunk, from, line, lineLen, n);
        lineLen += n;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, CHUNK);
        while (n == 0) {
            n = in.read(chunk, 0, CHUNK);
        }
        if (n < 0) {
            eof = true;
            chunkPos = 0;
            chunkLen = 0;
            return false;
        }
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    private void view(byte[] array, int offset, int length) {
        viewArray = array;
        viewOffset = offset;
        viewLength = length;
    }

}

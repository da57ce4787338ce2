package io.prod2test.mask;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines as bytes and decodes each one on its own, so that one line of invalid UTF-8 is one
 * bad line, not the end of the file. Lines end at {@code \n}; a trailing {@code \r} is dropped.
 *
 * <p>{@link #advance()} moves to the next line without decoding it: its bytes are
 * {@link #array()}{@code [}{@link #offset()}{@code , +}{@link #length()}{@code )}, in the read buffer
 * itself when the line lies in it, valid until the next call; {@link #decode()} decodes them.
 */
final class ByteLines {
    /** One line: its text, or {@code null} with the reason when it is not valid UTF-8. */
    record Line(String text, String invalid, byte[] bytes) {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private byte[] array;
    private int offset;
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        return advance() ? decode() : null;
    }

    /** Moves to the next line; {@code false} at the end of the input. */
    boolean advance() throws IOException {
        int copied = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return false;
                    }
                    return found(line, 0, copied);
                }
            }
            any = true;
            int start = position;
            int newline = indexOfNewline(buffer, start, limit);
            position = newline < 0 ? limit : newline;
            if (newline >= 0 && copied == 0) {
                position++; // the '\n'
                return found(buffer, start, newline - start); // the whole line is in the buffer
            }
            int chunk = (newline < 0 ? limit : newline) - start;
            if (copied + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, copied + chunk));
            }
            System.arraycopy(buffer, start, line, copied, chunk);
            copied += chunk;
            if (newline >= 0) {
                position++; // the '\n'
                return found(line, 0, copied);
            }
        }
    }

    private boolean found(byte[] bytes, int from, int count) {
        array = bytes;
        offset = from;
        length = count > 0 && bytes[from + count - 1] == '\r' ? count - 1 : count;
        return true;
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** The current line decoded, or its bytes and the reason when it is not valid UTF-8. */
    Line decode() {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(array, offset, length));
            return new Line(chars.toString(), null, null);
        } catch (CharacterCodingException e) {
            return new Line(null, "not valid UTF-8 (" + e.getMessage() + ")", Arrays.copyOfRange(array, offset, offset + length));
        }
    }

    /** The index of the first '\n' in {@code bytes[from, to)}, or -1; eight bytes at a time. */
    private static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long found = (word - ONES) & ~word & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

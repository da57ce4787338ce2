package io.prod2test.mask;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines as bytes and decodes each one on its own, so that one line of invalid UTF-8 is one
 * bad line, not the end of the file. Lines end at {@code \n}; a trailing {@code \r} is dropped.
 */
final class ByteLines {
    /** One line: its text, or {@code null} with the reason when it is not valid UTF-8. */
    record Line(String text, String invalid, byte[] bytes) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? decode(length) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the '\n'
                return decode(length);
            }
        }
    }

    private Line decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, end));
            return new Line(chars.toString(), null, null);
        } catch (CharacterCodingException e) {
            return new Line(null, "not valid UTF-8 (" + e.getMessage() + ")", Arrays.copyOf(line, end));
        }
    }
}

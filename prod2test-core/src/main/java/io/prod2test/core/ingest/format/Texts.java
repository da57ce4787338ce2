package io.prod2test.core.ingest.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small text helpers shared by the readers: capping raw records and quoting values in reasons. */
final class Texts {
    /** The most of a record's text that a {@link ReadRecord.Rejected} keeps (64 KiB of UTF-8). */
    static final int RAW_LIMIT = 64 * 1024;

    /** Values quoted in a reason are cut here: a reason is a message, not a copy of the record. */
    private static final int QUOTE_LIMIT = 60;

    private Texts() {
    }

    /** {@code text} cut to at most {@link #RAW_LIMIT} bytes of UTF-8, never in the middle of a character. */
    static String capRaw(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= RAW_LIMIT / 3) {
            return text; // even at 3 bytes a char it fits; the common case costs nothing
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > RAW_LIMIT) {
                return text.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text;
    }

    /** At most {@link #RAW_LIMIT} bytes decoded leniently (bad bytes become U+FFFD), for records that are not valid text. */
    static String capRaw(byte[] bytes, int offset, int length) {
        int n = Math.min(length, RAW_LIMIT);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(n);
        // endOfInput=false: a character cut at the limit is left out rather than turned into U+FFFD
        decoder.decode(ByteBuffer.wrap(bytes, offset, n), out, n == length);
        out.flip();
        return out.toString();
    }

    /** A value for a reason: JSON-style quoted, control characters escaped, long values shortened. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), QUOTE_LIMIT) + 8).append('"');
        int n = Math.min(value.length(), QUOTE_LIMIT);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (value.length() > n) {
            sb.append("…");
        }
        return sb.append('"').toString();
    }

    /** Null for {@code null}, empty, blank and the log formats' "no value" dash. */
    static String orNull(String value) {
        if (value == null || value.isBlank() || value.equals("-")) {
            return null;
        }
        return value;
    }

    /** The reason for a record that made a reader fail in a way nobody planned for: a bug, reported rather than thrown. */
    static String unexpected(RuntimeException e) {
        return "unexpected problem reading the record (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }
}

package io.prod2test.mask;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of one URL path segment, tolerant of what real logs hold.
 *
 * <p>Production paths carry stray {@code %} signs ({@code /a%zz}, {@code /50%}) and escapes of bytes
 * that are not UTF-8. {@link java.net.URLDecoder} throws on the first and mangles the second; a
 * masker must do neither, because one odd request would otherwise stop a whole file. Here a valid
 * escape decodes, anything else stays as written, and a {@code +} stays a plus sign (in a path it is
 * not a space).
 */
public final class PathSegments {
    private PathSegments() {
    }

    /**
     * The segment with its valid {@code %XX} escapes decoded as UTF-8. Malformed escapes stay literal;
     * when the decoded bytes are not UTF-8 the segment is returned unchanged.
     */
    public static String decode(String segment) {
        int percent = segment.indexOf('%');
        if (percent < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return segment;
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}

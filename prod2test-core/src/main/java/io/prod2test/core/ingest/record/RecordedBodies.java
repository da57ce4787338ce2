package io.prod2test.core.ingest.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prod2test.api.ExchangeJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Turns a captured body into the canonical body of the log (SPEC §3): JSON when it is JSON, a JSON
 * string when it is text, and otherwise a placeholder string
 * {@code "<body of N bytes not recorded: REASON>"}.
 *
 * <p>Why placeholders rather than base64 for binary bodies: the canonical shape has no field that
 * says "this string is base64", so a base64 body would pass for text everywhere downstream; and the
 * masker cannot see personal data inside an image or a PDF, so recording it would let raw personal
 * data out of the secure zone. Bodies over the limit get a placeholder too, never a cut-off prefix,
 * because half a JSON document is neither JSON nor a faithful text. Bodies in {@code gzip} or
 * {@code deflate} content coding are decoded for the log (the client still gets the bytes as sent),
 * as browsers ask for gzip on every request; other codings ({@code br}, {@code zstd}) get a
 * placeholder since the JDK cannot decode them.
 */
final class RecordedBodies {
    private static final Pattern PLACEHOLDER = Pattern.compile("<body of \\d+ bytes not recorded: [^<>]*>");

    private RecordedBodies() {
    }

    /** Whether a logged body is one of the placeholders this class writes. */
    static boolean isPlaceholder(JsonNode body) {
        return body != null && body.isTextual() && PLACEHOLDER.matcher(body.textValue()).matches();
    }

    /** The placeholder for a body that was not recorded, {@code bytes} long (as seen on the wire). */
    static JsonNode placeholder(long bytes, String reason) {
        return TextNode.valueOf("<body of " + bytes + " bytes not recorded: " + reason + ">");
    }

    /**
     * The body for the log, or {@code null} when there was none.
     *
     * @param contentType     the {@code content-type} header, or {@code null}
     * @param contentEncoding the {@code content-encoding} header, or {@code null}
     */
    static JsonNode render(BodyCapture capture, String contentType, String contentEncoding) {
        long total = capture.total();
        if (total == 0) {
            return null;
        }
        int limit = capture.limit();
        if (!capture.complete()) {
            return placeholder(total, "larger than " + limit + " bytes");
        }
        byte[] bytes = capture.bytes();
        String coding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
            if (!(coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate"))) {
                return placeholder(total, "content-encoding " + safe(coding));
            }
            try {
                bytes = decode(bytes, coding, limit);
            } catch (IOException e) {
                return placeholder(total, "content-encoding " + coding + " does not decode");
            }
            if (bytes == null) {
                return placeholder(total, "larger than " + limit + " bytes once decoded");
            }
        }
        String text = text(bytes, contentType);
        if (text == null) {
            String type = mediaType(contentType);
            return placeholder(total, type == null ? "binary" : "binary " + safe(type));
        }
        return body(text, contentType);
    }

    /** Text as the canonical body: parsed when it is JSON, a string otherwise. */
    static JsonNode body(String text, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        char first = firstNonBlank(text);
        // A bare scalar counts as JSON only when the type says so: a text/plain "42" stays text.
        if (type.contains("json") || first == '{' || first == '[') {
            JsonNode node = ExchangeJson.bodyOf(text);
            if (node != null) {
                return node;
            }
        }
        return TextNode.valueOf(text);
    }

    /** The bytes as text, or {@code null} when they are not text in the declared (or UTF-8) charset. */
    private static String text(byte[] bytes, String contentType) {
        String type = mediaType(contentType);
        if (type != null && !isTextual(type)) {
            return null;
        }
        Charset charset = charset(contentType);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null; // declared text that is not: recording mojibake would help nobody
        }
        if (type == null && hasControlCharacters(text)) {
            return null; // no type and valid UTF-8 by chance, but bytes like these are binary
        }
        return text;
    }

    private static byte[] decode(byte[] bytes, String coding, int limit) throws IOException {
        if (coding.equals("deflate")) {
            // "deflate" is zlib-wrapped by the RFC, but some servers send raw deflate: try both.
            try {
                return inflate(bytes, false, limit);
            } catch (IOException notZlib) {
                return inflate(bytes, true, limit);
            }
        }
        return inflate(new GZIPInputStream(new ByteArrayInputStream(bytes)), limit);
    }

    private static byte[] inflate(byte[] bytes, boolean raw, int limit) throws IOException {
        Inflater inflater = new Inflater(raw);
        try {
            return inflate(new InflaterInputStream(new ByteArrayInputStream(bytes), inflater), limit);
        } finally {
            inflater.end(); // a supplied Inflater is not ended by the stream; free its native memory now
        }
    }

    /** Up to {@code limit} decoded bytes; {@code null} when there are more (a zip bomb stops here too). */
    private static byte[] inflate(InputStream in, int limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw new IOException(e);
        }
    }

    /** Media types shown as text: {@code text/*} and the structured text formats APIs use. */
    static boolean isTextual(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.contains("xml")
                || mediaType.contains("javascript") || mediaType.contains("x-www-form-urlencoded")
                || mediaType.contains("graphql") || mediaType.contains("yaml") || mediaType.contains("csv");
    }

    /** The media type without parameters, lower case; {@code null} when none was declared. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                int eq = parameter.indexOf('=');
                if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                    String name = parameter.substring(eq + 1).strip().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8; // an unknown charset: UTF-8 is the web's default
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return true;
            }
        }
        return false;
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    /** A header value fit for the placeholder: a token, no brackets, not too long. */
    private static String safe(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9.+/_-]", "");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}

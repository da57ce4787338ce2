package io.prod2test.core.ingest.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** How captured bodies become the log's bodies: JSON, text, or a placeholder saying why not. */
class RecordedBodiesTest {
    static final int LIMIT = 1024;

    static BodyCapture captured(byte[] bytes) {
        BodyCapture capture = new BodyCapture(LIMIT);
        capture.add(bytes, 0, bytes.length);
        return capture;
    }

    static JsonNode render(String text, String contentType) {
        return RecordedBodies.render(captured(text.getBytes(StandardCharsets.UTF_8)), contentType, null);
    }

    @Test
    void jsonAndTextAreKeptAsTheyWere() {
        assertThat(render("{\"a\":[1,2]}", "application/json; charset=utf-8")).isEqualTo(ExchangeJson.bodyOf("{\"a\":[1,2]}"));
        assertThat(render("[1]", "text/plain")).isEqualTo(ExchangeJson.bodyOf("[1]"));
        assertThat(render("42", "application/problem+json").isNumber()).isTrue();
        assertThat(render("42", "text/plain").textValue()).isEqualTo("42");
        assertThat(render("{not json", "application/json").textValue()).isEqualTo("{not json");
        assertThat(render("a=1&b=2", "application/x-www-form-urlencoded").textValue()).isEqualTo("a=1&b=2");
        assertThat(render("<a>x</a>", null).textValue()).isEqualTo("<a>x</a>");
        assertThat(RecordedBodies.render(new BodyCapture(LIMIT), "application/json", null)).isNull();
    }

    @Test
    void theDeclaredCharsetIsHonouredAndBadTextIsNotRecorded() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RecordedBodies.render(captured(latin1), "text/plain; charset=\"ISO-8859-1\"", null).textValue()).isEqualTo("café");
        assertThat(RecordedBodies.render(captured(latin1), "text/plain", null).textValue())
                .isEqualTo("<body of 4 bytes not recorded: binary text/plain>");
        assertThat(RecordedBodies.render(captured("ok".getBytes(StandardCharsets.UTF_8)), "text/plain; charset=x-unknown", null)
                .textValue()).isEqualTo("ok");
        assertThat(RecordedBodies.render(captured(new byte[] {'a', 0, 'b'}), null, null).textValue())
                .isEqualTo("<body of 3 bytes not recorded: binary>");
    }

    @Test
    void contentCodingsAreDecodedWhereTheJdkCan() throws IOException {
        byte[] json = "{\"zipped\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordedBodies.render(captured(gzip(json)), "application/json", "gzip")).isEqualTo(ExchangeJson.bodyOf("{\"zipped\":true}"));
        assertThat(RecordedBodies.render(captured(deflate(json, false)), "application/json", "deflate"))
                .isEqualTo(ExchangeJson.bodyOf("{\"zipped\":true}"));
        assertThat(RecordedBodies.render(captured(deflate(json, true)), "application/json", "deflate"))
                .isEqualTo(ExchangeJson.bodyOf("{\"zipped\":true}"));
        assertThat(RecordedBodies.render(captured(json), "application/json", "identity")).isEqualTo(ExchangeJson.bodyOf("{\"zipped\":true}"));
        assertThat(RecordedBodies.render(captured(json), "application/json", "br").textValue())
                .isEqualTo("<body of 15 bytes not recorded: content-encoding br>");
        assertThat(RecordedBodies.render(captured(json), "application/json", "gzip").textValue())
                .isEqualTo("<body of 15 bytes not recorded: content-encoding gzip does not decode>");
        byte[] bomb = gzip(new byte[LIMIT * 4]);
        assertThat(RecordedBodies.render(captured(bomb), "text/plain", "gzip").textValue())
                .isEqualTo("<body of " + bomb.length + " bytes not recorded: larger than 1024 bytes once decoded>");
    }

    @Test
    void aBodyOverTheLimitIsCountedButNotKept() {
        BodyCapture capture = new BodyCapture(LIMIT);
        byte[] chunk = new byte[700];
        capture.add(chunk, 0, chunk.length);
        assertThat(capture.complete()).isTrue();
        capture.add(chunk, 0, chunk.length);
        assertThat(capture.complete()).isFalse();
        assertThat(capture.total()).isEqualTo(1400);
        assertThat(capture.bytes()).isEmpty();
        JsonNode body = RecordedBodies.render(capture, "application/json", null);
        assertThat(body.textValue()).isEqualTo("<body of 1400 bytes not recorded: larger than 1024 bytes>");
        assertThat(RecordedBodies.isPlaceholder(body)).isTrue();
        assertThat(RecordedBodies.isPlaceholder(ExchangeJson.bodyOf("\"<b>bold</b>\""))).isFalse();
        assertThat(RecordedBodies.isPlaceholder(null)).isFalse();
    }

    @Test
    void theCapturingStreamSeesEveryByteHoweverItIsRead() throws IOException {
        BodyCapture capture = new BodyCapture(LIMIT);
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (CapturingInputStream in = new CapturingInputStream(new java.io.ByteArrayInputStream(data), capture)) {
            assertThat(in.read()).isEqualTo('0');
            assertThat(in.skip(3)).isEqualTo(3);
            assertThat(in.readAllBytes()).isEqualTo("456789".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.markSupported()).isFalse();
        }
        assertThat(capture.bytes()).isEqualTo(data);
        assertThat(capture.failed()).isFalse();

        BodyCapture broken = new BodyCapture(LIMIT);
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CapturingInputStream(failing, broken).read(new byte[4], 0, 4))
                .isInstanceOf(IOException.class);
        assertThat(broken.failed()).isTrue();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflate.write(bytes);
        }
        return out.toByteArray();
    }
}

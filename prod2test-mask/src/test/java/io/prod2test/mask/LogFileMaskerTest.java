package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.mask.surrogate.MaskingKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileMaskerTest {

    private static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    private static final String EMAIL = "taro.suzuki@example.org";
    private static final String CARD = "5555555555554444";

    private final LogFileMasker masker = new LogFileMasker(Masker.create(MaskingPolicy.defaults(), KEY));

    private static String exchange(String email) {
        return "{\"ts\":\"2026-11-02T09:14:03Z\",\"service\":\"shop\",\"method\":\"POST\",\"path\":\"/customers\","
                + "\"requestBody\":{\"email\":\"" + email + "\",\"card\":\"" + CARD + "\"},\"status\":201}";
    }

    @Test
    void masksEveryExchangeAndQuarantinesWhatIsNotOneWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        byte[] invalidUtf8 = {'{', '"', 'x', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(("\uFEFF" + exchange(EMAIL) + "\r\n").getBytes(StandardCharsets.UTF_8));
        content.write("\n".getBytes(StandardCharsets.UTF_8));
        content.write(("{\"email\":\"" + EMAIL + "\",\"status\":\"oops\"}\n").getBytes(StandardCharsets.UTF_8));
        content.write(("card " + CARD + " and " + EMAIL + " in plain text\n").getBytes(StandardCharsets.UTF_8));
        content.write(invalidUtf8);
        content.write(("\n" + exchange(EMAIL.toUpperCase())).getBytes(StandardCharsets.UTF_8));
        Files.write(in, content.toByteArray());
        Path out = dir.resolve("out.jsonl");

        LogFileMasker.Result result = masker.mask(in, out, bytes -> { });

        assertThat(result.lines()).isEqualTo(6);
        assertThat(result.exchanges()).isEqualTo(2);
        assertThat(result.blank()).isEqualTo(1);
        assertThat(result.quarantined()).isEqualTo(3);
        String masked = Files.readString(out);
        String quarantine = Files.readString(result.quarantine());
        assertThat(masked.lines()).hasSize(2);
        assertThat(masked + quarantine).doesNotContainIgnoringCase(EMAIL).doesNotContain(CARD);
        assertThat(quarantine.lines()).hasSize(3);
        assertThat(quarantine).contains("\"line\":3").contains("\"line\":4").contains("\"line\":5")
                .contains("field 'status'").contains("not valid UTF-8");
    }

    @Test
    void readsAndWritesGzip(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write((exchange(EMAIL) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out.jsonl.gz");

        LogFileMasker.Result result = masker.mask(in, out, bytes -> { });

        assertThat(result.exchanges()).isEqualTo(1);
        assertThat(result.quarantine()).isNull();
        try (GZIPInputStream gz = new GZIPInputStream(Files.newInputStream(out))) {
            String text = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\"ts\":").doesNotContain(EMAIL);
        }
    }

    @Test
    void refusesToMaskAFileIntoItself(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, exchange(EMAIL));

        assertThatThrownBy(() -> masker.mask(in, dir.resolve("./in.jsonl"), b -> { })).hasMessageContaining("same file");
        assertThat(in).hasContent(exchange(EMAIL));
    }

    @Test
    void leavesNoPartialOutputWhenTheInputIsMissing(@TempDir Path dir) {
        Path out = dir.resolve("out.jsonl");

        assertThatThrownBy(() -> masker.mask(dir.resolve("missing.jsonl"), out, b -> { })).hasMessageContaining("missing.jsonl");
        assertThat(dir).isEmptyDirectory();
    }
}

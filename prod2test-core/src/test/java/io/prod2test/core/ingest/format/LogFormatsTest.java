package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatsTest {
    private final LogFormats formats = LogFormats.standard();

    @Test
    void theServiceFileRegistersEveryFormat() {
        assertThat(formats.names()).containsExactly("jsonl", "har", "otlp", "nginx-json", "combined", "alb");
        assertThat(formats.all()).hasSize(6);
        assertThat(formats.byName("HAR")).isInstanceOf(HarFormat.class);
        assertThat(formats.byName(" nginx-json ")).isInstanceOf(NginxJsonFormat.class);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> formats.byName("xml"))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("unknown log format 'xml': use --format with one of auto, jsonl, har, otlp, nginx-json, combined, alb");
        assertThatThrownBy(() -> LogFormats.of(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "shared, apache-combined-10k.log, combined",
        "shared, har/charles.har, har",
        "shared, har/chrome.har, har",
        "shared, har/firefox.har, har",
        "shared, har/insomnia.har, har",
        "shared, har/postdata.har, har",
        "shared, har/with-bom.har, har",
        "shared, har/broken.har, har",
        "fixture, alb-access.log, alb",
        "fixture, nginx-json.log, nginx-json",
        "fixture, otlp-traces.jsonl, otlp",
        "fixture, otlp-trace.json, otlp"})
    void everyFileIsRecognised(String where, String name, String expected) throws IOException {
        Path file = where.equals("shared") ? Reading.shared(name) : Reading.fixture(name);
        byte[] head;
        try (InputStream in = SourceFiles.openDecompressed(file)) {
            head = LogFormats.head(in);
        }
        assertThat(formats.sniff(head, file.getFileName().toString()).name()).isEqualTo(expected);
    }

    @Test
    void canonicalAndGzippedFilesAreRecognised(@TempDir Path dir) throws IOException {
        assertThat(formats.sniff(bytes(Samples.JSONL + "\n" + Samples.JSONL + "\n"), "payments.jsonl").name()).isEqualTo("jsonl");
        Path gz = dir.resolve("alb-access.log.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Reading.fixture("alb-access.log")));
        }
        try (InputStream in = SourceFiles.openDecompressed(gz)) {
            assertThat(formats.sniff(LogFormats.head(in), gz.getFileName().toString()).name()).isEqualTo("alb");
        }
        // a head cut in the middle of a line: the partial last line is not held against the format
        StringBuilder big = new StringBuilder();
        while (big.length() < LogFormats.HEAD_BYTES + 1000) {
            big.append(Samples.COMBINED).append('\n');
        }
        byte[] head = LogFormats.head(new ByteArrayInputStream(bytes(big.toString())));
        assertThat(head).hasSize(LogFormats.HEAD_BYTES);
        assertThat(new CombinedFormat().sniff(head, "access.log")).isEqualTo(0.9);
    }

    @Test
    void aFirstLineLongerThanTheHeadIsJudgedByItsKeys() throws IOException {
        String big = "x".repeat(200_000);
        String jsonl = Samples.JSONL.replace("\"currency\":\"JPY\"", "\"currency\":\"" + big + "\"");
        String nginx = Samples.NGINX_JSON.replace("\"status\":201,", "\"status\":201,\"request_body\":\"" + big + "\",");
        assertThat(formats.sniff(LogFormats.head(new ByteArrayInputStream(bytes(jsonl + "\n"))), "big.jsonl").name()).isEqualTo("jsonl");
        assertThat(formats.sniff(LogFormats.head(new ByteArrayInputStream(bytes(nginx + "\n"))), "big.log").name()).isEqualTo("nginx-json");
        assertThatThrownBy(() -> formats.sniff(LogFormats.head(new ByteArrayInputStream(bytes(big))), "x.log"))
                .hasMessageContaining("no format matched");
    }

    @Test
    void aRandomTextFileIsRefusedNamingTheFormatsTried() {
        assertThatThrownBy(() -> formats.sniff(bytes("Dear diary,\ntoday I read the logs.\n"), "notes.txt"))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("notes.txt: cannot tell the log format, no format matched its first lines (tried jsonl 0.00, har 0.00, "
                        + "otlp 0.00, nginx-json 0.00, combined 0.00, alb 0.00); use --format jsonl|har|otlp|nginx-json|combined|alb");
        assertThatThrownBy(() -> formats.sniff(new byte[0], "empty.log")).hasMessageContaining("empty.log: cannot tell the log format, it is empty");
        assertThatThrownBy(() -> formats.sniff(bytes("{\"hello\":\"world\"}\n"), null)).hasMessageStartingWith("<input>: cannot tell");
    }

    @Test
    void mixedFilesScoreBelowTheThreshold() {
        String half = Samples.COMBINED + "\nnot a log line\nneither is this\n";
        assertThatThrownBy(() -> formats.sniff(bytes(half), "mixed.log")).hasMessageContaining("combined 0.30");
        // a sniffer that fails counts as not recognising the file
        LogFormat broken = new LogFormat() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double sniff(byte[] head, String fileName) {
                throw new IllegalStateException("boom");
            }

            @Override
            public RecordReader open(InputStream in, ReadContext context) {
                return null;
            }
        };
        LogFormats custom = LogFormats.of(List.of(broken, new CombinedFormat()));
        assertThat(custom.sniff(bytes(Samples.COMBINED), "a.log").name()).isEqualTo("combined");
    }

    @Test
    void headReadsAtMost64KiB() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[100_000]);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertThat(LogFormats.head(in)).hasSize(65_536);
        assertThat(in.available()).isEqualTo(100_000 - 65_536);
        assertThat(LogFormats.head(new ByteArrayInputStream(new byte[3]))).hasSize(3);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

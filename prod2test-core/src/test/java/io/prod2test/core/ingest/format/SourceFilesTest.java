package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
    @TempDir
    Path dir;

    @Test
    void foldersExpandRecursivelyInSortedOrderWithoutHiddenFiles() throws IOException {
        Path b = write("logs/b.log", "b");
        Path a = write("logs/a.log", "a");
        Path nested = write("logs/z/2026-11-01.log.gz", "n");
        write("logs/.hidden.log", "h");
        write("logs/.git/objects/x", "x");
        Path single = write("single.har", "{}");

        List<Path> files = SourceFiles.expand(List.of(dir.resolve("logs"), single, a));

        assertThat(files).containsExactly(abs(a), abs(b), abs(nested), abs(single));
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.log");
        assertThatThrownBy(() -> SourceFiles.expand(List.of(missing)))
                .isInstanceOfSatisfying(Prod2TestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(missing + ": no such file or folder");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() throws IOException {
        Path plain = write("plain.log.gz", "not compressed\n");
        Path rotated = dir.resolve("access.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rotated))) {
            out.write("member one\n".getBytes(StandardCharsets.UTF_8));
        }
        // a second gzip member appended, as `cat a.gz b.gz` or logrotate with delaycompress can leave
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rotated, java.nio.file.StandardOpenOption.APPEND))) {
            out.write("member two\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(plain)).isEqualTo("not compressed\n");
        assertThat(read(rotated)).isEqualTo("member one\nmember two\n");
        assertThat(SourceFiles.isGzip(rotated)).isTrue();
        assertThat(SourceFiles.isGzip(plain)).isFalse();
        assertThat(read(write("empty.log", ""))).isEmpty();
        assertThat(read(write("one.log", "x"))).isEqualTo("x");

        InputStream unmarkable = new java.io.FilterInputStream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };
        try (InputStream in = SourceFiles.decompressed(unmarkable)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
        }
    }

    @Test
    void aGzippedLogReadsLikeThePlainOne() throws IOException {
        Path gz = dir.resolve("nginx-json.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Reading.fixture("nginx-json.log")));
        }
        assertThat(Reading.read(new NginxJsonFormat(), gz)).isEqualTo(Reading.read(new NginxJsonFormat(), Reading.fixture("nginx-json.log")));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = SourceFiles.openDecompressed(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

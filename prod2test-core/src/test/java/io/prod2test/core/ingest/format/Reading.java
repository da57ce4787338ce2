package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read a whole input with a format, and find the shared sample data. */
final class Reading {
    /** The shared sample data, beside the repository: {@code ../../shared/data} from the module folder. */
    static final Path SHARED = Path.of("../../shared/data");

    private Reading() {
    }

    /** A file of the shared sample data; fails with a clear message when the folder is not there. */
    static Path shared(String name) {
        Path file = SHARED.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("the shared sample data is missing: expected " + file.toAbsolutePath().normalize()
                    + " (the folder shared/data beside the repository, see shared/data/README.md)");
        }
        return file;
    }

    /** A test resource under src/test/resources/ingest. */
    static Path fixture(String name) {
        Path file = Path.of("src/test/resources/ingest").resolve(name);
        assertThat(file).as("test fixture").isRegularFile();
        return file;
    }

    static ReadContext context(String file) {
        return new ReadContext(file, null, null);
    }

    static List<ReadRecord> read(LogFormat format, Path file) {
        try (InputStream in = SourceFiles.openDecompressed(file)) {
            return read(format, in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReadRecord> read(LogFormat format, String text) {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ReadRecord> read(LogFormat format, byte[] bytes) {
        return read(format, new ByteArrayInputStream(bytes), "test.log");
    }

    static List<ReadRecord> read(LogFormat format, InputStream in, String name) {
        try {
            RecordReader reader = format.open(in, context(name));
            List<ReadRecord> records = new ArrayList<>();
            long last = 0;
            for (ReadRecord r = reader.next(); r != null; r = reader.next()) {
                assertThat(r.position().ordinal()).as("ordinals increase strictly").isGreaterThan(last);
                last = r.position().ordinal();
                records.add(r);
            }
            assertThat(reader.next()).as("a finished reader stays finished").isNull();
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReadRecord.Parsed> parsed(List<ReadRecord> records) {
        return records.stream().filter(ReadRecord.Parsed.class::isInstance).map(ReadRecord.Parsed.class::cast).toList();
    }

    static List<ReadRecord.Rejected> rejected(List<ReadRecord> records) {
        return records.stream().filter(ReadRecord.Rejected.class::isInstance).map(ReadRecord.Rejected.class::cast).toList();
    }
}

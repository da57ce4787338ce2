package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bad-input corpus built line by line, each line with what it must give: nothing (blank), a
 * parsed record, or a rejection whose reason starts with a given text. {@link #check} reads it
 * with a format and compares record by record, so counts and positions are exact.
 */
final class Corpus {
    private record Line(byte[] bytes, String expect) {
    }

    static final String PARSED = "<parsed>";

    private final List<Line> lines = new ArrayList<>();
    private boolean finalNewline = true;

    Corpus parsed(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8), PARSED);
    }

    Corpus parsed(byte[] bytes) {
        return add(bytes, PARSED);
    }

    Corpus rejected(String text, String reasonStart) {
        return add(text.getBytes(StandardCharsets.UTF_8), reasonStart);
    }

    Corpus rejected(byte[] bytes, String reasonStart) {
        return add(bytes, reasonStart);
    }

    Corpus blank(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The last line ends without a newline. */
    Corpus noFinalNewline() {
        finalNewline = false;
        return this;
    }

    private Corpus add(byte[] bytes, String expect) {
        lines.add(new Line(bytes, expect));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i).bytes());
            if (i < lines.size() - 1 || finalNewline) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    long count(String kind) {
        return lines.stream().filter(l -> kind == null ? l.expect() == null
                : kind.equals(PARSED) ? PARSED.equals(l.expect()) : l.expect() != null && !PARSED.equals(l.expect())).count();
    }

    /** Reads the corpus and checks every record against its line; returns the records. */
    List<ReadRecord> check(LogFormat format) {
        List<ReadRecord> records = Reading.read(format, bytes());
        List<Integer> expectedLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).expect() != null) {
                expectedLines.add(i + 1);
            }
        }
        assertThat(records).extracting(r -> (int) r.position().line()).as("records by line").containsExactlyElementsOf(expectedLines);
        for (ReadRecord record : records) {
            Line line = lines.get((int) record.position().line() - 1);
            if (PARSED.equals(line.expect())) {
                assertThat(record).as("line %d", record.position().line()).isInstanceOf(ReadRecord.Parsed.class);
            } else {
                assertThat(record).as("line %d", record.position().line()).isInstanceOfSatisfying(ReadRecord.Rejected.class,
                        r -> assertThat(r.reason()).as("line %d", r.position().line()).startsWith(line.expect()));
            }
        }
        return records;
    }
}

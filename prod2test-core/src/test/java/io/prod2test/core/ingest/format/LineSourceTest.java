package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    @Test
    void splitsOnNewlinesDropsCrAndBlankLinesButCountsThem() throws IOException {
        List<LineSource.Line> lines = all(new LineSource(in("a\r\n\r\nb\n   \n\tc\t\nd")));
        assertThat(lines).extracting(LineSource.Line::number).containsExactly(1L, 3L, 5L, 6L);
        assertThat(lines).extracting(LineSource.Line::text).containsExactly("a", "b", "\tc\t", "d");
        assertThat(all(new LineSource(in("")))).isEmpty();
        assertThat(all(new LineSource(in("\n")))).isEmpty();
    }

    @Test
    void bomOnlyOnTheFirstLine() throws IOException {
        List<LineSource.Line> lines = all(new LineSource(in("\uFEFFa\n\uFEFFb\n")));
        assertThat(lines).extracting(LineSource.Line::text).containsExactly("a", "\uFEFFb");
    }

    @Test
    void badTextIsReportedPerLine() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xe3, (byte) 0x81, '\n', (byte) 0xc3, '\n', 'x', '\r', 'y', '\n', 'z', 0x7f, '\n',
            (byte) 0xe5, (byte) 0xb1, (byte) 0xb1, '\n'};
        List<LineSource.Line> lines = all(new LineSource(new ByteArrayInputStream(bytes)));
        assertThat(lines).extracting(l -> l.text() != null ? "text " + l.text() : l.problem()).containsExactly(
                "text ok",
                "the line is not valid UTF-8: byte 0xe3 at byte 2 does not fit; the line was skipped",
                "the line is not valid UTF-8: byte 0xc3 at byte 1 does not fit; the line was skipped",
                "the line holds binary data: control character 0x0d at column 2; the line was skipped",
                "the line holds binary data: control character 0x7f at column 2; the line was skipped",
                "text 山");
        assertThat(lines.get(1).raw()).isEqualTo("a\uFFFD");
    }

    @Test
    void linesOverTheLimitAreSkippedKeepingTheirStart() throws IOException {
        int limit = Texts.RAW_LIMIT * 2;
        String longLine = "x".repeat(limit + 1);
        String atLimit = "y".repeat(limit);
        List<LineSource.Line> lines = all(new LineSource(in(longLine + "\n" + atLimit + "\nafter\n" + longLine), limit));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).problem()).isEqualTo("the line is " + (limit + 1) + " bytes long, over the limit of " + limit
                + " bytes; it was skipped");
        assertThat(lines.get(0).raw()).hasSize(Texts.RAW_LIMIT);
        assertThat(lines.get(1).text()).isEqualTo(atLimit);
        assertThat(lines.get(2).text()).isEqualTo("after");
        assertThat(lines.get(3).problem()).startsWith("the line is " + (limit + 1) + " bytes long");
        assertThat(lines).extracting(LineSource.Line::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void rawIsCappedWithoutCuttingACharacter() throws IOException {
        String text = "\u0001" + "山".repeat(Texts.RAW_LIMIT); // 3 bytes a character: far over the cap
        LineSource.Line line = new LineSource(in(text)).next();
        assertThat(line.problem()).startsWith("the line holds binary data");
        assertThat(line.raw().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Texts.RAW_LIMIT);
        assertThat(line.raw()).endsWith("山");
        assertThat(Texts.capRaw(new byte[] {'a', (byte) 0xe5, (byte) 0xb1}, 0, 3)).isEqualTo("a\uFFFD");
    }

    /** Random lines, random read sizes: the same lines as a plain split, whatever the chunking. */
    @Test
    void anyChunkingGivesTheSameLines() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<String> expected = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(300_000) : random.nextInt(200);
                StringBuilder line = new StringBuilder(length);
                for (int j = 0; j < length; j++) {
                    line.append(random.nextInt(20) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
                }
                expected.add(line.toString());
                out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                out.write(random.nextBoolean() ? '\n' : '\r');
                if (random.nextBoolean() || i == count - 1) {
                    if (out.toByteArray()[out.size() - 1] == '\r') {
                        out.write('\n');
                    }
                } else if (out.toByteArray()[out.size() - 1] == '\r') {
                    out.write('\n');
                }
            }
            List<String> got = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            LineSource source = new LineSource(new Trickle(new ByteArrayInputStream(out.toByteArray()), random));
            for (LineSource.Line l = source.next(); l != null; l = source.next()) {
                got.add(l.text());
                numbers.add(l.number());
            }
            List<String> nonBlank = expected.stream().filter(s -> !s.isEmpty()).toList();
            assertThat(got).isEqualTo(nonBlank);
        }
    }

    @Test
    void theLimitMustLeaveRoomForTheRaw() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LineSource(in(""), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LineSource.Line> all(LineSource source) throws IOException {
        List<LineSource.Line> lines = new ArrayList<>();
        for (LineSource.Line line = source.next(); line != null; line = source.next()) {
            lines.add(line);
        }
        assertThat(source.next()).isNull();
        return lines;
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out bytes in random small pieces, sometimes none, as sockets and pipes do. */
    static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(InputStream in, Random random) {
            super(in);
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(Math.min(len, 100_000));
            return n == 0 ? 0 : super.read(b, off, Math.min(n, len));
        }
    }
}

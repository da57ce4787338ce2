package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token path of {@link LogFileMasker} ({@link ExchangeStreamer}) must write, for every valid
 * line, byte for byte what the reference way writes: {@code ExchangeJson.read}, {@link
 * Masker#mask(Exchange)}, {@code ExchangeJson.write}. Checked line by line against that way run
 * here on its own, on generated traffic with every kind of value and the JSON edge cases (and a
 * share of lines the fast path must hand back), and on the demo's production logs when a demo
 * has been run ({@code prod2test demo --out /tmp/demo-default}, or {@code -Dprod2test.demoLogs=DIR}).
 * Also: the whole run — output, quarantine, counts and privacy report — equals a run with the
 * token path switched off.
 */
class StreamingMaskTest {
    private static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    private static final Path DEMO_LOGS = Path.of(System.getProperty("prod2test.demoLogs", "/tmp/demo-default/production/logs"));

    private static Masker masker() {
        return Masker.create(MaskingPolicy.defaults(), KEY);
    }

    @Test
    void generatedTrafficMasksAsTheReferenceWayLineByLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("traffic.jsonl");
        Files.write(in, new Traffic(20261121L).file(6000));

        Reference reference = reference(in);
        LogFileMasker streaming = new LogFileMasker(masker());
        LogFileMasker.Result result = streaming.mask(in, dir.resolve("out.jsonl"), bytes -> { });

        assertSameLines(Files.readAllBytes(dir.resolve("out.jsonl")), reference.lines);
        assertThat(result.exchanges()).isEqualTo(reference.lines.size());
        assertThat(result.quarantined()).isEqualTo(reference.quarantined);
        // the fast path takes the canonical lines, the reference way the rest
        assertThat(streaming.streamedLines()).isBetween(result.lines() * 6 / 10, result.exchanges() - 1);
    }

    @Test
    void aRunWithTheTokenPathEqualsOneWithout(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("traffic.jsonl");
        Files.write(in, new Traffic(7L).file(3000));
        Masker fast = masker();
        Masker slow = masker();

        LogFileMasker.Result streamed = new LogFileMasker(fast).mask(in, dir.resolve("fast.jsonl"), bytes -> { });
        LogFileMasker.Result reference = new LogFileMasker(slow, false).mask(in, dir.resolve("slow.jsonl"), bytes -> { });

        assertSameLines(Files.readAllBytes(dir.resolve("fast.jsonl")), splitLines(Files.readAllBytes(dir.resolve("slow.jsonl"))));
        assertSameLines(Files.readAllBytes(streamed.quarantine()), splitLines(Files.readAllBytes(reference.quarantine())));
        assertThat(List.of(streamed.lines(), streamed.exchanges(), streamed.quarantined(), streamed.blank(), streamed.bytes()))
                .isEqualTo(List.of(reference.lines(), reference.exchanges(), reference.quarantined(), reference.blank(), reference.bytes()));
        assertThat(normalised(fast.report())).isEqualTo(normalised(slow.report()));
        assertThat(fast.report().total()).isPositive();
    }

    @Test
    void theDemoLogsMaskAsTheReferenceWayLineByLine(@TempDir Path dir) throws IOException {
        assumeThat(Files.isDirectory(DEMO_LOGS)).as("no demo logs at %s (run prod2test demo --out /tmp/demo-default)", DEMO_LOGS).isTrue();
        List<Path> logs;
        try (Stream<Path> files = Files.list(DEMO_LOGS)) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assumeThat(logs).isNotEmpty();
        for (Path log : logs) {
            Reference reference = reference(log);
            Masker masker = masker();
            LogFileMasker streaming = new LogFileMasker(masker);
            Path out = dir.resolve(log.getFileName());
            LogFileMasker.Result result = streaming.mask(log, out, bytes -> { });

            assertSameLines(Files.readAllBytes(out), reference.lines);
            assertThat(result.quarantined()).isEqualTo(reference.quarantined);
            if (reference.quarantined == 0) {
                assertThat(masker.report().entries()).as("report for %s", log)
                        .containsExactlyInAnyOrderElementsOf(reference.masker.report().entries());
            }
            assertThat(streaming.streamedLines()).as("lines of %s on the token path", log).isGreaterThan(result.exchanges() * 9 / 10);
        }
    }

    /**
     * The report, with the array indexes taken out of the sources of body rules: a memo entry
     * names the path where it was first computed since the memo last forgot, so after the memo
     * fills up and is cleared, {@code $[0].password} and {@code $[1].password} may share their
     * counts differently; the counts per rule and kind are the same.
     */
    private static java.util.Map<String, Long> normalised(MaskingReport report) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (MaskingReport.Entry entry : report.entries()) {
            out.merge(entry.source().replaceAll("\\[\\d+]", "[]") + " / " + entry.kind(), entry.count(), Long::sum);
        }
        return out;
    }

    /** The reference way, line by line: what {@code LogFileMasker} wrote before the token path. */
    private record Reference(List<byte[]> lines, long quarantined, Masker masker) {
    }

    private static Reference reference(Path file) throws IOException {
        Masker masker = masker();
        List<byte[]> out = new ArrayList<>();
        long quarantined = 0;
        long number = 0;
        for (byte[] raw : splitLines(Files.readAllBytes(file))) {
            number++;
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                quarantined++;
                continue;
            }
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                Exchange exchange = ExchangeJson.read(line, file.toString(), number);
                out.add(ExchangeJson.write(masker.mask(exchange)).getBytes(StandardCharsets.UTF_8));
            } catch (Prod2TestException e) {
                quarantined++;
            }
        }
        return new Reference(out, quarantined, masker);
    }

    /** Lines as ByteLines reads them: split at '\n', a trailing '\r' dropped, no empty last line. */
    private static List<byte[]> splitLines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i == content.length && start == i) {
                    break;
                }
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(content, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static void assertSameLines(byte[] output, List<byte[]> expected) {
        List<byte[]> actual = splitLines(output);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(actual.get(i), expected.get(i))) {
                assertThat(new String(actual.get(i), StandardCharsets.UTF_8)).as("output line %d", i + 1)
                        .isEqualTo(new String(expected.get(i), StandardCharsets.UTF_8));
                assertThat(actual.get(i)).as("output line %d, bytes", i + 1).isEqualTo(expected.get(i));
            }
        }
    }
}

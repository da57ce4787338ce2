package io.prod2test.core.ingest.format;

import static io.prod2test.core.ingest.format.Reading.parsed;
import static io.prod2test.core.ingest.format.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same bad-input corpus for every line format: BOM, CRLF, blank lines, a truncated record,
 * invalid UTF-8, binary garbage, control characters, a line that is no record, an empty file, and
 * a last line without its newline. Each format must count it to the record.
 */
class LineFormatsCorpusTest {
    static Stream<Arguments> formats() {
        return Samples.LINE_FORMATS.stream().map(a -> Arguments.of(((LogFormat) a[0]).name(), a[0], a[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void sameCorpusForEveryLineFormat(String name, LogFormat format, String valid) {
        byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = Arrays.copyOf(validBytes, validBytes.length);
        invalidUtf8[validBytes.length / 2] = (byte) 0xC3;
        invalidUtf8[validBytes.length / 2 + 1] = 0x28;
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', '\r', 0x1a, 0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R', (byte) 0xff};
        Corpus corpus = new Corpus()
                .parsed(("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8))
                .parsed(valid + "\r")
                .blank("")
                .rejected(valid.substring(0, valid.length() / 2), "")
                .rejected(invalidUtf8, "the line is not valid UTF-8: byte 0xc3 at byte " + (validBytes.length / 2 + 1))
                .rejected(garbage, "the line is not valid UTF-8: byte 0x89 at byte 1")
                .rejected("\u0001\u0002 control \u001b[31m", "the line holds binary data: control character 0x01 at column 1")
                .blank(" \t ")
                .rejected("this is not a log line", "")
                .parsed(valid)
                .noFinalNewline();

        List<ReadRecord> records = corpus.check(format);

        assertThat(parsed(records)).hasSize(3);
        assertThat(rejected(records)).hasSize(5);
        assertThat(parsed(records)).extracting(p -> p.exchange()).allSatisfy(e -> assertThat(e).isEqualTo(
                parsed(records).get(0).exchange()));
        assertThat(rejected(records)).allSatisfy(r -> assertThat(r.raw().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Texts.RAW_LIMIT));
        assertThat(Reading.read(format, new byte[0])).as("empty file").isEmpty();
        assertThat(Reading.read(format, "\n\r\n\n")).as("only line breaks").isEmpty();
        assertThat(Reading.read(format, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})).as("only a BOM").isEmpty();
    }
}

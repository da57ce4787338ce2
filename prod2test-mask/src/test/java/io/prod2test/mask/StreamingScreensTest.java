package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.ExchangeJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cheap checks the token path relies on agree with what they stand in for. */
class StreamingScreensTest {

    /** {@link Utf8#plain} accepts only what the JDK's strict decoder accepts, and all of it when no escaped surrogate is in the way. */
    @Test
    void utf8ScreenAgreesWithTheJdkDecoder() {
        Random random = new Random(11);
        byte[][] pieces = {
            {'a'}, {'\\'}, {'\\', 'u', 'd', '8', '0', '0'}, {'\\', 'u', 'D', 'F', 'F', 'F'}, {'\\', '\\', 'u', 'd', '8'}, {'\\', 'u', '0', '0', 'e', '9'},
            {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE3, (byte) 0x81, (byte) 0x82},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF5, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "abcdefgh".getBytes(),
            {0}, {0x7F}
        };
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int k = random.nextInt(12); k >= 0; k--) {
                    out.writeBytes(pieces[random.nextInt(pieces.length)]);
                }
                bytes = out.toByteArray();
            } else {
                bytes = new byte[random.nextInt(24)];
                random.nextBytes(bytes);
            }
            int offset = bytes.length > 0 ? random.nextInt(Math.min(3, bytes.length)) : 0;
            int length = bytes.length - offset;
            boolean decodes = decodes(bytes, offset, length);
            boolean escapedSurrogate = new String(bytes, offset, length, StandardCharsets.ISO_8859_1).toLowerCase()
                    .matches("(?s).*\\\\u[d][89a-f].*");
            boolean plain = Utf8.plain(bytes, offset, length);
            if (plain) {
                assertThat(decodes).as("plain but not decodable: %s", Arrays.toString(bytes)).isTrue();
            } else if (!escapedSurrogate) {
                assertThat(decodes).as("decodable but not plain: %s", Arrays.toString(bytes)).isFalse();
            }
        }
    }

    private static boolean decodes(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-02T09:14:03Z", "2026-11-02T09:14:03.120Z", "2026-11-02T09:14:03.000001Z", "2026-11-02T09:14:03.123456789Z",
        "2024-02-29T23:59:59Z", "1999-12-31T00:00:00.100Z", "9999-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z"})
    void canonicalTimestampsAreWrittenBackAsTheyAre(String text) {
        assertThat(Timestamps.canonical(text.toCharArray(), 0, text.length())).isTrue();
        assertThat(Instant.parse(text).toString()).isEqualTo(text);
        assertThat(ExchangeJson.mapper().convertValue(text, Instant.class).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-02T09:14:03.000Z", "2026-11-02T09:14:03.5Z", "2026-11-02T09:14:03.123000Z", "2026-11-02T09:14:03.120000000Z",
        "2026-11-02T18:14:03+09:00", "2026-11-02t09:14:03z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-02T23:59:60Z",
        "2026-11-02T24:00:00Z", " 2026-11-02T09:14:03Z", "0999-01-01T00:00:00Z", "2026-13-02T09:14:03Z", "2026-11-02T09:14Z", "1770000000",
        "2026-11-02 09:14:03Z", "+2026-11-02T09:14:03Z", "2026-11-02T09:14:03.1234Z", ""})
    void otherTimestampsGoTheReferenceWay(String text) {
        assertThat(Timestamps.canonical(text.toCharArray(), 0, text.length())).isFalse();
    }

    /** Random timestamps: whenever the screen says canonical, the reference way reads and writes the text unchanged. */
    @Test
    void theTimestampScreenNeverAcceptsWhatWouldChange() {
        Random random = new Random(3);
        String digits = "0123456789";
        for (int i = 0; i < 100_000; i++) {
            char[] text = "2026-11-02T09:14:03.123456789Z".toCharArray();
            int length = new int[] {20, 24, 27, 30}[random.nextInt(4)];
            for (int k = 0; k < length - 1; k++) {
                if (Character.isDigit(text[k]) && random.nextInt(3) == 0) {
                    text[k] = digits.charAt(random.nextInt(10));
                }
            }
            text[length - 1] = 'Z';
            String candidate = new String(text, 0, length);
            if (Timestamps.canonical(text, 0, length)) {
                assertThat(Instant.parse(candidate).toString()).isEqualTo(candidate);
            } else {
                try {
                    String written = Instant.parse(candidate).toString();
                    assertThat(written.equals(candidate) && candidate.compareTo("1000") >= 0 && !candidate.contains("T23:59:60"))
                            .as("canonical but refused: %s", candidate).isFalse();
                } catch (DateTimeParseException e) {
                    // invalid: the reference way refuses it too
                }
            }
        }
    }

    /** The line reader splits as before: at '\n', '\r' dropped before it, across its read buffer. */
    @Test
    void byteLinesSplitsLinesAcrossBufferBoundaries() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            List<String> expected = new ArrayList<>();
            int lines = random.nextInt(40);
            for (int i = 0; i < lines; i++) {
                String line = "x".repeat(random.nextInt(round % 5 == 0 ? 70_000 : 30)) + (random.nextBoolean() ? "é" : "");
                expected.add(line);
                text.append(line).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean()) {
                expected.add("last");
                text.append("last");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            InputStream in = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1 + random.nextInt(100_000))); // short reads, as streams do
                }
            };
            ByteLines reader = new ByteLines(in);
            List<String> actual = new ArrayList<>();
            while (reader.advance()) {
                actual.add(new String(reader.array(), reader.offset(), reader.length(), StandardCharsets.UTF_8));
                assertThat(reader.decode().text()).isEqualTo(actual.get(actual.size() - 1));
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}

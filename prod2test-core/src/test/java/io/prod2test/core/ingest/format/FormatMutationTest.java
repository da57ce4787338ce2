package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded mutation fuzzer that runs in every build (Jazzer's regression mode only replays its
 * seeds): thousands of mutants of real inputs (bytes flipped, cut, repeated, spliced, spiked
 * with quotes, brackets, escapes, huge numbers and deep nesting) through every reader, checked
 * against {@link Invariants}. Failures print the seed and round so they can be replayed.
 */
class FormatMutationTest {
    /** Rounds per format; {@code -Dfuzz.rounds=100000 -Dfuzz.seed=7} for a longer run by hand. */
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 1500);
    private static final int SEED = Integer.getInteger("fuzz.seed", 0);
    private static final String[] SPIKES = {"\"", "\\", "{", "}", "[", "]", ",", ":", "\\x22", "\\u0000", "\r\n", "\n", "null",
        "-1", "1e999999999", "1e-999999999", "99999999999999999999999", "\uFEFF", "\u0000", "[[[[[[[[[[[[[[[[", "\"kind\":2",
        "\"status\":0", " - ", "[10/Oct/2000:13:55:36 -0700]", "Root=1-", "%", "%zz", "?&=&", "http://", "\"-\"", "NaN", "{}", "[]"};

    static Stream<Arguments> inputs() throws IOException {
        List<Arguments> inputs = new ArrayList<>();
        inputs.add(Arguments.of(new JsonlFormat(), List.of(bytes(Samples.JSONL + "\n" + Samples.JSONL))));
        inputs.add(Arguments.of(new NginxJsonFormat(), List.of(Files.readAllBytes(Reading.fixture("nginx-json.log")))));
        inputs.add(Arguments.of(new CombinedFormat(), List.of(bytes(Samples.COMBINED + "\n" + Samples.COMBINED))));
        inputs.add(Arguments.of(new AlbFormat(), List.of(Files.readAllBytes(Reading.fixture("alb-access.log")))));
        inputs.add(Arguments.of(new OtlpFormat(), List.of(Files.readAllBytes(Reading.fixture("otlp-traces.jsonl")),
                Files.readAllBytes(Reading.fixture("otlp-trace.json")))));
        inputs.add(Arguments.of(new HarFormat(), List.of(Files.readAllBytes(Reading.shared("har/insomnia.har")),
                Files.readAllBytes(Reading.shared("har/postdata.har")))));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void mutantsKeepTheInvariants(LogFormat format, List<byte[]> seeds) {
        Random random = new Random(format.name().hashCode() + 31L * SEED);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutant = mutate(seeds, random);
            int r = round;
            assertThatCode(() -> Invariants.check(format, mutant))
                    .as("%s seed %d round %d, input %s", format.name(), SEED, r, new String(mutant, StandardCharsets.ISO_8859_1))
                    .doesNotThrowAnyException();
        }
    }

    private static byte[] mutate(List<byte[]> seeds, Random random) {
        byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
        int steps = 1 + random.nextInt(6);
        for (int i = 0; i < steps; i++) {
            data = switch (random.nextInt(8)) {
                case 0 -> flip(data, random);
                case 1 -> cut(data, random);
                case 2 -> delete(data, random);
                case 3 -> duplicate(data, random);
                case 4 -> insert(data, random, SPIKES[random.nextInt(SPIKES.length)].getBytes(StandardCharsets.UTF_8));
                case 5 -> insert(data, random, randomBytes(random));
                case 6 -> splice(data, seeds.get(random.nextInt(seeds.size())), random);
                default -> insert(data, random, "[".repeat(2000).getBytes(StandardCharsets.UTF_8));
            };
        }
        return data;
    }

    private static byte[] flip(byte[] data, Random random) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
    }

    private static byte[] cut(byte[] data, Random random) {
        return data.length == 0 ? data : java.util.Arrays.copyOf(data, random.nextInt(data.length));
    }

    private static byte[] delete(byte[] data, Random random) {
        if (data.length < 2) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, from);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }

    private static byte[] duplicate(byte[] data, Random random) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int length = Math.min(data.length - from, 1 + random.nextInt(200));
        return insert(data, random, java.util.Arrays.copyOfRange(data, from, from + length));
    }

    private static byte[] insert(byte[] data, Random random, byte[] piece) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, at);
        out.writeBytes(piece);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] data, byte[] other, Random random) {
        if (data.length == 0 || other.length == 0) {
            return data;
        }
        int at = random.nextInt(data.length);
        int from = random.nextInt(other.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, at);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(16)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

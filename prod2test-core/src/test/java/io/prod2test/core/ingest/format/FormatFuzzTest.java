package io.prod2test.core.ingest.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Jazzer fuzz tests of every reader. In a normal {@code mvn test} they run their seeds
 * (src/test/resources/io/prod2test/core/ingest/format/FormatFuzzTestInputs/&lt;method&gt;) as
 * regression tests; {@code JAZZER_FUZZ=1 mvn test -Dtest=FormatFuzzTest} fuzzes for real and
 * adds what it finds there. The properties are in {@link Invariants}.
 */
class FormatFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void jsonl(byte[] data) throws IOException {
        Invariants.check(new JsonlFormat(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void nginxJson(byte[] data) throws IOException {
        Invariants.check(new NginxJsonFormat(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void har(byte[] data) throws IOException {
        Invariants.check(new HarFormat(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void combined(byte[] data) throws IOException {
        Invariants.check(new CombinedFormat(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void alb(byte[] data) throws IOException {
        Invariants.check(new AlbFormat(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void otlp(byte[] data) throws IOException {
        Invariants.check(new OtlpFormat(), data);
    }

    /** Any text either parses into the supported range or fails with an IllegalArgumentException. */
    @FuzzTest(maxDuration = "30s")
    void timestamps(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Instant instant = Timestamps.parse(text, ZoneId.of("Asia/Tokyo"));
            if (instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() > 253402300799L) {
                throw new IllegalStateException("out of range: " + instant);
            }
        } catch (IllegalArgumentException expected) {
            // the documented failure
        }
    }
}

package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The detectors read untrusted text: whatever the input, {@link Detectors#detect} must not throw,
 * and its detections must lie within the text, in order, without overlaps.
 *
 * <p>{@link #detectKeepsItsContract} is a Jazzer fuzz test: in a normal {@code mvn test} it runs
 * the seeds in {@code src/test/resources/io/prod2test/mask/detect/DetectorsFuzzTestInputs/} as a
 * regression test; with {@code JAZZER_FUZZ=1} it fuzzes. {@link #randomTextsKeepTheContract} adds a
 * seeded random walk over the characters detectors care about, so that every build tries
 * thousands of odd inputs, fuzzer or not.
 */
class DetectorsFuzzTest {
    private static final Location[] LOCATIONS = Location.values();

    /**
     * Input layout: the first byte picks the location, the bytes up to the first newline are the
     * field name (none when empty), the rest is the text, as UTF-8 (malformed sequences become
     * U+FFFD, which is input too).
     */
    @FuzzTest(maxDuration = "60s")
    void detectKeepsItsContract(byte[] input) {
        if (input.length == 0) {
            check("", FieldContext.text());
            return;
        }
        Location location = LOCATIONS[(input[0] & 0xFF) % LOCATIONS.length];
        int newline = 1;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        String name = new String(input, 1, newline - 1, StandardCharsets.UTF_8);
        String text = newline < input.length ? new String(input, newline + 1, input.length - newline - 1, StandardCharsets.UTF_8) : "";
        check(text, new FieldContext(location, name.isEmpty() ? null : name, name.isEmpty() ? "" : "$.a." + name));
    }

    @Test
    void randomTextsKeepTheContract() {
        String[] pieces = {"0", "1", "4", "9", "4242", "090", "-", " ", "\u3000", ".", ":", "::", "@", "%40", "=", "\"", "'", "\\",
                "{", "}", "[", "]", "(", ")", "/", "&", "eyJ", "eyJhbGciOiJub25lIn0", "Bearer ", "Basic ", "sk_live_", "AKIA",
                "〒", "東京都", "新宿区", "西新宿", "丁目", "号室", "サトウ", "タロウ", "ー", "様", "です", "佐藤", "生年月日", "平成",
                "年", "月", "日", "name", "password", "address", "dob", "ＡＢＣ", "０９０", "－", "ff", "DE89", "T", "\n", "\t",
                "😊", "𠮷", "\uD800", "\uDC00", "\uFFFD", "é", "%", "+", "#", "*", "_", "x", "Z", "a", "F"};
        String[] names = {null, "name", "email", "password", "address", "phone", "postalCode", "dob", "myNumber", "cookie",
                "authorization", "number", "nameKana", "", "x-api-key"};
        Random random = new Random(20240501);
        for (int round = 0; round < 10_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String name = names[random.nextInt(names.length)];
            Location location = LOCATIONS[random.nextInt(LOCATIONS.length)];
            check(text.toString(), new FieldContext(location, name, name == null ? "" : "$.items[0]." + name));
        }
    }

    @Test
    void hugeAndPathologicalTextsKeepTheContract() {
        check("1".repeat(200_000), FieldContext.text());
        check("a@".repeat(50_000), FieldContext.text());
        check(":".repeat(100_000), FieldContext.text());
        check("-----BEGIN PRIVATE KEY-----" + "A".repeat(100_000), FieldContext.text());
        check("東京都新宿区".repeat(20_000), FieldContext.text());
        check("name=" + "x ".repeat(50_000), FieldContext.text());
        check("\"password\":\"" + "\\".repeat(10_000), FieldContext.text());
        check("1.".repeat(50_000), FieldContext.text());
        check("ff:".repeat(50_000), FieldContext.text());
        check("サトウ ".repeat(30_000), FieldContext.text());
        check("4242 ".repeat(40_000), FieldContext.text());
    }

    private static void check(String text, FieldContext field) {
        // the detectors themselves, without the safety net that turns an exception into "nothing
        // found": a bug must fail here, not hide; and a screen that says no must mean no
        for (Detector detector : Detectors.standard().detectors()) {
            if (detector instanceof BaseDetector builtIn) {
                Scan scan = new Scan(Normaliser.normalise(text), field);
                Hits hits = new Hits(builtIn.name());
                builtIn.find(scan, hits);
                List<Detection> raw = hits.resolve();
                if (!raw.isEmpty() && !builtIn.mayFind(new Scan(Normaliser.normalise(text), field))) {
                    throw new AssertionError(builtIn.name() + " screens out a text it finds " + raw + " in: " + text);
                }
            }
        }
        List<Detection> found = Detectors.standard().detect(text, field);
        assertThat(found).isNotNull();
        int previousEnd = 0;
        for (Detection d : found) {
            // plain checks: a description built for every detection would dominate the run time
            if (d.start() < previousEnd || d.end() > text.length() || d.end() <= d.start()) {
                throw new AssertionError("detections must lie in the text (length " + text.length()
                        + "), ordered, without overlaps: " + found + " for " + field);
            }
            previousEnd = d.end();
        }
    }
}

package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathSegmentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "a%20b|a b",
            "a+b|a+b",
            "%E5%B1%B1%E7%94%B0|山田",
            "a%zz|a%zz",
            "50%|50%",
            "%4|%4",
            "%41%zz%42|A%zzB",
            "%C3%28|%C3%28",
    })
    void decodesValidEscapesAndKeepsEverythingElseAsWritten(String raw, String decoded) {
        assertThat(PathSegments.decode(raw)).isEqualTo(decoded);
    }

    @Test
    void masksPathsWithMalformedEscapesInsteadOfStoppingTheFile(@TempDir Path dir) throws Exception {
        MaskingKey key = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"GET\",\"path\":\"/a%zz\",\"status\":404}",
                "{\"ts\":\"2026-11-02T09:14:04Z\",\"method\":\"GET\",\"path\":\"/users/hanako.yamada%40example.org/50%\",\"status\":200}",
                "{\"ts\":\"2026-11-02T09:14:05Z\",\"method\":\"GET\",\"path\":\"/ok\",\"status\":200}"));
        Path out = dir.resolve("out.jsonl");

        LogFileMasker.Result result = new LogFileMasker(Masker.create(MaskingPolicy.defaults(), key)).mask(in, out, b -> { });

        assertThat(result.exchanges()).isEqualTo(3);
        String masked = Files.readString(out);
        assertThat(masked).contains("\"path\":\"/a%zz\"").contains("/50%\"").contains("\"path\":\"/ok\"")
                .doesNotContain("hanako.yamada");
    }
}

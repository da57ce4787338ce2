package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.api.ExchangeJson;
import io.prod2test.core.ingest.format.JsonlFormat;
import io.prod2test.core.ingest.format.Position;
import io.prod2test.core.ingest.format.ReadContext;
import io.prod2test.core.ingest.format.ReadRecord;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingHookTest {
    private static final ReadContext CONTEXT = new ReadContext("shop.jsonl", "shop", ZoneId.of("UTC"));

    /** The planted traffic of the ingest tests, and lines the token masker leaves to the reference way. */
    private static List<String> lines() throws Exception {
        StringWriter out = new StringWriter();
        IngestIT.writeTraffic(out, 60);
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        lines.add("{\"path\":\"/customers\",\"method\":\"POST\",\"ts\":\"2026-11-02T09:00:00Z\",\"status\":\"201\","
                + "\"requestBody\":{\"email\":\"out.of.order@example.org\"}}"); // fields out of order, a status as text
        lines.add("{\"ts\":1793610000000,\"method\":\"GET\",\"path\":\"/orders\",\"status\":200}"); // epoch millis
        lines.add("{\"ts\":\"2026-11-02T09:00:00Z\",\"method\":\"GET\",\"path\":\"/x\",\"status\":700,\"userId\":\"hanako@example.org\"}");
        return lines;
    }

    @Test
    void aLineMaskedAsBytesGivesTheExchangeTheReferenceWayGives() throws Exception {
        MaskingHook reference = new MaskingHook(Masker.create(MaskingPolicy.defaults(), IngestIT.KEY));
        MaskingHook.Lines fast = new MaskingHook(Masker.create(MaskingPolicy.defaults(), IngestIT.KEY)).lines();
        io.prod2test.mask.LineMasker probe = Masker.create(MaskingPolicy.defaults(), IngestIT.KEY).lineMasker();
        int asBytes = 0;
        int loaded = 0;
        int quarantined = 0;
        long ordinal = 0;
        for (String line : lines()) {
            Position position = new Position(++ordinal, ordinal);
            ReadRecord read = JsonlFormat.read(position, line, CONTEXT);
            byte[] utf8 = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            asBytes += probe.mask(utf8, 0, utf8.length) != null ? 1 : 0;
            MaskingHook.MaskedLine masked = fast.mask(new ReadRecord.Unread(position, line), CONTEXT);
            if (read instanceof ReadRecord.Parsed parsed) {
                assertThat(masked).isInstanceOf(MaskingHook.Loadable.class);
                assertThat(ExchangeJson.write(((MaskingHook.Loadable) masked).exchange().exchange()))
                        .as("line %d", ordinal)
                        .isEqualTo(ExchangeJson.write(reference.mask(parsed.exchange(), parsed.downstream()).exchange()));
                loaded++;
            } else {
                ReadRecord.Rejected rejected = (ReadRecord.Rejected) read;
                assertThat(masked).isEqualTo(new MaskingHook.Quarantinable(rejected.reason(), reference.maskRejected(rejected.raw())));
                quarantined++;
            }
        }
        assertThat(loaded).isGreaterThan(100);
        assertThat(asBytes).as("lines the token masker took").isGreaterThan(100).isLessThan(loaded);
        assertThat(quarantined).isGreaterThanOrEqualTo(4);
    }
}

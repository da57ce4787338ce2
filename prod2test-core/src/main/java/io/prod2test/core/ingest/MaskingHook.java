package io.prod2test.core.ingest;

import io.prod2test.api.Exchange;
import io.prod2test.core.ingest.format.DownstreamCall;
import io.prod2test.core.ingest.format.JsonlFormat;
import io.prod2test.core.ingest.format.ReadContext;
import io.prod2test.core.ingest.format.ReadRecord;
import io.prod2test.mask.LineMasker;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where ingest masks: every record passes through here on its way to the store, and only here can
 * a {@link MaskedExchange} be made. Wraps the masking engine ({@link Masker}), so the same key and
 * policy give the same surrogates as {@code prod2test mask} and the datasets.
 */
public final class MaskingHook {
    private final Masker masker;

    public MaskingHook(Masker masker) {
        this.masker = Objects.requireNonNull(masker, "ingest never runs without masking: a Masker is required");
    }

    /** The exchange and its downstream calls, masked. */
    public MaskedExchange mask(Exchange raw, List<DownstreamCall> downstream) {
        List<DownstreamCall> calls = new ArrayList<>(downstream.size());
        for (DownstreamCall call : downstream) {
            calls.add(new DownstreamCall(call.ts(), call.method(), masker.maskText(call.url()), call.status(), call.durationMs(),
                    call.spanId(), call.peerService()));
        }
        return new MaskedExchange(masker.mask(raw), calls);
    }

    /** What masking one line of the canonical format gave: an exchange to load, or a rejection to quarantine. */
    public sealed interface MaskedLine permits Loadable, Quarantinable {
    }

    /** A masked exchange read from the line. */
    public record Loadable(MaskedExchange exchange) implements MaskedLine {
    }

    /** A line that is no exchange, with the reason and its text masked. */
    public record Quarantinable(String reason, String maskedText) implements MaskedLine {
    }

    /**
     * Masks lines of the canonical format for one thread: a line the token masker takes is masked
     * as bytes and read from its masked form; any other line is read and then masked the reference
     * way. Both give the same exchange; the first costs about a third.
     */
    public final class Lines {
        private final LineMasker bytes = masker.lineMasker();

        private Lines() {
        }

        public MaskedLine mask(ReadRecord.Unread line, ReadContext context) {
            byte[] raw = line.text().getBytes(StandardCharsets.UTF_8);
            byte[] masked = bytes.mask(raw, 0, raw.length);
            ReadRecord read = JsonlFormat.read(line.position(), masked != null ? new String(masked, StandardCharsets.UTF_8) : line.text(),
                    context);
            return switch (read) {
                case ReadRecord.Parsed parsed -> new Loadable(masked != null
                        ? new MaskedExchange(parsed.exchange(), List.of())
                        : MaskingHook.this.mask(parsed.exchange(), parsed.downstream()));
                case ReadRecord.Rejected rejected -> new Quarantinable(rejected.reason(),
                        masked != null ? rejected.raw() : maskRejected(rejected.raw()));
                case ReadRecord.Unread unread -> throw new IllegalStateException("read gives no unread record");
            };
        }
    }

    /** A line masker for the calling thread (not thread-safe: one per thread). */
    public Lines lines() {
        return new Lines();
    }

    /** A record that could not be read, masked as text before it is quarantined. */
    public String maskRejected(String raw) {
        return masker.maskText(raw);
    }

    /** What was masked so far, by rule and detector. */
    public MaskingReport report() {
        return masker.report();
    }
}

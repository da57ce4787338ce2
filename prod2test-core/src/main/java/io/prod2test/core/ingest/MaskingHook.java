package io.prod2test.core.ingest;

import io.prod2test.api.Exchange;
import io.prod2test.core.ingest.format.DownstreamCall;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingReport;
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

    /** A record that could not be read, masked as text before it is quarantined. */
    public String maskRejected(String raw) {
        return masker.maskText(raw);
    }

    /** What was masked so far, by rule and detector. */
    public MaskingReport report() {
        return masker.report();
    }
}

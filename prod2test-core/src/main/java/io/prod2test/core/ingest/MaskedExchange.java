package io.prod2test.core.ingest;

import io.prod2test.api.Exchange;
import io.prod2test.core.ingest.format.DownstreamCall;
import java.util.List;

/**
 * An exchange that has been through the masking hook, with its downstream calls masked too. The
 * constructor is package-private and only {@link MaskingHook} calls it: the store writer takes
 * nothing else, so no unmasked exchange can reach the store.
 */
public final class MaskedExchange {
    private final Exchange exchange;
    private final List<DownstreamCall> downstream;

    MaskedExchange(Exchange exchange, List<DownstreamCall> downstream) {
        this.exchange = exchange;
        this.downstream = List.copyOf(downstream);
    }

    public Exchange exchange() {
        return exchange;
    }

    public List<DownstreamCall> downstream() {
        return downstream;
    }
}

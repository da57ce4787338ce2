package io.prod2test.core.ingest.format;

import io.prod2test.api.Exchange;
import java.util.List;

/** What a reader hands on for one record: an exchange, or the reason it could not read one. */
public sealed interface ReadRecord permits ReadRecord.Parsed, ReadRecord.Rejected, ReadRecord.Unread {
    Position position();

    /**
     * A record read into the canonical shape.
     *
     * @param downstream calls this exchange made to other services (OTLP client spans); empty for other formats
     */
    record Parsed(Position position, Exchange exchange, List<DownstreamCall> downstream) implements ReadRecord {
        public Parsed {
            if (position == null || exchange == null) {
                throw new IllegalArgumentException("a parsed record has a position and an exchange");
            }
            downstream = downstream == null ? List.of() : List.copyOf(downstream);
        }
    }

    /**
     * A line of the canonical format handed on unread ({@link JsonlFormat#openUnread}): whoever
     * masks it reads it, after masking it as bytes when the line allows that
     * ({@link io.prod2test.mask.LineMasker}), so that reading runs on the masking threads and the
     * cheaper way is taken where it can be. {@link JsonlFormat#read} reads one. The text is raw: it
     * may hold personal data.
     */
    record Unread(Position position, String text) implements ReadRecord {
        public Unread {
            if (position == null || text == null) {
                throw new IllegalArgumentException("an unread record has a position and its text");
            }
        }
    }

    /**
     * A record that could not be read. {@code raw} is the record's text as found (at most 64 KiB
     * of it): it may hold personal data, so it must be masked before it is stored or shown.
     *
     * @param reason what is wrong, naming the field where there is one
     */
    record Rejected(Position position, String reason, String raw) implements ReadRecord {
        public Rejected {
            if (position == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejected record has a position and a reason");
            }
            raw = raw == null ? "" : raw;
        }
    }
}

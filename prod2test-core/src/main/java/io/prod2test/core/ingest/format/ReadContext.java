package io.prod2test.core.ingest.format;

import java.time.ZoneId;

/**
 * What a reader needs besides the bytes.
 *
 * @param file         the file's name as the user gave it, for messages and positions
 * @param service      the service the log belongs to when the format does not say ({@code --service}); may be {@code null}
 * @param defaultZone  the zone of timestamps written without one
 */
public record ReadContext(String file, String service, ZoneId defaultZone) {
    public ReadContext {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a read context names its file");
        }
        if (defaultZone == null) {
            defaultZone = ZoneId.of("UTC");
        }
    }
}

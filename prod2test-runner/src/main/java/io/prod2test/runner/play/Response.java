package io.prod2test.runner.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a step got back.
 *
 * @param status  the HTTP status
 * @param headers the response headers, names in lower case
 * @param text    the body as text (empty when there is none)
 * @param json    the body parsed as JSON, or null when it is not JSON
 * @param nanos   how long the HTTP call took
 */
public record Response(int status, Map<String, List<String>> headers, String text, JsonNode json, long nanos) {
    public Response {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}

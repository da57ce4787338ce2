package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Turns a payload's text into the canonical body: JSON when the payload is JSON, a JSON string
 * otherwise (SPEC §3). An object or array is recognised whatever the declared type (browsers send
 * JSON as {@code text/plain}); a bare scalar only when the content type says JSON, so that a
 * plain-text {@code 42} stays the text it was.
 */
final class Bodies {
    private Bodies() {
    }

    static JsonNode of(String text, String contentType) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean declaredJson = type.contains("json");
        char first = firstNonBlank(text);
        if (first == '{' || first == '[' || declaredJson) {
            try {
                JsonNode node = Json.COMPLETE.readTree(text);
                if (node != null && !node.isMissingNode()) {
                    return node;
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // not JSON after all: kept as text below
            }
        }
        return Json.MAPPER.getNodeFactory().textNode(text);
    }

    /** Whether a content type is text that can be shown (and so decoded from base64). */
    static boolean isTextual(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
                || type.contains("x-www-form-urlencoded") || type.contains("graphql") || type.contains("yaml");
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }
}

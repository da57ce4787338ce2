package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Checks of HTTP values shared by the formats, each failing with a {@link BadRecord} that names the field. */
final class Http {
    private Http() {
    }

    /** A method token in upper case; letters only, as the canonical exchange requires. */
    static String method(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRecord(field, "the HTTP method is missing");
        }
        if (value.length() > 32 || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            throw new BadRecord(field, "expected an HTTP method such as GET, was " + Texts.quote(value));
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** A status 100-599 written as digits. */
    static int status(String value, String field) {
        if (value != null) {
            String v = value.strip();
            if (v.length() == 3 && v.chars().allMatch(Character::isDigit)) {
                int status = Integer.parseInt(v);
                if (status >= 100 && status <= 599) {
                    return status;
                }
            }
        }
        throw new BadRecord(field, "expected an HTTP status 100-599, was " + (value == null ? "missing" : Texts.quote(value)));
    }

    /** A status 100-599 as a JSON integer or a string of digits. */
    static int status(JsonNode node, String field) {
        if (Json.absent(node)) {
            throw new BadRecord(field, "the HTTP status is missing");
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            int status = node.intValue();
            if (status >= 100 && status <= 599) {
                return status;
            }
        } else if (node.isTextual()) {
            return status(node.textValue(), field);
        }
        throw new BadRecord(field, "expected an HTTP status 100-599, was " + Json.show(node));
    }

    /** The trace id of a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or {@code null}. */
    static String traceIdOfTraceparent(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.strip().split("-", -1);
        if (parts.length < 4 || parts[0].length() != 2) {
            return null;
        }
        return traceId(parts[1]);
    }

    /** A W3C trace id: 32 hex digits, not all zero, in lower case; {@code null} otherwise. */
    static String traceId(String hex) {
        if (hex == null || hex.length() != 32) {
            return null;
        }
        boolean nonZero = false;
        for (int i = 0; i < 32; i++) {
            int digit = Urls.hex(hex.charAt(i));
            if (digit < 0) {
                return null;
            }
            nonZero |= digit != 0;
        }
        return nonZero ? hex.toLowerCase(Locale.ROOT) : null;
    }
}

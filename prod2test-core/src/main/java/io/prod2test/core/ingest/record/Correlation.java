package io.prod2test.core.ingest.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.ExchangeJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields that tie an exchange to a session, a user, a trace and a client, taken from what a
 * proxy can see. Each returns {@code null} when its source is absent or malformed: a missing
 * field is better than a wrong one, since analysis joins on them.
 */
final class Correlation {
    /** Session cookie names in priority order, as frameworks name them (matched ignoring case). */
    static final List<String> SESSION_COOKIES = List.of("sid", "session", "JSESSIONID");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Correlation() {
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), lower case. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.strip().split("-", -1);
        if (parts.length < 4 || parts[0].length() != 2 || parts[0].equalsIgnoreCase("ff") || !hex(parts[0])) {
            return null;
        }
        String id = parts[1];
        if (id.length() != 32 || !hex(id) || id.chars().allMatch(c -> c == '0')) {
            return null; // all zeros is the spec's "invalid" trace id
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * The session id from the request's cookies, or, on the response that starts a session (a
     * login), from the cookie it sets: that exchange belongs to the session as much as the next.
     */
    static String sessionId(List<String> cookieHeaders, List<String> setCookieHeaders) {
        for (String name : SESSION_COOKIES) {
            if (cookieHeaders != null) {
                for (String header : cookieHeaders) {
                    String value = cookie(header.split(";"), name);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        for (String name : SESSION_COOKIES) {
            if (setCookieHeaders != null) {
                for (String header : setCookieHeaders) {
                    // Only the first pair of a Set-Cookie is the cookie; the rest are attributes (Path=/).
                    String value = cookie(new String[] {header.split(";", 2)[0]}, name);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String cookie(String[] pairs, String name) {
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /**
     * The {@code sub} claim of a bearer JWT: the one user id a proxy can read without knowing the
     * application. The signature is not checked; the token was valid enough for the upstream.
     */
    static String userId(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = value.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = ExchangeJson.mapper().readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode sub = claims == null ? null : claims.get("sub");
            return sub != null && (sub.isTextual() || sub.isNumber()) && !sub.asText().isBlank() ? sub.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null; // an opaque token, not a JWT
        }
    }

    /**
     * The client's address: the first {@code x-forwarded-for} entry when there is one (the proxy
     * then sits behind a load balancer, and the connection's address is the balancer's),
     * otherwise the address of the connection.
     */
    static String clientIp(List<String> forwardedFor, String connectionAddress) {
        if (forwardedFor != null && !forwardedFor.isEmpty()) {
            String first = ip(forwardedFor.getFirst().split(",", 2)[0].strip());
            if (first != null) {
                return first;
            }
        }
        return connectionAddress == null ? null : ip(connectionAddress);
    }

    /** An IP literal without port or brackets, or {@code null} when it is not one (e.g. "unknown"). */
    static String ip(String entry) {
        String value = entry;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : value;
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':') && value.indexOf('.') > 0) {
            value = value.substring(0, value.indexOf(':')); // 203.0.113.9:51234
        }
        if (IPV4.matcher(value).matches() || IPV6.matcher(value).matches()) {
            return value;
        }
        return null;
    }

    private static boolean hex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return !text.isEmpty();
    }
}

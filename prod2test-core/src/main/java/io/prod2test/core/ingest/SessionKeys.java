package io.prod2test.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Picks the key that ties an exchange to a user's session, from sources tried in priority order:
 * the explicit session id, a session cookie, a session header, the user id, the subject of a
 * bearer token, and last the client IP with the user agent. Works on masked exchanges: the
 * surrogates are deterministic, so the same session keeps one key.
 */
public final class SessionKeys {
    /** One source of a session key. */
    public sealed interface Source permits SessionId, Cookie, Header, UserId, TokenSubject, ClientAndAgent {
        /** The key this source gives for the exchange, or {@code null}. */
        String keyOf(Exchange exchange);
    }

    /** The exchange's own {@code sessionId}. */
    public record SessionId() implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            return blankToNull(exchange.sessionId());
        }
    }

    /** A cookie of the request, by name. */
    public record Cookie(String name) implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            String header = header(exchange, "cookie");
            if (header == null) {
                return null;
            }
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase(name)) {
                    String value = blankToNull(pair.substring(eq + 1).trim());
                    return value == null ? null : "cookie:" + value;
                }
            }
            return null;
        }
    }

    /** A request header, by name. */
    public record Header(String name) implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            String value = blankToNull(header(exchange, name.toLowerCase(Locale.ROOT)));
            return value == null ? null : "header:" + value;
        }
    }

    /** The exchange's {@code userId}. */
    public record UserId() implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            String value = blankToNull(exchange.userId());
            return value == null ? null : "user:" + value;
        }
    }

    /** The {@code sub} claim of a JWT bearer token in the authorization header. */
    public record TokenSubject() implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            String authorization = header(exchange, "authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String[] parts = authorization.substring(7).trim().split("\\.");
            if (parts.length != 3) {
                return null;
            }
            try {
                JsonNode claims = ExchangeJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                JsonNode sub = claims == null ? null : claims.get("sub");
                return sub == null || !sub.isValueNode() ? null : "sub:" + sub.asText();
            } catch (IllegalArgumentException | java.io.IOException e) {
                return null; // not a JWT after all
            }
        }
    }

    /** The client IP with the user agent: the weakest key, for logs that have nothing better. */
    public record ClientAndAgent() implements Source {
        @Override
        public String keyOf(Exchange exchange) {
            String ip = blankToNull(exchange.clientIp());
            if (ip == null) {
                return null;
            }
            String agent = header(exchange, "user-agent");
            return "client:" + ip + "|" + (agent == null ? "" : agent);
        }
    }

    private final List<Source> sources;

    private SessionKeys(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("session keys need at least one source");
        }
        this.sources = List.copyOf(sources);
    }

    /**
     * The usual order: session id, the common session cookies, an {@code x-session-id} header,
     * user id, token subject, client IP + user agent.
     */
    public static SessionKeys standard() {
        List<Source> sources = new ArrayList<>();
        sources.add(new SessionId());
        for (String cookie : List.of("sid", "session", "sessionid", "jsessionid", "connect.sid", "_session_id")) {
            sources.add(new Cookie(cookie));
        }
        sources.add(new Header("x-session-id"));
        sources.add(new UserId());
        sources.add(new TokenSubject());
        sources.add(new ClientAndAgent());
        return new SessionKeys(sources);
    }

    public static SessionKeys of(List<Source> sources) {
        return new SessionKeys(sources);
    }

    public List<Source> sources() {
        return sources;
    }

    /** The key from the first source that has one, or {@code null} when none does. */
    public String keyOf(Exchange exchange) {
        for (Source source : sources) {
            String key = source.keyOf(exchange);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private static String header(Exchange exchange, String name) {
        return exchange.requestHeaders() == null ? null : exchange.requestHeaders().get(name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

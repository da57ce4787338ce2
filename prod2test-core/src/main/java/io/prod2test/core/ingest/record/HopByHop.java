package io.prod2test.core.ingest.record;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that belong to one connection, not to the exchange (RFC 9110 §7.6.1), and so are
 * neither forwarded nor logged: the fixed list, every {@code proxy-*} header (they are meant for
 * this proxy), and whatever the {@code connection} header names. {@code host} is here too: the
 * upstream gets its own.
 */
final class HopByHop {
    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade", "host");

    private final Set<String> named;

    private HopByHop(Set<String> named) {
        this.named = named;
    }

    /** The rule for one message, given the values of its {@code connection} header ({@code null}: none). */
    static HopByHop of(List<String> connection) {
        Set<String> named = new HashSet<>();
        if (connection != null) {
            for (String value : connection) {
                for (String token : value.split(",")) {
                    String name = token.strip().toLowerCase(Locale.ROOT);
                    if (!name.isEmpty()) {
                        named.add(name);
                    }
                }
            }
        }
        return new HopByHop(named);
    }

    /** Whether the {@code connection} header holds the token (lower case), e.g. {@code close}. */
    boolean connectionHas(String token) {
        return named.contains(token);
    }

    /** Whether the header (name in lower case) stays on this side of the proxy. */
    boolean drops(String lowerCaseName) {
        return ALWAYS.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-") || named.contains(lowerCaseName);
    }
}

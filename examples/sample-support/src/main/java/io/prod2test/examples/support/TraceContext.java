package io.prod2test.examples.support;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context position: the trace a request belongs to and the span that sent it.
 *
 * @param traceId  32 lower-case hex digits, not all zero
 * @param parentId 16 lower-case hex digits, not all zero
 */
public record TraceContext(String traceId, String parentId) {
    /** The header that carries the context between services. */
    public static final String HEADER = "traceparent";

    private static final Pattern TRACEPARENT =
            Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TraceContext {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}") || traceId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("traceId must be 32 lower-case hex digits, not all zero");
        }
        if (parentId == null || !parentId.matches("[0-9a-f]{16}") || parentId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("parentId must be 16 lower-case hex digits, not all zero");
        }
    }

    /**
     * The context of an incoming {@code traceparent} header, or a new trace when the header is
     * missing or malformed (the W3C rule: a receiver restarts the trace rather than fail).
     */
    public static TraceContext fromHeaderOrNew(String traceparent) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches()) {
                try {
                    return new TraceContext(m.group(1), m.group(2));
                } catch (IllegalArgumentException allZero) {
                    // fall through to a new trace
                }
            }
        }
        return new TraceContext(randomHex(16), randomHex(8));
    }

    /** The header value for a call made from this service: same trace, a new span id. */
    public String childHeader() {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (allZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}

package io.prod2test.examples.payments;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, prefixed identifiers: the prefix tells a reader of a log what kind of object it is. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String payment() {
        return "pay_" + hex(8);
    }

    static String challenge() {
        return "ch_" + hex(8);
    }

    static String refund() {
        return "re_" + hex(8);
    }

    static String capture() {
        return "cap_" + hex(8);
    }

    static String token() {
        return "tok_" + hex(12);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

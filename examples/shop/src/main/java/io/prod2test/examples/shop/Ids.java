package io.prod2test.examples.shop;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random, prefixed public ids: the prefix tells a log reader what an id names. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ORDER = Pattern.compile("ord_[0-9a-f]{12}");

    private Ids() {
    }

    static String customer() {
        return "cus_" + hex(6);
    }

    static String card() {
        return "card_" + hex(6);
    }

    static String cart() {
        return "cart_" + hex(6);
    }

    static String order() {
        return "ord_" + hex(6);
    }

    static String session() {
        return hex(16);
    }

    static boolean isOrderId(String id) {
        return ORDER.matcher(id).matches();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

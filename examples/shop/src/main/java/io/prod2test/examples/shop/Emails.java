package io.prod2test.examples.shop;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shop's e-mail rules: what counts as an address, and the one spelling it is stored under. */
final class Emails {
    static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]{1,64}@[^\\s@.][^\\s@]*\\.[^\\s@.]{2,}");

    private Emails() {
    }

    /** Whether the address, once trimmed, looks deliverable: one {@code @}, a dotted domain, no spaces. */
    static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String trimmed = typed.strip();
        return trimmed.length() <= MAX_LENGTH && ADDRESS.matcher(trimmed).matches();
    }

    /**
     * Trimmed and lower-cased: people type {@code Taro.Yamada@Example.com } on one device and
     * {@code taro.yamada@example.com} on another, and both must find the same account.
     */
    static String normalise(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT);
    }
}

package io.prod2test.core.ingest.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits request targets and URLs into host, path and query, leniently: logs hold whatever
 * clients sent, and {@link java.net.URI} refuses much of it (spaces, bare {@code %}, {@code |}).
 * The path is kept as sent, percent-encoding and all (decoding it would merge {@code %2F} with
 * {@code /}); query names and values are decoded as forms are ({@code +} is a space), with a
 * malformed escape kept as written.
 */
final class Urls {
    /**
     * @param host  the authority of an absolute URL (without user info), or {@code null}
     * @param path  starts with {@code /}
     * @param query decoded parameters in order, {@code null} when there are none
     */
    record Target(String scheme, String host, String path, Map<String, List<String>> query) {
    }

    private Urls() {
    }

    /**
     * An origin-form target ({@code /a/b?c=d}) or an absolute URL ({@code https://host:443/a?b}).
     *
     * @throws BadRecord naming {@code field} for anything else ({@code *}, {@code host:443}, text)
     */
    static Target parse(String target, String field) {
        if (target == null || target.isEmpty()) {
            throw new BadRecord(field, "expected a path or URL, was empty");
        }
        String scheme = null;
        String host = null;
        String rest = target;
        if (target.charAt(0) != '/') {
            int colon = target.indexOf("://");
            if (colon <= 0 || !isScheme(target, colon)) {
                throw new BadRecord(field, "expected a path starting with '/' or an absolute URL, was " + Texts.quote(target));
            }
            scheme = target.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            int start = colon + 3;
            int end = start;
            while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
                end++;
            }
            host = target.substring(start, end);
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                host = host.substring(at + 1); // user info is a credential, not part of the host
            }
            host = host.isEmpty() ? null : host;
            rest = target.substring(end);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String path = question >= 0 ? rest.substring(0, question) : rest;
        if (path.isEmpty()) {
            path = "/"; // https://host or https://host?q: what was left after the authority started with '?' or nothing
        }
        Map<String, List<String>> query = question >= 0 ? query(rest.substring(question + 1)) : null;
        return new Target(scheme, host, path, query);
    }

    private static boolean isScheme(String text, int end) {
        if (!Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** A raw query string as ordered, decoded parameters; {@code null} when it holds none. */
    static Map<String, List<String>> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                String pair = raw.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
                String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
                if (!(name.isEmpty() && value.isEmpty())) {
                    query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            start = end + 1;
        }
        return query.isEmpty() ? null : query;
    }

    /** Form decoding that never fails: a bad escape stays as written, bad UTF-8 becomes U+FFFD. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

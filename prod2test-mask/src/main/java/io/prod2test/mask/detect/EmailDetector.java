package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * E-mail addresses: {@code local@domain.tld} with the local-part characters people and systems
 * actually use ({@code A-Z a-z 0-9 . _ % + -}) and a domain of at least two labels ending in an
 * alphabetic top-level domain.
 *
 * <p>In a query string the {@code @} may be URL-encoded: {@code taro%40example.jp} is found too.
 *
 * <p>Near misses it leaves alone: {@code icon@2x.png} and other file names (the "TLD" is a file
 * extension), {@code pkg@1.2.3} (numeric TLD), {@code user@localhost} (one label), the password of
 * {@code https://user:pass@host} (the secret detector's), {@code @handles}.
 *
 * <p>Scans for {@code @} by hand rather than with a regex: text without {@code @} costs one
 * {@code indexOf}, and there is no backtracking to go wrong on hostile input.
 */
public final class EmailDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "email";

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "css", "js", "mjs", "json",
            "html", "htm", "txt", "pdf", "xml", "yml", "yaml", "java", "kt", "ts", "tsx", "jsx", "lock", "log",
            "gz", "zip", "tar", "jar", "class", "exe", "dll", "go", "woff", "woff2", "map", "mp4", "mp3", "csv");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public EmailDetector() {
        super(NAME, Set.of(PiiKind.EMAIL));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 6 && (scan.contains('@') || scan.text.contains("%40"));
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        find(text, "@", hits);
        find(text, "%40", hits);
    }

    /** Addresses around each {@code at} sign, written as {@code @} or URL-encoded as {@code %40} (query strings). */
    private static void find(String text, String atSign, Hits hits) {
        int at = text.indexOf(atSign);
        while (at >= 0) {
            int end = match(text, at, atSign.length());
            if (end > 0) {
                int start = localStart(text, at);
                hits.add(start, end, PiiKind.EMAIL);
                at = text.indexOf(atSign, end);
            } else {
                at = text.indexOf(atSign, at + 1);
            }
        }
    }

    /** The end of the address whose at sign ({@code atLength} characters) is at {@code at}, or -1 when it is not one. */
    private static int match(String text, int at, int atLength) {
        int start = localStart(text, at);
        int localLength = at - start;
        if (localLength < 1 || localLength > MAX_LOCAL) {
            return -1;
        }
        if (text.charAt(at - 1) == '.' || hasDoubleDot(text, start, at)) {
            return -1;
        }
        char before = Chars.at(text, start - 1);
        if (before == '@' || (before != '.' && isLocalChar(before)) || (start > 0 && isUserInfo(text, start))) {
            // another @ (a@b@c.com), a local part too long to be one, or URL credentials
            return -1;
        }
        // domain: labels of letters, digits and hyphens separated by single dots
        int n = text.length();
        int i = at + atLength;
        int labels = 0;
        int lastLabelStart = -1;
        int lastLabelEnd = -1;
        while (i < n && i - at <= MAX_DOMAIN) {
            int labelStart = i;
            while (i < n && (Chars.isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-' || i - labelStart > 63) {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            lastLabelEnd = i;
            if (i + 1 < n && text.charAt(i) == '.' && Chars.isAsciiAlnum(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (labels < 2 || lastLabelEnd != i) {
            return -1;
        }
        // the top-level domain is alphabetic (or an IDN xn--), not a file extension
        String tld = text.substring(lastLabelStart, lastLabelEnd);
        if (!isTld(tld)) {
            return -1;
        }
        char after = Chars.at(text, i);
        if (Chars.isWordChar(after) || after == '@') {
            return -1;
        }
        return i;
    }

    private static boolean hasDoubleDot(String text, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    private static int localStart(String text, int at) {
        int i = at;
        while (i > 0 && i > at - MAX_LOCAL - 1 && isLocalChar(text.charAt(i - 1))) {
            i--;
        }
        // "see:...taro@example.jp": leading dots are punctuation, not part of the address
        while (i < at && text.charAt(i) == '.') {
            i++;
        }
        return i;
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** {@code scheme://user:password@host}: the part before the host is credentials, not an address. */
    private static boolean isUserInfo(String text, int start) {
        char before = text.charAt(start - 1);
        if (before != ':' && before != '/') {
            return false;
        }
        for (int i = start - 1; i >= 2 && i > start - 300; i--) {
            char c = text.charAt(i);
            if (Chars.isWhitespace(c) || c == '"' || c == '\'') {
                return false;
            }
            if (c == '/' && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':') {
                return true;
            }
        }
        return false;
    }

    private static boolean isTld(String tld) {
        if (tld.length() < 2) {
            return false;
        }
        if (tld.startsWith("xn--")) {
            return true;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (!Chars.isAsciiLetter(tld.charAt(i))) {
                return false;
            }
        }
        return !FILE_EXTENSIONS.contains(tld.toLowerCase(java.util.Locale.ROOT));
    }
}

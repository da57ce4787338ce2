package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * IP addresses, which identify a subscriber: IPv4 dotted quads and IPv6 in all its written forms.
 *
 * <p>IPv4: exactly four decimal octets 0–255 without leading zeros, not part of a longer dotted
 * run ({@code 10.0.19045.3803}, {@code 1.3.6.1.4.1}) and not a version: after {@code v},
 * {@code version}, {@code ver.} or a product token's slash ({@code Chrome/126.0.0.0}). The
 * addresses that identify nobody are left alone, because replacing them would change what a test
 * means: {@code 0.0.0.0}, loopback {@code 127/8}, broadcast and netmasks ({@code 255.255.255.0}),
 * network prefixes in CIDR notation ({@code 192.0.2.0/24}, {@code fe80::/10}; a {@code /32} or
 * {@code /128} is a host and is reported).
 *
 * <p>IPv6: parsed, not pattern-matched: one to eight groups of one to four hex digits, at most one
 * {@code ::} (and then fewer than eight groups), optionally ending in an embedded IPv4 address,
 * optionally a zone ({@code %eth0}). Times ({@code 12:34:56}), MAC addresses (six groups, no
 * {@code ::}), C++ scopes ({@code std::map}) do not parse; {@code ::}, {@code ::1} are not reported;
 * a compressed form of two groups must have a digit ({@code fe80::1}, not {@code dead::beef}).
 */
public final class IpAddressDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "ip-address";

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public IpAddressDetector() {
        super(NAME, Set.of(PiiKind.IP_ADDRESS));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 3 && (scan.contains(':') || (scan.contains('.') && scan.digitCount() >= 4));
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char before = Chars.at(text, i - 1);
            int end = -1;
            if ((isHex(c) || c == ':') && !isIpChar(before) && !Chars.isWordChar(before) && colonSoon(text, i)) {
                end = ipv6(text, i);
            }
            // IPv4 (a dot within the first four characters) may follow a label's colon (ip:192.0.2.1),
            // not a port's or a time's (10:192…)
            if (end < 0 && Chars.isDigit(c) && dotSoon(text, i) && !Chars.isWordChar(before) && before != '.'
                    && !(before == ':' && Chars.isDigit(Chars.at(text, i - 2)))) {
                end = ipv4(text, i);
            }
            if (end > 0) {
                hits.add(i, end, PiiKind.IP_ADDRESS);
                i = end;
                continue;
            }
            i++;
        }
    }

    private static boolean dotSoon(String text, int i) {
        return Chars.at(text, i + 1) == '.' || Chars.at(text, i + 2) == '.' || Chars.at(text, i + 3) == '.';
    }

    /** An IPv6 address has a colon within its first five characters: the cheap test before parsing. */
    private static boolean colonSoon(String text, int i) {
        for (int j = i; j < i + 5 && j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == ':') {
                return true;
            }
            if (!isHex(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isIpChar(char c) {
        return isHex(c) || c == '.' || c == ':';
    }

    private static boolean isHex(char c) {
        return Chars.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The end of an IPv4 address starting at {@code start}, or -1. */
    private static int ipv4(String text, int start) {
        int end = dottedQuad(text, start);
        if (end < 0) {
            return -1;
        }
        // a fifth part, a port-less continuation of digits or letters: a version or an OID
        char after = Chars.at(text, end);
        if (Chars.isWordChar(after) || ((after == '.' || after == '-') && Chars.isAsciiAlnum(Chars.at(text, end + 1)))) {
            return -1;
        }
        if (isVersionContext(text, start) || isUnremarkable(text, start, end) || isNetwork(text, end, 32)) {
            return -1;
        }
        return end;
    }

    /** Four octets 0–255 without leading zeros from {@code start}; the end, or -1. */
    private static int dottedQuad(String text, int start) {
        int i = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (Chars.at(text, i) != '.') {
                    return -1;
                }
                i++;
            }
            int digitsStart = i;
            int value = 0;
            while (i < text.length() && Chars.isDigit(text.charAt(i)) && i - digitsStart < 4) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - digitsStart;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(digitsStart) == '0')) {
                return -1;
            }
        }
        return i;
    }

    /** {@code v1.2.3.4}, {@code version 1.2.3.4}, {@code Chrome/126.0.0.0}: a version, not an address. */
    private static boolean isVersionContext(String text, int start) {
        char before = Chars.at(text, start - 1);
        if (before == 'v' || before == 'V') {
            return true;
        }
        if (before == '/' && Chars.isAsciiAlnum(Chars.at(text, start - 2))) {
            return true; // product/version tokens of User-Agent headers
        }
        return Context.precededBy(text, start, 10, "version", "ver.", "ver ", "build", "バージョン");
    }

    /** {@code 192.0.2.0/24}, {@code fe80::/10}: a network prefix shorter than a host's, no one's address. */
    private static boolean isNetwork(String text, int end, int hostBits) {
        if (Chars.at(text, end) != '/' || !Chars.isDigit(Chars.at(text, end + 1))) {
            return false;
        }
        int bits = 0;
        int i = end + 1;
        while (i < text.length() && Chars.isDigit(text.charAt(i)) && i - end <= 3) {
            bits = bits * 10 + text.charAt(i) - '0';
            i++;
        }
        return bits < hostBits;
    }

    /** Addresses that identify nobody: unspecified, loopback, broadcast, netmasks. */
    private static boolean isUnremarkable(String text, int start, int end) {
        long value = 0;
        int octet = 0;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '.') {
                value = value << 8 | octet;
                octet = 0;
            } else {
                octet = octet * 10 + text.charAt(i) - '0';
            }
        }
        if (value == 0 || value >>> 24 == 127) {
            return true;
        }
        // a netmask is ones then zeros (255.255.255.0, and the broadcast 255.255.255.255)
        long inverted = ~value & 0xFFFFFFFFL;
        return value >>> 24 == 255 && (inverted & (inverted + 1)) == 0;
    }

    /** The end of an IPv6 address starting at {@code start}, or -1. */
    private static int ipv6(String text, int start) {
        int n = text.length();
        int i = start;
        int groups = 0;
        boolean compressed = false;
        boolean hasDigit = false;
        int lastGroupStart = -1;
        if (text.startsWith("::", i)) {
            compressed = true;
            i += 2;
        }
        while (i < n) {
            int groupStart = i;
            while (i < n && isHex(text.charAt(i)) && i - groupStart < 5) {
                hasDigit |= Chars.isDigit(text.charAt(i));
                i++;
            }
            int length = i - groupStart;
            if (length == 0) {
                break;
            }
            if (length > 4) {
                return -1;
            }
            // an embedded IPv4 address ends the address: ::ffff:192.0.2.1, 64:ff9b::198.51.100.7
            if (Chars.at(text, i) == '.' && (groups > 0 || compressed)) {
                int v4end = dottedQuad(text, groupStart);
                if (v4end < 0 || groups > (compressed ? 5 : 6)) {
                    return -1;
                }
                groups += 2;
                i = v4end;
                lastGroupStart = groupStart;
                break;
            }
            groups++;
            lastGroupStart = groupStart;
            if (text.startsWith("::", i)) {
                if (compressed) {
                    return -1;
                }
                compressed = true;
                i += 2;
            } else if (Chars.at(text, i) == ':' && isHex(Chars.at(text, i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (groups > 8 || (!compressed && groups != 8) || (compressed && groups > 7)) {
            return -1;
        }
        if (i < n && text.charAt(i) == '%') {
            int zoneStart = ++i;
            while (i < n && Chars.isAsciiAlnum(text.charAt(i))) {
                i++;
            }
            if (i == zoneStart) {
                return -1;
            }
        }
        char after = Chars.at(text, i);
        if (Chars.isWordChar(after) || after == ':' || (after == '.' && Chars.isAsciiAlnum(Chars.at(text, i + 1)))) {
            return -1;
        }
        if (lastGroupStart < 0 && i - start <= 2) {
            return -1; // "::" alone
        }
        if (isNetwork(text, i, 128)) {
            return -1;
        }
        String address = text.substring(start, i);
        if (address.equals("::1") || (compressed && groups < 3 && !hasDigit) || groups == 0) {
            return -1;
        }
        return i;
    }
}

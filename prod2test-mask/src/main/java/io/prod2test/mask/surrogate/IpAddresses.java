package io.prod2test.mask.surrogate;

import java.util.List;
import java.util.Locale;

/**
 * IP surrogates in the documentation ranges, which route nowhere: IPv4 into 192.0.2.0/24,
 * 198.51.100.0/24 or 203.0.113.0/24 (keyed choice, hosts 1–254), IPv6 into 2001:db8::/32 with 96
 * keyed bits, written as RFC 5952 says. A list ({@code X-Forwarded-For: a, b}) is masked element
 * by element; a {@code /prefix} length, an IPv6 zone and brackets are kept. With only 762 IPv4
 * documentation hosts, distinct clients may share a surrogate; IPv6 ones practically never do.
 */
final class IpAddresses {
    private static final List<String> V4_BLOCKS = List.of("192.0.2.", "198.51.100.", "203.0.113.");

    private IpAddresses() {
    }

    static String ip(KeyedHash hash, String core) {
        if (core.indexOf(',') >= 0) {
            StringBuilder out = new StringBuilder(core.length());
            int from = 0;
            while (true) {
                int comma = core.indexOf(',', from);
                String part = core.substring(from, comma < 0 ? core.length() : comma);
                String[] pieces = Chars.splitSpace(part);
                out.append(pieces[0]).append(pieces[1].isEmpty() ? "" : single(hash, pieces[1])).append(pieces[2]);
                if (comma < 0) {
                    return out.toString();
                }
                out.append(',');
                from = comma + 1;
            }
        }
        return single(hash, core);
    }

    private static String single(KeyedHash hash, String text) {
        String open = "";
        String close = "";
        String address = text;
        if (address.startsWith("[") && address.indexOf(']') > 0) {
            close = address.substring(address.indexOf(']'));
            address = address.substring(1, address.indexOf(']'));
            open = "[";
        }
        String suffix = "";
        int slash = address.indexOf('/');
        int percent = address.indexOf('%');
        int cut = slash >= 0 && percent >= 0 ? Math.min(slash, percent) : Math.max(slash, percent);
        if (cut >= 0) {
            suffix = address.substring(cut);
            address = address.substring(0, cut);
        }
        int[] v4 = parseV4(address);
        if (v4 != null) {
            String canonical = v4[0] + "." + v4[1] + "." + v4[2] + "." + v4[3];
            KeyedStream stream = hash.stream("ip", canonical);
            while (true) {
                String candidate = stream.pick(V4_BLOCKS) + stream.between(1, 254);
                if (!candidate.equals(canonical)) {
                    return open + candidate + suffix + close;
                }
            }
        }
        byte[] v6 = parseV6(address);
        if (v6 != null) {
            String canonical = formatV6(v6);
            KeyedStream stream = hash.stream("ip", canonical);
            boolean upper = !address.equals(address.toLowerCase(Locale.ROOT));
            while (true) {
                byte[] out = new byte[16];
                out[0] = 0x20;
                out[1] = 0x01;
                out[2] = 0x0d;
                out[3] = (byte) 0xb8;
                System.arraycopy(stream.nextBytes(12), 0, out, 4, 12);
                String candidate = formatV6(out);
                if (!candidate.equals(canonical)) {
                    return open + (upper ? candidate.toUpperCase(Locale.ROOT) : candidate) + suffix + close;
                }
            }
        }
        // not an address at all (a host name, "unknown"): still a documentation address, keyed by the text
        KeyedStream stream = hash.stream("ip", text);
        return stream.pick(V4_BLOCKS) + stream.between(1, 254);
    }

    /** Dotted decimal, four parts of 0–255, or null. */
    static int[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !CheckDigits.allDigits(p)) {
                return null;
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }

    /** An IPv6 address (with {@code ::} and a dotted IPv4 tail allowed) as 16 bytes, or null. */
    static byte[] parseV6(String text) {
        if (text.isEmpty() || text.indexOf(':') < 0) {
            return null;
        }
        int[] groups = new int[8];
        String head = text;
        String tail = "";
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0) {
            if (text.indexOf("::", doubleColon + 1) >= 0) {
                return null;
            }
            head = text.substring(0, doubleColon);
            tail = text.substring(doubleColon + 2);
        }
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >>> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int[] v4 = pieces[pieces.length - 1].indexOf('.') >= 0 ? parseV4(pieces[pieces.length - 1]) : null;
        if (pieces[pieces.length - 1].indexOf('.') >= 0 && v4 == null) {
            return null;
        }
        int count = pieces.length + (v4 != null ? 1 : 0);
        int[] out = new int[count];
        int limit = v4 != null ? pieces.length - 1 : pieces.length;
        for (int i = 0; i < limit; i++) {
            String p = pieces[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (v4 != null) {
            out[count - 2] = v4[0] << 8 | v4[1];
            out[count - 1] = v4[2] << 8 | v4[3];
        }
        return out;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String formatV6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Whether {@code text} is an address in a documentation range. */
    static boolean isDocumentation(String text) {
        int[] v4 = parseV4(text);
        if (v4 != null) {
            return v4[0] == 192 && v4[1] == 0 && v4[2] == 2
                    || v4[0] == 198 && v4[1] == 51 && v4[2] == 100
                    || v4[0] == 203 && v4[1] == 0 && v4[2] == 113;
        }
        byte[] v6 = parseV6(text);
        return v6 != null && v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == (byte) 0xb8;
    }
}

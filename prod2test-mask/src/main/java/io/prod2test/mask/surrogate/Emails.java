package io.prod2test.mask.surrogate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail surrogates: {@code u} and 16 base32 characters of the keyed hash (80 bits, so two
 * addresses practically never share a surrogate: sign-ups stay unique) at a reserved domain of
 * the same family — {@code example.co.jp}, {@code example.ne.jp}, {@code example.jp} for Japanese
 * domains, {@code example.org} and {@code example.net} for those, {@code example.com} otherwise
 * (RFC 2606 and JPRS reserve them, so no mail can ever reach anybody). The address is trimmed and
 * lower-cased before hashing, so differently typed forms of one address give one surrogate.
 *
 * <p>The mark: the 16th base32 character is {@code BASE32[M("email", "u" + the 15 before it) mod 32]},
 * so 75 keyed bits remain. An address is a surrogate when it is {@code u} and 16 base32
 * characters at a reserved domain and its last character is that mark.
 */
final class Emails {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    /** Something shaped like an address, to recognise e-mails inside other values (JWT claims). */
    static final Pattern SYNTAX_LOOSE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern SYNTAX = Pattern.compile(ATOM + "(\\." + ATOM + ")*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Emails() {
    }

    static String email(KeyedHash hash, String core) {
        String normalised = core.strip().toLowerCase(Locale.ROOT);
        int at = normalised.lastIndexOf('@');
        String domain = reservedDomainFor(at < 0 ? "" : normalised.substring(at + 1));
        KeyedStream stream = hash.stream("email", normalised);
        while (true) {
            String local = "u" + base32(stream.nextBytes(10)).substring(0, 15);
            String candidate = local + mark(local) + "@" + domain;
            if (!candidate.equals(normalised)) {
                return candidate;
            }
        }
    }

    /**
     * {@code surrogate} with the capitals of {@code original}: each letter of the surrogate's local
     * part takes the case of the original local part's character at the same relative position,
     * and likewise each label of the domain with the original's label as far from the end (the
     * top-level domain with the top-level domain). Lower-case originals give the surrogate unchanged; recognition
     * ({@link #isSurrogate}) ignores case, so marked surrogates stay recognisable.
     */
    static String withCaseOf(String surrogate, String original) {
        String stripped = original.strip();
        int at = stripped.lastIndexOf('@');
        int surrogateAt = surrogate.lastIndexOf('@');
        if (stripped.equals(stripped.toLowerCase(Locale.ROOT)) || surrogateAt < 0) {
            return surrogate;
        }
        String local = at < 0 ? stripped : stripped.substring(0, at);
        String domain = at < 0 ? "" : stripped.substring(at + 1);
        String[] labels = surrogate.substring(surrogateAt + 1).split("\\.", -1);
        String[] originalLabels = domain.split("\\.", -1);
        StringBuilder out = new StringBuilder(spread(surrogate.substring(0, surrogateAt), local)).append('@');
        for (int i = 0; i < labels.length; i++) {
            int model = originalLabels.length - labels.length + i;
            out.append(i == 0 ? "" : ".").append(model < 0 ? labels[i] : spread(labels[i], originalLabels[model]));
        }
        return out.toString();
    }

    private static String spread(String target, String pattern) {
        if (pattern.isEmpty()) {
            return target;
        }
        StringBuilder out = new StringBuilder(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            char model = pattern.charAt((int) ((long) i * pattern.length() / target.length()));
            out.append(Character.isUpperCase(model) ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static char mark(String local) {
        return BASE32.charAt(Marks.below("email", local, 32));
    }

    /**
     * Whether {@code text} is a surrogate address: {@code u} and 16 base32 characters, the last the
     * mark of the others, at a reserved domain; any case, {@code %40} read as {@code @}.
     */
    static boolean isSurrogate(String text) {
        String address = text.replace("%40", "@").toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at != 17 || address.charAt(0) != 'u' || !isValid(address)) {
            return false;
        }
        for (int i = 1; i < 17; i++) {
            if (BASE32.indexOf(address.charAt(i)) < 0) {
                return false;
            }
        }
        return address.charAt(16) == mark(address.substring(0, 16));
    }

    static String reservedDomainFor(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.equals("co.jp") || d.endsWith(".co.jp")) {
            return "example.co.jp";
        }
        if (d.equals("ne.jp") || d.endsWith(".ne.jp")) {
            return "example.ne.jp";
        }
        if (d.endsWith(".jp")) {
            return "example.jp";
        }
        if (d.endsWith(".org")) {
            return "example.org";
        }
        if (d.endsWith(".net")) {
            return "example.net";
        }
        return "example.com";
    }

    /** Valid syntax at a reserved domain: the example domains (and their subdomains) or a reserved TLD. */
    static boolean isValid(String text) {
        if (text == null || !SYNTAX.matcher(text).matches() || text.length() > 254) {
            return false;
        }
        String domain = text.substring(text.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (String reserved : new String[] {"example.com", "example.net", "example.org", "example.jp", "example.co.jp", "example.ne.jp"}) {
            if (domain.equals(reserved) || domain.endsWith("." + reserved)) {
                return true;
            }
        }
        return domain.endsWith(".test") || domain.endsWith(".example") || domain.endsWith(".invalid") || domain.endsWith(".localhost");
    }

    /** RFC 4648 base32 in lower case, without padding. */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt(buffer >>> (bits - 5) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt(buffer << (5 - bits) & 31));
        }
        return out.toString();
    }
}

package io.prod2test.mask.surrogate;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifier surrogates: a keyed bijection, so that two customers never share a surrogate and
 * foreign keys still join. The identifier is read as a {@link Shape}: a kept prefix, separators
 * kept in place, and the letters and digits between them, which FF1 encrypts in the smallest
 * alphabet that holds them. The output is walked (encrypted again) until it has the same shape
 * as the input, so the map is a bijection on every shape and therefore on all strings.
 *
 * <p>Shapes: a prefix of 1–12 ASCII letters and {@code _} or {@code -} ({@code cus_}, {@code
 * pay_}, {@code ORD-}) is kept when it is a known identifier prefix or what follows is not a
 * plain word in the prefix's case (so {@code taro_sato} is encrypted whole, a first name is no
 * prefix); 1–4 letters before three or more digits ({@code C00012345}) are kept too. RFC 4122 UUIDs keep version and variant, their 122 other bits are
 * encrypted in radix 2. Otherwise the alphabet is: digits (with a leading non-zero digit kept
 * non-zero, so numeric keys stay numbers of the same length), hex lower or upper case, base 36
 * lower or upper case, base 62. The FF1 tweak is the prefix's UTF-8 bytes.
 *
 * <p>Small domains (radix^n below FF1's minimum of one million): a keyed shuffle of the whole
 * domain (Sattolo's algorithm, so it is one cycle and no value maps to itself), drawn from the
 * {@code identifier-table} stream and cached. FF1 domains are permutations too; a value may be
 * its own surrogate with probability about one in the size of its domain (≥ 10^6), the price of
 * encrypting one value without looking at the others.
 */
final class Identifiers {
    /** The shapes' alphabets. */
    enum Kind {
        DIGITS("0123456789"),
        DIGITS_NON_ZERO("0123456789"),
        HEX_LOWER("0123456789abcdef"),
        HEX_UPPER("0123456789ABCDEF"),
        LOWER36("0123456789abcdefghijklmnopqrstuvwxyz"),
        UPPER36("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ALNUM62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        UUID_LOWER("01"),
        UUID_UPPER("01");

        final String alphabet;

        Kind(String alphabet) {
            this.alphabet = alphabet;
        }

        int radix() {
            return alphabet.length();
        }

        boolean uuid() {
            return this == UUID_LOWER || this == UUID_UPPER;
        }
    }

    /**
     * What the surrogate must keep: the prefix, the body with its encrypted positions blanked
     * ({@code \0}), and the alphabet kind.
     */
    record Shape(String prefix, String template, Kind kind) {
    }

    /** Prefixes of identifier schemes (Stripe's and the like): kept even before a word without digits. */
    private static final Set<String> KNOWN_PREFIXES = Set.of("cus", "pay", "card", "ch", "pi", "pm", "py", "re", "in", "ii", "sub",
            "si", "price", "prod", "txn", "tx", "tok", "src", "seti", "evt", "acct", "ba", "cs", "po", "ord", "order", "inv", "usr",
            "user", "sess", "sid", "req", "id", "uid", "cust", "acc", "ref", "key", "org", "team", "proj", "doc", "file", "msg");

    /** Above this many cached table entries (ints), the cache starts over: about 32 MB. */
    private static final long TABLE_BUDGET = 8_000_000L;

    private final Ff1 ff1;
    private final KeyedHash hash;
    private final Map<String, int[]> tables = new ConcurrentHashMap<>();
    private final AtomicLong tableInts = new AtomicLong();

    Identifiers(Ff1 ff1, KeyedHash hash) {
        this.ff1 = ff1;
        this.hash = hash;
    }

    String encrypt(String raw) {
        return crypt(raw, true);
    }

    /** The inverse of {@link #encrypt}: proves the bijection in tests; unmasking needs the key. */
    String decrypt(String surrogate) {
        return crypt(surrogate, false);
    }

    private String crypt(String raw, boolean forward) {
        Shape shape = classify(raw);
        if (shape == null) {
            return raw; // no letters or digits: nothing identifies anybody
        }
        String body = raw.substring(shape.prefix().length());
        int[] numerals = numerals(shape, body);
        byte[] tweak = shape.prefix().getBytes(StandardCharsets.UTF_8);
        int radix = shape.kind().radix();
        while (true) {
            numerals = permute(numerals, radix, tweak, forward);
            String candidate = shape.prefix() + render(shape, numerals);
            if (shape.equals(classify(candidate))) {
                return candidate;
            }
        }
    }

    private int[] permute(int[] x, int radix, byte[] tweak, boolean forward) {
        if (Ff1.domainAllowed(radix, x.length)) {
            return forward ? ff1.encrypt(x, radix, tweak) : ff1.decrypt(x, radix, tweak);
        }
        int size = (int) Math.round(Math.pow(radix, x.length));
        int[] table = table(radix, x.length, size, tweak);
        int index = 0;
        for (int numeral : x) {
            index = index * radix + numeral;
        }
        int image;
        if (forward) {
            image = table[index];
        } else {
            image = -1;
            for (int i = 0; i < size; i++) { // tests only: a scan is fine for domains under a million
                if (table[i] == index) {
                    image = i;
                    break;
                }
            }
        }
        int[] out = new int[x.length];
        for (int i = x.length - 1; i >= 0; i--) {
            out[i] = image % radix;
            image /= radix;
        }
        return out;
    }

    /** Sattolo's shuffle of {@code [0, size)}: a uniformly random single cycle, so no fixed point. */
    private int[] table(int radix, int n, int size, byte[] tweak) {
        String id = radix + "/" + n + "/" + HexFormat.of().formatHex(tweak);
        int[] cached = tables.get(id);
        if (cached != null) {
            return cached;
        }
        KeyedStream stream = hash.stream("identifier-table", id);
        int[] table = new int[size];
        for (int i = 0; i < size; i++) {
            table[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = stream.nextInt(i);
            int swap = table[i];
            table[i] = table[j];
            table[j] = swap;
        }
        if (tableInts.addAndGet(size) > TABLE_BUDGET) {
            tables.clear();
            tableInts.set(size);
        }
        tables.put(id, table);
        return table;
    }

    /** The shape of an identifier, or {@code null} when it has no ASCII letter or digit to encrypt. */
    static Shape classify(String s) {
        String prefix = prefixOf(s);
        String body = s.substring(prefix.length());
        Kind uuid = uuidKind(body);
        if (uuid != null) {
            StringBuilder template = new StringBuilder(body);
            for (int i = 0; i < template.length(); i++) {
                if (template.charAt(i) != '-' && i != 14) {
                    template.setCharAt(i, '\0');
                }
            }
            return new Shape(prefix, template.toString(), uuid);
        }
        boolean hexLower = false;
        boolean hexUpper = false;
        boolean otherLower = false;
        boolean otherUpper = false;
        int count = 0;
        char first = 0;
        StringBuilder template = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Chars.isAsciiAlnum(c)) {
                template.append(c);
                continue;
            }
            if (count++ == 0) {
                first = c;
            }
            template.append('\0');
            if (Chars.isAsciiDigit(c)) {
                continue;
            }
            if (c >= 'a' && c <= 'f') {
                hexLower = true;
            } else if (c >= 'A' && c <= 'F') {
                hexUpper = true;
            } else if (Chars.isAsciiLower(c)) {
                otherLower = true;
            } else {
                otherUpper = true;
            }
        }
        if (count == 0) {
            return null;
        }
        boolean lower = hexLower || otherLower;
        boolean upper = hexUpper || otherUpper;
        Kind kind;
        if (!lower && !upper) {
            kind = count >= 2 && first != '0' ? Kind.DIGITS_NON_ZERO : Kind.DIGITS;
        } else if (lower && upper) {
            kind = Kind.ALNUM62;
        } else if (lower) {
            kind = otherLower ? Kind.LOWER36 : Kind.HEX_LOWER;
        } else {
            kind = otherUpper ? Kind.UPPER36 : Kind.HEX_UPPER;
        }
        return new Shape(prefix, template.toString(), kind);
    }

    /** The kept prefix: see the class comment. */
    static String prefixOf(String s) {
        if (uuidKind(s) != null) {
            return ""; // a UUID that starts with eight hex letters and a dash has no prefix
        }
        int run = 0;
        while (run < s.length() && Chars.isAsciiLetter(s.charAt(run))) {
            run++;
        }
        if (run == 0) {
            return "";
        }
        if (run <= 12 && run + 1 < s.length() && (s.charAt(run) == '_' || s.charAt(run) == '-')
                && (KNOWN_PREFIXES.contains(s.substring(0, run).toLowerCase(Locale.ROOT)) || notAPlainWord(s, run + 1, s.substring(0, run)))) {
            return s.substring(0, run + 1);
        }
        if (run <= 4 && s.length() - run >= 3) {
            for (int i = run; i < s.length(); i++) {
                if (!Chars.isAsciiDigit(s.charAt(i))) {
                    return "";
                }
            }
            return s.substring(0, run);
        }
        return "";
    }

    /** Whether the rest has a digit, or a letter of the case the prefix does not use: a code, not a name. */
    private static boolean notAPlainWord(String s, int from, String prefix) {
        boolean prefixLower = prefix.chars().allMatch(c -> Chars.isAsciiLower((char) c));
        boolean prefixUpper = prefix.chars().allMatch(c -> Chars.isAsciiUpper((char) c));
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isAsciiDigit(c) || (prefixLower && Chars.isAsciiUpper(c)) || (prefixUpper && Chars.isAsciiLower(c))) {
                return true;
            }
        }
        return false;
    }

    private static Kind uuidKind(String body) {
        if (body.length() != 36) {
            return null;
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < 36; i++) {
            char c = body.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash != (c == '-')) {
                return null;
            }
            if (!dash) {
                if (c >= 'a' && c <= 'f') {
                    lower = true;
                } else if (c >= 'A' && c <= 'F') {
                    upper = true;
                } else if (!Chars.isAsciiDigit(c)) {
                    return null;
                }
            }
        }
        char version = body.charAt(14);
        char variant = Character.toLowerCase(body.charAt(19));
        if (lower && upper || version < '1' || version > '8' || "89ab".indexOf(variant) < 0) {
            return null;
        }
        return upper ? Kind.UUID_UPPER : Kind.UUID_LOWER;
    }

    private static int[] numerals(Shape shape, String body) {
        if (shape.kind().uuid()) {
            int[] bits = new int[122];
            int next = 0;
            int nibble = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '-') {
                    continue;
                }
                int value = Character.digit(c, 16);
                if (nibble != 12) { // the version nibble is kept
                    int width = nibble == 16 ? 2 : 4; // the variant's two top bits (10) are kept
                    for (int bit = width - 1; bit >= 0; bit--) {
                        bits[next++] = value >>> bit & 1;
                    }
                }
                nibble++;
            }
            return bits;
        }
        String alphabet = shape.kind().alphabet;
        int[] out = new int[(int) shape.template().chars().filter(c -> c == 0).count()];
        int next = 0;
        for (int i = 0; i < body.length(); i++) {
            if (shape.template().charAt(i) == '\0') {
                out[next++] = alphabet.indexOf(body.charAt(i));
            }
        }
        return out;
    }

    private static String render(Shape shape, int[] numerals) {
        String template = shape.template();
        StringBuilder out = new StringBuilder(template.length());
        if (shape.kind().uuid()) {
            boolean upper = shape.kind() == Kind.UUID_UPPER;
            int next = 0;
            int nibble = 0;
            for (int i = 0; i < template.length(); i++) {
                char t = template.charAt(i);
                if (t == '-') {
                    out.append('-');
                    continue;
                }
                if (nibble == 12) {
                    out.append(t); // the version, kept literally in the template
                } else {
                    int width = nibble == 16 ? 2 : 4;
                    int value = nibble == 16 ? 0b10 : 0;
                    for (int bit = 0; bit < width; bit++) {
                        value = value << 1 | numerals[next++];
                    }
                    char hex = Character.forDigit(value, 16);
                    out.append(upper ? Character.toUpperCase(hex) : hex);
                }
                nibble++;
            }
            return out.toString();
        }
        String alphabet = shape.kind().alphabet;
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char t = template.charAt(i);
            out.append(t == '\0' ? alphabet.charAt(numerals[next++]) : t);
        }
        return out.toString();
    }
}

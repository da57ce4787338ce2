package io.prod2test.mask.detect;

import io.prod2test.mask.Location;
import io.prod2test.mask.PiiKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials: JSON Web Tokens ({@link PiiKind#JWT}) and every other secret ({@link PiiKind#SECRET}).
 *
 * <p>By shape, anywhere: a JWT (three base64url parts, the header decoding to a JSON object with
 * {@code "alg"}, hence starting {@code eyJ}); the credentials after {@code Bearer} (at least 12
 * characters with letters and digits, so that prose about "bearer authentication" is left alone)
 * and {@code Basic} (base64 of {@code user:password}); API keys of well-known shapes — Stripe
 * {@code sk_live_…}/{@code rk_test_…}, GitHub {@code ghp_…}/{@code github_pat_…}, AWS
 * {@code AKIA…}/{@code ASIA…}, Slack {@code xoxb-…}, Google {@code AIza…}, OpenAI-style {@code sk-…},
 * GitLab {@code glpat-…}, npm {@code npm_…}, webhook {@code whsec_…}, SendGrid {@code SG.…};
 * PEM private key blocks; the password in {@code scheme://user:password@host}.
 *
 * <p>By field name, the whole value: {@code password}, {@code passwd}, {@code pwd}, {@code secret},
 * {@code client_secret}, {@code token}, {@code access_token}, {@code refresh_token},
 * {@code api_key}/{@code apikey}/{@code x-api-key}, {@code authorization}, {@code cvc}/{@code cvv},
 * {@code パスワード} … (names ending so: {@code newPassword}, {@code x-amz-security-token}), both as
 * the field the value sits in and as a {@code key=value} / {@code "key": "value"} inside a text
 * (query strings, JSON in logs). Not pagination tokens ({@code nextPageToken}), which are cursors.
 * For {@code Authorization: <scheme> <credentials>} the span is the credentials, so that the scheme
 * stays readable in the masked header. Placeholders ({@code ***}, {@code null}, {@code [REDACTED]})
 * are not reported: there is nothing left to hide.
 *
 * <p>Cookies: session cookies are not personal by default — a replayed test needs the session to
 * hold together, and the id identifies a session, not a person — so neither a cookie's name nor a
 * {@code Cookie} header's pairs make a value secret. A JWT is still reported wherever it is,
 * because anyone can read the claims inside it (e-mails, names).
 */
public final class SecretDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "secret";

    private static final Set<String> EXACT = Set.of(
            "pwd", "pass", "authorization", "proxyauthorization", "cvc", "cvv", "cvc2", "cvv2", "cav2",
            "securitycode", "cardsecuritycode", "cardcvc", "cardcvv", "credentials", "credential", "pin", "pincode",
            "パスワード", "暗証番号", "セキュリティコード");
    private static final String[] SUFFIXES = {
            "password", "passwd", "passphrase", "secret", "apikey", "token", "privatekey", "secretkey",
            "secretaccesskey", "signingkey", "encryptionkey", "masterkey", "credentials", "passwordhash",
            "passworddigest", "passwordconfirmation", "passwordconfirm", "パスワード"};
    private static final Set<String> NOT_SECRET = Set.of(
            "pagetoken", "nextpagetoken", "prevpagetoken", "previouspagetoken", "continuationtoken", "synctoken",
            "cursortoken", "nexttoken", "cookie", "setcookie");
    private static final Set<String> AUTHORIZATION = Set.of("authorization", "proxyauthorization");
    private static final Set<String> PLACEHOLDERS = Set.of(
            "null", "undefined", "true", "false", "none", "[redacted]", "redacted", "[filtered]", "filtered", "<redacted>",
            "[masked]", "masked", "hidden", "[hidden]");

    /** API keys by their published prefixes; each pattern is tried only where its prefix occurs. */
    private static final String[] KEY_PREFIXES = {
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "AKIA", "ASIA",
            "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "AIza", "sk-", "glpat-", "npm_", "whsec_", "SG."};
    private static final Pattern KEY = Pattern.compile(
            "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"
                    + "|gh[pousr]_[A-Za-z0-9]{30,}"
                    + "|github_pat_[A-Za-z0-9_]{40,}"
                    + "|(?:AKIA|ASIA)[A-Z0-9]{16}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}"
                    + "|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"
                    + "|glpat-[A-Za-z0-9_-]{20,}"
                    + "|npm_[A-Za-z0-9]{36}"
                    + "|whsec_[A-Za-z0-9+/=]{20,}"
                    + "|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}");
    private static final Pattern JWT_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("[Bb]earer[ \\t]+([A-Za-z0-9\\-._~+/]{12,}=*)");
    private static final Pattern BASIC = Pattern.compile("Basic[ \\t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----(?s:.){0,10000}?-----END [A-Z ]{0,20}PRIVATE KEY-----");
    /** From the scheme's {@code ://}: {@code user:password@}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/\\s:@]{1,64}:([^/\\s@:]{1,128})@");

    /** Schemes of an {@code Authorization} value: a word, then the credentials. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,20}[ \\t]+(?=\\S)");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public SecretDetector() {
        super(NAME, Set.of(PiiKind.SECRET, PiiKind.JWT));
    }

    @Override
    boolean mayFind(Scan scan) {
        // every shape is at least 8 characters, and a secret field's value may be anything
        return scan.text.length() >= 8 || isSecretField(scan);
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (isSecretField(scan)) {
            value(text, scan.valueStart(), scan.valueEnd(), scan.field(FieldTraits.AUTHORIZATION), hits);
            return;
        }
        if (!isCookie(scan)) {
            for (KeyValues.Pair pair : scan.pairs()) {
                if (isSecretName(pair.key())) {
                    boolean authorization = AUTHORIZATION.contains(pair.key());
                    int end = pair.valueEnd();
                    if (!authorization && !isQuoted(text, pair.valueStart())) {
                        // password=hunter2 next words: an unquoted secret ends at a space
                        int space = indexOfWhitespace(text, pair.valueStart(), end);
                        end = space < 0 ? end : space;
                    }
                    value(text, pair.valueStart(), end, authorization, hits);
                }
            }
        }
        if (text.length() < 8) {
            return;
        }
        jwts(text, hits);
        bearer(text, hits);
        basic(text, hits);
        apiKeys(text, hits);
        privateKeys(text, hits);
        urlCredentials(text, hits);
    }

    // Each shape is looked for where its fixed prefix occurs (String.indexOf, which is fast), and
    // its pattern is anchored there: no regex runs over text that cannot hold the shape.

    private static void jwts(String text, Hits hits) {
        Matcher m = null; // made on the first candidate: most texts have none
        for (int at = text.indexOf("eyJ"); at >= 0; at = text.indexOf("eyJ", at + 1)) {
            if (isTokenChar(Chars.at(text, at - 1))) {
                continue;
            }
            m = m == null ? JWT_SHAPE.matcher(text) : m;
            if (!m.region(at, text.length()).lookingAt()) {
                continue;
            }
            int end = m.end();
            if (!isTokenChar(Chars.at(text, end)) && isJwt(text, at, end)) {
                hits.add(at, end, PiiKind.JWT);
                at = end - 1;
            }
        }
    }

    private static void bearer(String text, Hits hits) {
        Matcher m = null;
        for (int at = text.indexOf("earer"); at >= 1; at = text.indexOf("earer", at + 1)) {
            int start = at - 1;
            if (Chars.isWordChar(Chars.at(text, start - 1))) {
                continue;
            }
            m = m == null ? BEARER.matcher(text) : m;
            if (!m.region(start, text.length()).lookingAt()) {
                continue;
            }
            int s = m.start(1);
            int e = m.end(1);
            if (isJwt(text, s, e)) {
                hits.add(s, e, PiiKind.JWT);
            } else if (hasLetterAndDigit(text, s, e)) {
                hits.add(s, e, PiiKind.SECRET);
            }
        }
    }

    private static void basic(String text, Hits hits) {
        Matcher m = null;
        for (int at = text.indexOf("Basic"); at >= 0; at = text.indexOf("Basic", at + 1)) {
            if (Chars.isWordChar(Chars.at(text, at - 1))) {
                continue;
            }
            m = m == null ? BASIC.matcher(text) : m;
            if (m.region(at, text.length()).lookingAt()
                    && isBasicCredentials(text, m.start(1), m.end(1))) {
                hits.add(m.start(1), m.end(1), PiiKind.SECRET);
            }
        }
    }

    private static void apiKeys(String text, Hits hits) {
        Matcher m = null;
        for (String prefix : KEY_PREFIXES) {
            for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
                if (isTokenChar(Chars.at(text, at - 1))) {
                    continue;
                }
                m = m == null ? KEY.matcher(text) : m;
                if (m.region(at, text.length()).lookingAt() && !isTokenChar(Chars.at(text, m.end()))) {
                    hits.add(at, m.end(), PiiKind.SECRET);
                }
            }
        }
    }

    private static void privateKeys(String text, Hits hits) {
        int at = text.indexOf("-----BEGIN ");
        if (at >= 0) {
            Matcher m = PEM.matcher(text);
            for (; at >= 0; at = text.indexOf("-----BEGIN ", at + 1)) {
                if (m.region(at, text.length()).lookingAt()) {
                    hits.add(at, m.end(), PiiKind.SECRET);
                }
            }
        }
    }

    private static void urlCredentials(String text, Hits hits) {
        int at = text.indexOf("://");
        if (at >= 0) {
            Matcher m = URL_CREDENTIALS.matcher(text);
            for (; at >= 0; at = text.indexOf("://", at + 1)) {
                if (Chars.isAsciiLetter(Chars.at(text, at - 1)) && m.region(at, text.length()).lookingAt()) {
                    hits.add(m.start(1), m.end(1), PiiKind.SECRET);
                }
            }
        }
    }

    private static boolean isTokenChar(char c) {
        return Chars.isWordChar(c) || c == '-';
    }

    /** A secret field's value: the credentials after an authorization scheme, a JWT, or all of it. */
    private static void value(String text, int start, int end, boolean authorization, Hits hits) {
        if (end <= start || isPlaceholder(text, start, end)) {
            return;
        }
        if (authorization) {
            Matcher scheme = SCHEME.matcher(text).region(start, end);
            if (scheme.lookingAt()) {
                start = scheme.end();
            }
        }
        hits.add(start, end, isJwt(text, start, end) ? PiiKind.JWT : PiiKind.SECRET);
    }

    private static boolean isQuoted(String text, int valueStart) {
        char before = Chars.at(text, valueStart - 1);
        return before == '"' || before == '\'';
    }

    private static int indexOfWhitespace(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Chars.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSecretField(Scan scan) {
        return scan.hasField() && scan.location() != Location.COOKIE && scan.field(FieldTraits.SECRET);
    }

    private static boolean isCookie(Scan scan) {
        return scan.location() == Location.COOKIE || scan.field(FieldTraits.NOT_SECRET);
    }

    /** Whether a folded field name is {@code authorization} or {@code proxyauthorization}. */
    static boolean isAuthorizationField(String name) {
        return AUTHORIZATION.contains(name);
    }

    /** Whether a folded field name names what is never a secret (a cookie's plumbing). */
    static boolean isNotSecretField(String name) {
        return NOT_SECRET.contains(name);
    }

    /** Whether a folded field or key name names a secret. */
    static boolean isSecretName(String name) {
        if (name.isEmpty() || NOT_SECRET.contains(name)) {
            return false;
        }
        if (EXACT.contains(name)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlaceholder(String text, int start, int end) {
        boolean allMask = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '*' && c != 'x' && c != 'X' && c != '•' && c != '●' && c != '#') {
                allMask = false;
                break;
            }
        }
        if (allMask) {
            return true;
        }
        return end - start <= 12 && PLACEHOLDERS.contains(text.substring(start, end).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether {@code text[start, end)} is a JWT: three base64url parts, the first (and, when not
     * empty, the second) decoding to a JSON object, the header naming its {@code alg}.
     */
    static boolean isJwt(String text, int start, int end) {
        int firstDot = text.indexOf('.', start);
        if (firstDot < 0 || firstDot >= end || !text.startsWith("eyJ", start)) {
            return false;
        }
        int secondDot = text.indexOf('.', firstDot + 1);
        if (secondDot < 0 || secondDot >= end || text.indexOf('.', secondDot + 1) >= 0 && text.indexOf('.', secondDot + 1) < end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(Chars.isAsciiAlnum(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        String header = decode(text, start, firstDot, 2048);
        if (header == null || !header.startsWith("{") || !header.contains("\"alg\"")) {
            return false;
        }
        String payload = decode(text, firstDot + 1, secondDot, 8);
        return payload != null && payload.startsWith("{");
    }

    /** The base64url text decoded, at most its first {@code max} characters (a multiple of 4), or null. */
    private static String decode(String text, int start, int end, int max) {
        int length = end - start;
        if (length < 2 || length % 4 == 1) {
            return null;
        }
        int take = length <= max ? length : max;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text.substring(start, start + take));
            return new String(bytes, StandardCharsets.ISO_8859_1).stripLeading();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code Basic dXNlcjpwYXNz}: base64 of {@code user:password}. */
    private static boolean isBasicCredentials(String text, int start, int end) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text.substring(start, end));
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasLetterAndDigit(String text, int start, int end) {
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end && !(letter && digit); i++) {
            char c = text.charAt(i);
            letter |= Chars.isAsciiLetter(c);
            digit |= Chars.isDigit(c);
        }
        return letter && digit;
    }
}

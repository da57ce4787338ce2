package io.prod2test.mask.surrogate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JWTs and other secrets.
 *
 * <p>A JWT stays a JWT: a header of only {@code alg}, {@code typ}, {@code cty} is kept byte for
 * byte; other header strings ({@code kid}) are keyed. Payload claims keep their names and JSON
 * types: protocol claims that describe no person ({@code iss}, {@code aud}, {@code exp}, {@code
 * iat}, {@code nbf}, {@code scope} …) are kept so expiry logic still works; e-mail-looking strings
 * get the e-mail surrogate, {@code name}-like claims a name, {@code phone_number} a phone,
 * {@code birthdate} a date of birth, other ASCII strings the identifier surrogate (so {@code sub}
 * matches the user id masked elsewhere), numbers keyed digits of the same length, booleans and
 * nulls kept. The signature is keyed bytes of the original length (it no longer verifies, which
 * is the point: a masked token must not be usable).
 *
 * <p>Other secrets keep a known prefix ({@code Bearer }, {@code sk_live_}, {@code ghp_}, {@code
 * AKIA} …), their length and the class of each character (digit, lower, upper; hex stays hex);
 * punctuation stays in place.
 *
 * <p>The marks: a JWT surrogate with a signature of at least 4 bytes has, as its last two
 * signature bytes, the first two bytes of {@code M("jwt", header + "." + payload + "." +
 * base64url(the signature's other bytes))}. Another secret surrogate carries the
 * {@linkplain Marks#markTail tail mark} {@code "secret"} (hex-aware) on its body — what follows
 * the scheme ({@code Bearer }) and known prefix ({@code sk_live_}), which a detector may leave out
 * of its span.
 */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Set<String> STANDARD_HEADER = Set.of("alg", "typ", "cty");
    private static final Set<String> KEPT_CLAIMS = Set.of("iss", "aud", "exp", "iat", "nbf", "auth_time", "scope", "scp",
            "typ", "token_use", "acr", "amr", "azp", "ver", "alg", "cty", "client_id", "roles", "groups", "permissions", "locale", "zoneinfo");
    private static final Set<String> NAME_CLAIMS = Set.of("name", "given_name", "family_name", "middle_name", "nickname");
    /** Scheme words, matched in any case. */
    private static final List<String> SCHEMES = List.of("bearer ", "basic ", "token ", "digest ");
    /** Prefixes of well-known API keys, matched as written; longest first where one extends another. */
    private static final List<String> KEY_PREFIXES = List.of("github_pat_", "sk_live_", "sk_test_", "pk_live_", "pk_test_",
            "rk_live_", "rk_test_", "whsec_", "sk-proj-", "sk-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-", "xoxb-", "xoxp-",
            "xoxa-", "xoxr-", "xoxs-", "AKIA", "ASIA", "AIza", "npm_", "shpat_", "hf_", "SG.");

    /** Signatures of at least this many bytes carry the mark. */
    private static final int MARKED_SIGNATURE = 4;

    private final Surrogates surrogates;
    private final KeyedHash hash;

    Tokens(Surrogates surrogates, KeyedHash hash) {
        this.surrogates = surrogates;
        this.hash = hash;
    }

    /** A JWT surrogate; something that is not a JWT gets the secret surrogate. */
    String jwt(String core) {
        String scheme = scheme(core);
        String token = core.substring(scheme.length());
        String masked = maskJwt(token);
        return masked == null ? secret(core) : scheme + masked;
    }

    String secret(String core) {
        String scheme = scheme(core);
        String rest = core.substring(scheme.length());
        if (!scheme.isEmpty()) {
            String jwt = maskJwt(rest);
            if (jwt != null) {
                return scheme + jwt;
            }
        }
        String prefix = "";
        for (String known : KEY_PREFIXES) {
            if (rest.startsWith(known) && rest.length() > known.length()) {
                prefix = known;
                break;
            }
        }
        String body = rest.substring(prefix.length());
        KeyedStream stream = hash.stream("secret", core);
        return scheme + prefix + sameClasses(body, stream);
    }

    private static String scheme(String core) {
        String lower = core.toLowerCase(Locale.ROOT);
        for (String scheme : SCHEMES) {
            if (lower.startsWith(scheme) && core.length() > scheme.length()) {
                int end = scheme.length();
                while (end < core.length() && core.charAt(end) == ' ') {
                    end++;
                }
                return core.substring(0, end);
            }
        }
        return "";
    }

    /** Each character replaced within its class; hex stays hex. Nothing alphanumeric: kept. */
    private static String sameClasses(String body, KeyedStream stream) {
        boolean hexLower = true;
        boolean hexUpper = true;
        boolean any = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Chars.isAsciiAlnum(c)) {
                any = true;
                hexLower &= Chars.isAsciiDigit(c) || c >= 'a' && c <= 'f';
                hexUpper &= Chars.isAsciiDigit(c) || c >= 'A' && c <= 'F';
            }
        }
        if (!any) {
            return body;
        }
        boolean hex = body.length() >= 8;
        String lowerAlphabet = hex && hexLower ? "abcdef" : Chars.LOWER;
        String upperAlphabet = hex && hexUpper ? "ABCDEF" : Chars.UPPER;
        String digitAlphabet = Chars.DIGITS;
        while (true) {
            StringBuilder drawn = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (Chars.isAsciiDigit(c)) {
                    drawn.append(stream.pick(digitAlphabet));
                } else if (Chars.isAsciiLower(c)) {
                    drawn.append(stream.pick(lowerAlphabet));
                } else if (Chars.isAsciiUpper(c)) {
                    drawn.append(stream.pick(upperAlphabet));
                } else {
                    drawn.append(c);
                }
            }
            String out = Marks.markTail("secret", drawn.toString(), true);
            if (!out.equals(body)) {
                return out;
            }
        }
    }

    /** The masked JWT, or null when {@code token} is not header.payload.signature with JSON objects. */
    private String maskJwt(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = JSON.readTree(DECODER.decode(parts[0]));
            payload = JSON.readTree(DECODER.decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
        if (header == null || payload == null || !header.isObject() || !payload.isObject() || !header.has("alg")) {
            return null;
        }
        String headerPart = parts[0];
        boolean standard = true;
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            standard &= STANDARD_HEADER.contains(field.getKey());
        }
        try {
            if (!standard) {
                ObjectNode masked = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> field : header.properties()) {
                    JsonNode value = field.getValue();
                    masked.set(field.getKey(), STANDARD_HEADER.contains(field.getKey()) || !value.isTextual()
                            ? value : JsonNodeFactory.instance.textNode(surrogates.identifier(value.asText())));
                }
                headerPart = ENCODER.encodeToString(JSON.writeValueAsBytes(masked));
            }
            String payloadPart = ENCODER.encodeToString(JSON.writeValueAsBytes(claims((ObjectNode) payload)));
            String signature = "";
            if (!parts[2].isEmpty()) {
                int length = parts[2].length() * 3 / 4; // the bytes behind unpadded base64url
                byte[] bytes = hash.stream("jwt-signature", token).nextBytes(length);
                if (length >= MARKED_SIGNATURE) {
                    byte[] mark = signatureMark(headerPart, payloadPart, bytes);
                    bytes[length - 2] = mark[0];
                    bytes[length - 1] = mark[1];
                }
                signature = ENCODER.encodeToString(bytes);
            }
            return headerPart + "." + payloadPart + "." + signature;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ObjectNode claims(ObjectNode payload) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            out.set(field.getKey(), claim(field.getKey(), field.getValue()));
        }
        return out;
    }

    private JsonNode claim(String name, JsonNode value) {
        if (KEPT_CLAIMS.contains(name)) {
            return value;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isObject()) {
            return claims((ObjectNode) value);
        }
        if (value.isArray()) {
            var array = nodes.arrayNode();
            value.forEach(element -> array.add(claim(name, element)));
            return array;
        }
        if (value.isTextual()) {
            return nodes.textNode(text(name, value.asText()));
        }
        if (value.isIntegralNumber()) {
            String digits = value.bigIntegerValue().abs().toString();
            String masked = keyedNumber(name, digits);
            BigInteger number = new BigInteger(masked);
            return nodes.numberNode(value.bigIntegerValue().signum() < 0 ? number.negate() : number);
        }
        if (value.isNumber()) {
            String plain = value.decimalValue().toPlainString();
            String masked = Chars.fillDigits(plain, keyedNumber(name, Chars.digitsOf(plain)));
            return nodes.numberNode(new BigDecimal(masked));
        }
        return value; // booleans and null say nothing about a person
    }

    private String text(String name, String value) {
        if (value.isEmpty()) {
            return value;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (value.indexOf('@') > 0 && Emails.SYNTAX_LOOSE.matcher(value).matches()) {
            return surrogates.email(value);
        }
        if (NAME_CLAIMS.contains(lower)) {
            return surrogates.personName(value);
        }
        if (lower.equals("phone_number") || lower.equals("phone")) {
            return surrogates.phone(value);
        }
        if (lower.equals("birthdate")) {
            return surrogates.dateOfBirth(value);
        }
        if (lower.equals("postal_code")) {
            return surrogates.postalCode(value);
        }
        if (lower.equals("formatted") || lower.equals("street_address") || lower.equals("address")) {
            return surrogates.address(value);
        }
        if (value.chars().allMatch(c -> c < 0x80)) {
            return surrogates.identifier(value);
        }
        return Scripts.scramble(value, hash.stream("jwt-claim", name + "=" + value));
    }

    /** Digits of the same count, a leading non-zero digit kept non-zero; never the same. */
    private String keyedNumber(String name, String digits) {
        KeyedStream stream = hash.stream("jwt-claim", name + "=" + digits);
        while (true) {
            StringBuilder out = new StringBuilder(digits.length());
            for (int i = 0; i < digits.length(); i++) {
                out.append(i == 0 && digits.length() > 1 && digits.charAt(0) != '0' ? (char) ('1' + stream.nextInt(9)) : stream.digit());
            }
            if (!out.toString().equals(digits) || digits.isEmpty()) {
                return out.toString();
            }
        }
    }

    /** The two mark bytes of a signature: see the class comment. */
    private static byte[] signatureMark(String header, String payload, byte[] signature) {
        String others = ENCODER.encodeToString(java.util.Arrays.copyOf(signature, signature.length - 2));
        long mark = Marks.hash("jwt", header + "." + payload + "." + others);
        return new byte[] {(byte) (mark >>> 56), (byte) (mark >>> 48)};
    }

    /** Whether {@code text} (after an optional scheme) is a JWT whose signature carries the mark. */
    static boolean isJwtSurrogate(String text) {
        String token = text.substring(scheme(text).length());
        if (!isJwt(token)) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        byte[] signature = DECODER.decode(parts[2]);
        if (signature.length < MARKED_SIGNATURE) {
            return false;
        }
        byte[] mark = signatureMark(parts[0], parts[1], signature);
        return signature[signature.length - 2] == mark[0] && signature[signature.length - 1] == mark[1];
    }

    /**
     * Whether {@code text} is a secret surrogate: a marked JWT, or a body (after an optional scheme
     * and known prefix) carrying the tail mark.
     */
    static boolean isSecretSurrogate(String text) {
        if (isJwtSurrogate(text)) {
            return true;
        }
        String rest = text.substring(scheme(text).length());
        if (Marks.hasTailMark("secret", rest, true)) {
            // also when the body drawn for an unknown prefix happens to begin like a known one
            // (tok_… drawn as gho_…): the mark covers the whole body then
            return true;
        }
        for (String known : KEY_PREFIXES) {
            if (rest.startsWith(known) && rest.length() > known.length()) {
                return Marks.hasTailMark("secret", rest.substring(known.length()), true);
            }
        }
        return false;
    }

    /** Whether {@code text} is header.payload.signature with a JSON object header naming an alg. */
    static boolean isJwt(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
            JsonNode payload = JSON.readTree(DECODER.decode(parts[1]));
            DECODER.decode(parts[2]);
            return header != null && header.isObject() && header.has("alg") && payload != null && payload.isObject()
                    && new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8).startsWith("{");
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}

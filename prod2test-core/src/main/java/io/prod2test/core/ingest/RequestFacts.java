package io.prod2test.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the analysis needs to know of one exchange's request, computed once while the exchange is
 * loaded so that no analysis has to parse its JSONB again. Each fact is exactly what the SQL the
 * analysis used before gave for the same row (V3 of the store says which expression each replaces);
 * {@code RequestFactsTest} runs both on a corpus of bodies and compares them.
 *
 * <p>The body is taken as the JSON text written into {@code exchanges.request_body}, read the way
 * {@code jsonb} reads it: object keys sorted by length and then bytes, the last of duplicate keys
 * kept, numbers as {@code numeric}.
 *
 * @param idempotencyKey the {@code idempotency-key} request header, as {@code request_headers ->> 'idempotency-key'}
 * @param bodyHash       {@code hashtextextended(request_body::text, 0)}; null without a body
 * @param shape          for an object body its keys then the types of their values, each as a JSON array
 *                       in {@code jsonb} order; null for any other body
 * @param oddValues      for an object body the odd values as {@code kind|$.key}, sorted, as the analysis's
 *                       {@code analysis_odd_values} reports them behind its jsonpath filter; null when none
 */
public record RequestFacts(String idempotencyKey, Long bodyHash, String shape, List<String> oddValues) {
    /**
     * The version of the facts written to {@code exchanges.request_facts}; rows without one were
     * loaded before the facts existed and the analysis derives them from the JSONB itself.
     */
    public static final short VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> AMOUNT_KEYS = Set.of("amount", "price", "total", "unitPrice");
    private static final Set<String> ZERO_DECIMAL_CURRENCIES = Set.of("JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    public RequestFacts {
        oddValues = oddValues == null ? null : List.copyOf(oddValues);
    }

    /**
     * The facts of a request.
     *
     * @param headers         the request headers (names in lower case), or null
     * @param requestBodyJson the request body as the JSON text stored, or null for none
     */
    public static RequestFacts of(Map<String, String> headers, String requestBodyJson) {
        return of(headers == null ? null : headers.get("idempotency-key"), requestBodyJson);
    }

    /**
     * The facts of a request whose idempotency key is already known.
     *
     * @param idempotencyKey  the {@code idempotency-key} header, or null
     * @param requestBodyJson the request body as the JSON text stored, or null for none
     */
    public static RequestFacts of(String idempotencyKey, String requestBodyJson) {
        if (requestBodyJson == null) {
            return new RequestFacts(idempotencyKey, null, null, null);
        }
        Object body = parse(requestBodyJson);
        StringBuilder text = new StringBuilder(requestBodyJson.length() + 16);
        write(text, body);
        long hash = hashBytesExtended(text.toString().getBytes(StandardCharsets.UTF_8));
        if (!(body instanceof JsonbObject object)) {
            return new RequestFacts(idempotencyKey, hash, null, null);
        }
        return new RequestFacts(idempotencyKey, hash, shape(object), oddValues(object));
    }

    /**
     * The facts as the values of the {@code exchanges} columns {@code request_facts, idempotency_key,
     * request_body_hash, request_shape, request_odd_values}, in that order; the last as a PostgreSQL
     * array literal. Null stands for SQL NULL.
     */
    public List<Object> columns() {
        return Arrays.asList(VERSION, idempotencyKey, bodyHash, shape, oddValues == null ? null : arrayLiteral(oddValues));
    }

    private static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    // ---- the body as jsonb holds it

    /** A jsonb object: keys unique and in jsonb's order. */
    private record JsonbObject(List<String> keys, List<Object> values) {
    }

    /** A jsonb number: its value and the text {@code numeric} prints for it. */
    private record JsonbNumber(BigDecimal value, String text) {
    }

    /** Strings are {@link String}, arrays {@link List}, booleans {@link Boolean}, null {@link #NULL}. */
    private static final Object NULL = new Object();

    /** jsonb orders keys by length in bytes, then byte by byte. */
    private static final Comparator<String> JSONB_KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private static Object parse(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("an empty request body is not JSON");
            }
            return value(p, t);
        } catch (IOException e) {
            throw new IllegalArgumentException("a request body is not JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                // the last of duplicate keys wins, as in jsonb
                Map<String, Object> members = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    members.put(key, value(p, p.nextToken()));
                }
                List<String> keys = new ArrayList<>(members.keySet());
                keys.sort(JSONB_KEY_ORDER);
                List<Object> values = new ArrayList<>(keys.size());
                for (String key : keys) {
                    values.add(members.get(key));
                }
                yield new JsonbObject(keys, values);
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(value(p, i));
                }
                yield items;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal n = new BigDecimal(p.getText());
                // numeric keeps the digits after the point that the text gave, never fewer than none
                yield new JsonbNumber(n, (n.scale() < 0 ? n.setScale(0) : n).toPlainString());
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw new IllegalArgumentException("unexpected JSON token " + t);
        };
    }

    /** jsonb's text output ({@code JsonbToCString}). */
    private static void write(StringBuilder out, Object v) {
        if (v instanceof JsonbObject o) {
            out.append('{');
            for (int i = 0; i < o.keys().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                string(out, o.keys().get(i));
                out.append(": ");
                write(out, o.values().get(i));
            }
            out.append('}');
        } else if (v instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, items.get(i));
            }
            out.append(']');
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof JsonbNumber n) {
            out.append(n.text());
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else {
            out.append("null");
        }
    }

    /** PostgreSQL's {@code escape_json}. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < ' ') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String typeName(Object v) {
        if (v instanceof JsonbObject) {
            return "object";
        } else if (v instanceof List<?>) {
            return "array";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof JsonbNumber) {
            return "number";
        } else if (v instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }

    /** {@code jsonb_path_query_array(b, '$.keyvalue().key')::text || jsonb_path_query_array(b, '$.*.type()')::text}. */
    private static String shape(JsonbObject o) {
        List<Object> types = new ArrayList<>(o.values().size());
        for (Object v : o.values()) {
            types.add(typeName(v));
        }
        StringBuilder out = new StringBuilder();
        write(out, o.keys());
        write(out, types);
        return out.toString();
    }

    // ---- odd values

    /** {@code analysis_odd_values(b)} behind the analysis's jsonpath filter: null when the filter or the function finds none. */
    private static List<String> oddValues(JsonbObject o) {
        if (!anyOddCandidate(o)) {
            return null;
        }
        Object currency = null;
        int at = o.keys().indexOf("currency");
        if (at >= 0) {
            currency = o.values().get(at);
        }
        boolean zeroDecimalCurrency = currency instanceof String c && ZERO_DECIMAL_CURRENCIES.contains(c.toUpperCase(Locale.ROOT));
        TreeSet<String> odd = new TreeSet<>();
        for (int i = 0; i < o.keys().size(); i++) {
            String key = o.keys().get(i);
            String kind = kind(key, o.values().get(i), zeroDecimalCurrency);
            if (kind != null) {
                odd.add(kind + "|$." + key);
            }
        }
        return odd.isEmpty() ? null : List.copyOf(odd);
    }

    private static String kind(String key, Object v, boolean zeroDecimalCurrency) {
        if (v instanceof JsonbNumber n) {
            int sign = n.value().signum();
            if (sign == 0) {
                return "zero";
            } else if (sign < 0) {
                return "negative";
            } else if (n.value().compareTo(INT_MAX) > 0) {
                return "beyond-32-bit";
            } else if (n.value().compareTo(MILLION) >= 0 && n.text().matches("10*")) {
                return "maximum";
            } else if (n.text().indexOf('.') >= 0 && AMOUNT_KEYS.contains(key) && zeroDecimalCurrency) {
                return "decimals-in-zero-decimal-currency";
            }
        } else if (v instanceof String s) {
            if (s.isEmpty()) {
                return "empty";
            } else if (s.codePointCount(0, s.length()) > 200) {
                return "very-long";
            } else if (hasAstral(s)) {
                return "astral-characters";
            }
        }
        return null;
    }

    /**
     * The jsonpath filter {@code $.* ? (...)} of the analysis: in lax mode the filter looks into an
     * array value one level deep, so a nested element can let the body through even though only
     * top-level values are reported.
     */
    private static boolean anyOddCandidate(JsonbObject o) {
        for (Object v : o.values()) {
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    if (candidate(item)) {
                        return true;
                    }
                }
            } else if (candidate(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean candidate(Object v) {
        if (v instanceof JsonbNumber n) {
            BigDecimal x = n.value();
            return x.signum() <= 0 || x.compareTo(MILLION) >= 0 || x.compareTo(x.setScale(0, RoundingMode.FLOOR)) != 0;
        } else if (v instanceof String s) {
            return s.isEmpty() || startsWith201WithoutNewline(s) || hasAstral(s);
        }
        return false;
    }

    /** {@code like_regex "^.{201}"}: without the s flag a dot does not match a newline. */
    private static boolean startsWith201WithoutNewline(String s) {
        int count = 0;
        for (int i = 0; i < s.length() && count < 201; ) {
            int cp = s.codePointAt(i);
            if (cp == '\n') {
                return false;
            }
            count++;
            i += Character.charCount(cp);
        }
        return count >= 201;
    }

    private static boolean hasAstral(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isHighSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- PostgreSQL's hash_bytes_extended (src/common/hashfn.c, Bob Jenkins' lookup3), seed 0

    @SuppressWarnings("fallthrough") // lookup3's tail adds the remaining bytes by falling through
    static long hashBytesExtended(byte[] k) {
        int len = k.length;
        int a = 0x9e3779b9 + len + 3923095;
        int b = a;
        int c = a;
        int i = 0;
        while (len >= 12) {
            a += word(k, i);
            b += word(k, i + 4);
            c += word(k, i + 8);
            // mix
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            i += 12;
            len -= 12;
        }
        // the tail, little-endian; the lowest byte of c is left for the length
        switch (len) {
            case 11: c += (k[i + 10] & 0xff) << 24;
            case 10: c += (k[i + 9] & 0xff) << 16;
            case 9: c += (k[i + 8] & 0xff) << 8;
            case 8: b += (k[i + 7] & 0xff) << 24;
            case 7: b += (k[i + 6] & 0xff) << 16;
            case 6: b += (k[i + 5] & 0xff) << 8;
            case 5: b += k[i + 4] & 0xff;
            case 4: a += (k[i + 3] & 0xff) << 24;
            case 3: a += (k[i + 2] & 0xff) << 16;
            case 2: a += (k[i + 1] & 0xff) << 8;
            case 1: a += k[i] & 0xff;
            default: break;
        }
        // final
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return ((long) b << 32) | (c & 0xffffffffL);
    }

    private static int word(byte[] k, int i) {
        return (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
    }
}

package io.prod2test.mask;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic traffic in the canonical log format for the streaming tests: every kind of
 * personal value the masker knows, in paths, queries, headers, cookies, bodies and the exchange's
 * own fields, and the JSON edge cases a token-level copy could get wrong (escapes, non-BMP
 * characters, number forms, nulls, empty containers). Mostly canonical lines, with a share of
 * lines the fast path must leave to the reference way (other field order, coercible types,
 * duplicate keys, escaped surrogates …) and lines that are no exchange at all. All values are
 * made up: test cards, documentation IP ranges, example domains.
 */
final class Traffic {
    private static final String[] FAMILY_JA = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤"};
    private static final String[] GIVEN_JA = {"太郎", "花子", "美咲", "大輔", "さくら", "拓也", "由美子", "翔太"};
    private static final String[] KANA = {"サトウ タロウ", "スズキ ハナコ", "タカハシ ミサキ", "ヤマダ ダイスケ"};
    private static final String[] LATIN = {"Emily Garcia", "GORDON WARD", "Rodrick Windler", "Chante Hayes", "Ana de la Cruz"};
    private static final String[] CARDS = {"4242424242424242", "5555555555554444", "371449635398431", "4012888888881881",
            "4242 4242 4242 4242", "6011111111111117"};
    private static final String[] PHONES = {"090-1234-5678", "080-0019-0186", "03-1234-5678", "212-555-0101", "+1 415-555-0132",
            "+81 90-1234-5678", "０９０－１２３４－５６７８", "(03) 5555-0101"};
    private static final String[] ADDRESSES = {"東京都新宿区西新宿2丁目14-6 メゾン青葉 1104号室", "大阪府大阪市中央区心斎橋筋4-15-13",
            "北海道札幌市中央区北一条西2-22-4", "4724 Corey Springs, East Stantonfurt, WY", "19917 Basilia Parkway, Apt 5, Portland, OR 97201"};
    private static final String[] POSTAL = {"160-0023", "541-6819", "〒100-0001", "46995", "97201", "１６０－００２３"};
    private static final String[] DOB = {"1984-12-09", "1998/01/20", "1975年3月4日", "20010704", "2009-06-15"};
    private static final String[] PRODUCTS = {"A5 dot-grid notebook", "煎茶 100g", "今治 フェイスタオル", "ノイズキャンセリング ヘッドホン",
            "Gift card", "マグ カップ"};
    private static final String[] AGENTS = {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "Java-http-client/25.0.3", "curl/8.5.0"};
    private static final String[] ODD_STRINGS = {"a \"quoted\" word", "back\\slash", "line\nbreak\ttab", "ctrl\u0001\u001f", "emoji 😀 here",
            "😀", "𠮷野家", "full－width ＡＢＣ１２３", "", " ", "  spaced  ", "<tag attr='x'>", "null", "true", "-0", "1e3",
            "mixed 漢字 and kana カタカナ", "\u2028\u2029", "\u007f", "/slash/", "é accent", "ZWJ 👩‍👩‍👧"};

    private final Random random;
    private int sequence;

    Traffic(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} lines of UTF-8, each ending with a line break; the first starts with a byte-order mark. */
    byte[] file(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 80) {
                out.writeBytes(utf8(canonical()));
            } else if (kind < 95) {
                out.writeBytes(utf8(unusual()));
            } else {
                out.writeBytes(broken());
            }
            out.writeBytes(random.nextInt(20) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A canonical exchange: fields in ExchangeJson's order, values of their canonical types. */
    String canonical() {
        Json j = new Json();
        j.field("ts", timestamp());
        if (random.nextInt(10) > 0) {
            j.field("service", pick("shop", "payments", ""));
        }
        j.field("method", pick("GET", "POST", "PUT", "DELETE", "PATCH"));
        j.field("path", path());
        if (random.nextInt(4) == 0) {
            j.raw("query", query());
        }
        if (random.nextInt(15) > 0) {
            j.raw("requestHeaders", headers(true));
        }
        if (random.nextInt(3) == 0) {
            j.raw("requestBody", body(0));
        }
        j.raw("status", Integer.toString(pick(200, 201, 204, 302, 400, 404, 409, 422, 500, 503, 100, 599)));
        if (random.nextInt(15) > 0) {
            j.raw("responseHeaders", headers(false));
        }
        if (random.nextInt(5) > 0) {
            j.raw("responseBody", body(0));
        }
        if (random.nextInt(10) > 0) {
            j.raw("durationMs", Integer.toString(random.nextInt(3) == 0 ? 0 : random.nextInt(5000)));
        }
        if (random.nextInt(5) > 0) {
            j.field("sessionId", sessionId());
        }
        if (random.nextInt(3) > 0) {
            j.field("userId", pick("cus_" + hex(12), "u-" + random.nextInt(100), "C000" + (12345 + random.nextInt(1000)),
                    "taro_sato", "7f3e2a10-5b4c-4d2e-9f1a-0c8b7a6d5e4f"));
        }
        if (random.nextInt(4) > 0) {
            j.field("traceId", hex(32));
        }
        if (random.nextInt(6) > 0) {
            j.field("clientIp", pick("203.0.113." + random.nextInt(256), "198.51.100.7", "2001:db8::" + random.nextInt(999), "127.0.0.1",
                    "192.0.2.1, 10.0.0.1"));
        }
        return j.close();
    }

    /** Lines the fast path must hand to the reference way, valid exchanges or not. */
    String unusual() {
        String line = canonical();
        return switch (random.nextInt(20)) {
            case 0 -> { // ts last
                int end = line.indexOf("\",", 7);
                yield "{" + line.substring(end + 2, line.length() - 1) + "," + line.substring(1, end + 1) + "}";
            }
            case 1 -> line.replaceFirst("\"status\":(\\d+)", "\"status\":\"$1\""); // a status as a string
            case 2 -> line.replaceFirst("\"ts\":\"[^\"]*\"", "\"ts\":\"" + pick("2026-11-02T09:14:03.000Z", "2026-11-02T09:14:03.5Z",
                    "2026-11-02T18:14:03+09:00", "2026-11-02t09:14:03z", "2026-11-02T09:14:03.123000Z", "2026-02-30T00:00:00Z",
                    "2026-11-02T23:59:60Z", " 2026-11-02T09:14:03Z", "1770000000") + "\"");
            case 3 -> line.replaceFirst("\\{\"accept\"", "{\"Accept\"").replaceFirst("\\{\"content-type\"", "{\"Content-Type\"")
                    .replace("\"user-agent\"", "\"User-Agent\"");
            case 4 -> line.replaceFirst("}$", ",\"extra\":{\"nested\":[1,{\"email\":\"taro.suzuki@example.org\"}]},\"x\":null}");
            case 5 -> line.replaceFirst("\"method\":\"[A-Z]+\"", "\"method\":\"" + pick("get", "", "M-SEARCH", " GET") + "\"");
            case 6 -> line.replaceFirst("\"status\":\\d+", "\"status\":" + pick("700", "99", "200.0", "null", "3000000000"));
            // (a malformed %-escape, "/a%zz", makes the masker throw and ends the run, either way)
            case 7 -> line.replaceFirst("\"path\":\"[^\"]*\"", "\"path\":\"" + pick("no-slash", "/a%41b", "/", "") + "\"");
            case 8 -> line.replaceFirst("\"durationMs\":\\d+", "\"durationMs\":" + pick("-1", "1.5", "\"12\"", "null", "12345678901234"));
            case 9 -> line.replaceFirst("}$", ",\"requestBody\":{\"a\":1,\"a\":2}}"); // a duplicate, and out of order
            case 10 -> line.replaceFirst("\"method\"", "\"service\":\"again\",\"method\""); // service twice
            case 11 -> line.replace("\"path\":\"", "\"path\":\"/\\ud800x"); // an escaped lone surrogate
            case 12 -> line.replace("\"path\":\"", "\"path\":\"/\\ud83d\\ude00"); // an escaped pair
            case 13 -> line.replaceFirst("\\{\"ts\"", "{\"responseBody\":{\"n\":1.5E+2,\"z\":-0.0},\"ts\"");
            case 14 -> line.replaceFirst("\"sessionId\":\"[^\"]*\"", "\"sessionId\":" + pick("12345", "true", "null", "{}"));
            case 15 -> line.replaceFirst("}$", ",\"query\":{\"q\":\"single\"}}");
            case 16 -> line.replaceFirst("}$", "} trailing garbage");
            case 17 -> "  \t" + line; // leading white space
            case 18 -> line.replaceFirst("\"requestHeaders\":\\{", "\"requestHeaders\":{\"x-dup\":\"1\",\"x-dup\":\"2\",");
            default -> line.replaceFirst("\"ts\":\"[^\"]*\",", "\"ts\":null,");
        };
    }

    /** Not exchanges: the reference way quarantines them (or skips blank ones). */
    byte[] broken() {
        return switch (random.nextInt(8)) {
            case 0 -> utf8("");
            case 1 -> utf8("   \t ");
            case 2 -> new byte[] {'{', '"', 'x', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
            case 3 -> utf8("card 4242424242424242 and taro.suzuki@example.org in plain text");
            case 4 -> utf8("{\"ts\":\"2026-11-02T09:14:03Z\",\"method\":\"GET\",\"path\":\"/x\",\"status\":200");
            case 5 -> utf8("[1,2,{\"email\":\"hanako@example.net\"}]");
            case 6 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}; // an encoded surrogate
            default -> utf8("{\"email\":\"taro.suzuki@example.org\",\"status\":\"oops\"}");
        };
    }

    private String timestamp() {
        String base = String.format("2026-%02d-%02dT%02d:%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return base + switch (random.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> "." + (100 + random.nextInt(900)) + "Z";
            case 2 -> "." + (100_000 + random.nextInt(900_000)) + "Z";
            default -> "." + (100_000_000 + random.nextInt(900_000_000)) + "Z";
        };
    }

    private String path() {
        return switch (random.nextInt(12)) {
            case 0 -> "/products";
            case 1 -> "/customers/cus_" + hex(12);
            case 2 -> "/customers/cus_" + hex(12) + "/cards";
            case 3 -> "/carts/cart_" + hex(12) + "/items";
            case 4 -> "/orders/ord_" + hex(12) + "/refunds/" + random.nextInt(100);
            case 5 -> "/users/" + URLEncoder.encode(pick("taro.suzuki@example.org", "hanako+tag@example.net"), StandardCharsets.UTF_8);
            case 6 -> "/people/" + URLEncoder.encode(FAMILY_JA[random.nextInt(FAMILY_JA.length)] + " " + GIVEN_JA[random.nextInt(GIVEN_JA.length)],
                    StandardCharsets.UTF_8).replace("+", "%20");
            case 7 -> "/phones/" + pick("090-1234-5678", "03-1234-5678");
            case 8 -> "/cards/4242424242424242/verify";
            case 9 -> "/a//b/" + random.nextInt(10) + "/";
            case 10 -> "/search/a+b/" + hex(8);
            default -> "/payments/pay_" + hex(16);
        };
    }

    private String query() {
        Json q = new Json();
        int n = 1 + random.nextInt(3);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = pick("email", "phone", "q", "page", "expand", "name", "cursor", "sid");
            if (used.contains(name)) {
                continue;
            }
            used.add(name);
            StringBuilder values = new StringBuilder("[");
            int count = random.nextInt(3);
            for (int k = 0; k < count; k++) {
                values.append(k > 0 ? "," : "").append(Json.quote(value(name)));
            }
            q.raw(name, values.append(']').toString());
        }
        return q.close();
    }

    private String headers(boolean request) {
        Json h = new Json();
        if (request) {
            h.field("accept", "application/json");
            h.field("user-agent", pick(AGENTS));
            if (random.nextBoolean()) {
                h.field("authorization", pick("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTc3IiwiZW1haWwiOiJ0YXJvQGV4YW1wbGUub3JnIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg",
                        "Bearer sk_live_" + hex(24), "Basic dXNlcjpwYXNzd29yZA=="));
            }
            if (random.nextBoolean()) {
                h.field("cookie", pick("sid=" + hex(32), "sid=" + hex(32) + "; theme=dark; email=taro.suzuki@example.org", "a=b; =x; flag",
                        "sid= " + hex(8) + " ", ""));
            }
            h.field("x-forwarded-for", pick("203.0.113.9", "198.51.100.7, 10.0.0.1", "2001:db8::1"));
            if (random.nextBoolean()) {
                h.field("traceparent", "00-" + hex(32) + "-" + hex(16) + "-01");
            }
            if (random.nextInt(4) == 0) {
                h.field("x-customer-email", pick("taro.suzuki@example.org", "HANAKO@EXAMPLE.NET"));
            }
            if (random.nextInt(4) == 0) {
                h.field("x-note", pick(ODD_STRINGS));
            }
            h.field("content-type", "application/json");
        } else {
            if (random.nextBoolean()) {
                h.field("set-cookie", "sid=" + hex(32) + "; Path=/; HttpOnly; SameSite=Lax");
            }
            h.field("date", "Sat, 21 Nov 2026 08:15:01 GMT");
            h.field("content-type", "application/json");
            if (random.nextInt(5) == 0) {
                h.field("location", "/customers/cus_" + hex(12));
            }
        }
        return h.close();
    }

    private String body(int depth) {
        int kind = depth > 2 ? 9 + random.nextInt(3) : random.nextInt(14);
        return switch (kind) {
            case 0 -> customer();
            case 1 -> products();
            case 2 -> payment();
            case 3 -> "[" + customer() + "," + customer() + "]";
            case 4 -> "{\"data\":" + body(depth + 1) + ",\"meta\":{\"next\":" + body(depth + 1) + ",\"empty\":{},\"none\":[]}}";
            case 5 -> Json.quote(pick("plain text body with taro.suzuki@example.org", "<html>not json</html>", "", "090-1234-5678"));
            case 6 -> numbers();
            case 7 -> "null";
            case 8 -> "[[1,2],[\"a\",[\"b\",{\"name\":\"" + FAMILY_JA[0] + " " + GIVEN_JA[0] + "\"}]],{}]";
            case 9 -> Json.quote(pick(ODD_STRINGS));
            case 10 -> Integer.toString(random.nextInt(2000) - 1000);
            case 11 -> pick("true", "false", "null", "[]", "{}");
            case 12 -> "{\"odd\":" + Json.quote(pick(ODD_STRINGS)) + ",\"" + pick(ODD_STRINGS).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\t", "\\t").replace("\u0001", "\\u0001").replace("\u001f", "\\u001f") + "\":1}";
            default -> "{\"message\":" + Json.quote(pick("Dear Mr. Smith, your order shipped", "お問い合わせありがとうございます。佐藤 美咲様",
                    "call me at 090-1234-5678 or mail taro@example.org", "ok")) + ",\"code\":" + random.nextInt(1000) + "}";
        };
    }

    private String customer() {
        Json c = new Json();
        c.field("id", "cus_" + hex(12));
        c.field("email", pick("taro.suzuki@example.org", "hanako+tag@example.net", "o'brien@example.com", "ユーザー@example.jp"));
        c.field("name", random.nextBoolean() ? FAMILY_JA[random.nextInt(FAMILY_JA.length)] + pick(" ", "\u3000") + GIVEN_JA[random.nextInt(GIVEN_JA.length)]
                : pick(LATIN));
        c.field("nameKana", pick(KANA));
        c.field("phone", pick(PHONES));
        c.field("postalCode", pick(POSTAL));
        c.field("address", pick(ADDRESSES));
        c.field("dateOfBirth", pick(DOB));
        if (random.nextBoolean()) {
            c.field("myNumber", pick("780306545030", "123456789012"));
        }
        if (random.nextBoolean()) {
            c.raw("customerNo", Long.toString(random.nextInt(3) == 0 ? 10_000_000_000L + random.nextInt(1_000_000) : random.nextInt(100_000)));
        }
        c.raw("locale", random.nextBoolean() ? "\"ja-JP\"" : "null");
        c.raw("verified", Boolean.toString(random.nextBoolean()));
        c.field("createdAt", timestamp());
        if (random.nextInt(4) == 0) {
            c.field("iban", "DE89370400440532013000");
            c.field("ip", "203.0.113.42");
            c.field("password", "hunter2!" + random.nextInt(100));
        }
        return c.close();
    }

    private String products() {
        StringBuilder items = new StringBuilder("{\"items\":[");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            Json item = new Json();
            item.field("sku", pick("NOTEBOOK-A5", "TEA-SENCHA-100", "GIFT-CARD"));
            item.field("name", pick(PRODUCTS));
            item.field("nameJa", pick(PRODUCTS));
            item.raw("quantity", Integer.toString(1 + random.nextInt(5)));
            item.raw("prices", random.nextInt(4) == 0 ? "null" : "{\"JPY\":" + (100 + random.nextInt(50000)) + ",\"USD\":" + pick("5.90", "49.80", "0.00", "105.00",
                    "-0.50", "12.345") + "}");
            item.raw("tags", random.nextBoolean() ? "[]" : "[\"sale\",\"" + pick(PRODUCTS) + "\"]");
            items.append(i > 0 ? "," : "").append(item.close());
        }
        return items.append("],\"nextCursor\":").append(random.nextBoolean() ? "null" : Json.quote(hex(16))).append('}').toString();
    }

    private String payment() {
        Json p = new Json();
        p.field("id", "pay_" + hex(16));
        p.raw("amount", Integer.toString(random.nextInt(100_000)));
        p.field("currency", pick("JPY", "USD"));
        p.field("number", pick(CARDS));
        p.raw("expMonth", Integer.toString(1 + random.nextInt(12)));
        p.raw("expYear", Integer.toString(2027 + random.nextInt(5)));
        p.field("cvc", Integer.toString(100 + random.nextInt(900)));
        p.field("holderName", pick(LATIN));
        p.field("token", "tok_" + hex(24));
        p.raw("captured", Boolean.toString(random.nextBoolean()));
        p.raw("refunds", "[{\"id\":\"re_" + hex(12) + "\",\"amount\":" + random.nextInt(1000) + "}]");
        return p.close();
    }

    private String numbers() {
        return "{\"int\":" + (random.nextInt(2001) - 1000) + ",\"zero\":0,\"negZero\":-0,\"long\":" + (Long.MAX_VALUE - random.nextInt(10))
                + ",\"big\":123456789012345678901234567890,\"neg\":-42,\"dec\":" + pick("5.90", "0.00", "-0.0", "-0.50", "3.14159", "100.0")
                + ",\"arr\":[1,-0,2.50,null,true],\"id\":" + (1 + random.nextInt(99999)) + ",\"cardNo\":4242424242424242}";
    }

    private String value(String name) {
        return switch (name) {
            case "email" -> pick("taro.suzuki@example.org", "x@example.net");
            case "phone" -> pick(PHONES);
            case "name" -> pick(LATIN);
            case "sid" -> hex(32);
            case "page" -> Integer.toString(random.nextInt(10));
            default -> pick(ODD_STRINGS);
        };
    }

    private String sessionId() {
        return pick(hex(32), "s-" + hex(4), "7f3e2a10-5b4c-4d2e-9f1a-0c8b7a6d5e4f", "SESS" + random.nextInt(1000), "a");
    }

    /** Lower-case hex digits; two times in three one of twenty recurring values, as sessions and ids recur in real traffic. */
    private String hex(int length) {
        Random digits = random.nextInt(3) > 0 ? new Random(length * 1000L + random.nextInt(20)) : random;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(digits.nextInt(16), 16));
        }
        return out.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** A JSON object written field by field, in the order given. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder("{");

        void field(String name, String value) {
            raw(name, quote(value));
        }

        void raw(String name, String json) {
            out.append(out.length() > 1 ? "," : "").append(quote(name)).append(':').append(json);
        }

        String close() {
            return out.append('}').toString();
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    case '\t' -> q.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else if (c == 'é' && s.length() > 10) {
                            q.append("\\u00e9"); // an escape the copy writes back as the character
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }
    }
}

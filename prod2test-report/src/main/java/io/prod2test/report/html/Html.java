package io.prod2test.report.html;

import java.util.Locale;

/** Text made safe for HTML: every value in the report goes through here, since masked values still come from users. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; control characters become spaces. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? ' ' : c);
            }
        }
        return out.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share > 0 && share < 0.001 ? "%.2f%%" : "%.1f%%", share * 100);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Shortens long text to {@code max} code points, marking the cut. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        int points = text.codePointCount(0, text.length());
        return points <= max ? text : text.substring(0, text.offsetByCodePoints(0, max)) + " …";
    }
}

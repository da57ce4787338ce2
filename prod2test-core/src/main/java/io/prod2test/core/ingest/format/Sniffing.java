package io.prod2test.core.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Helpers for {@link LogFormat#sniff}: the head's lines, and how many of them a format reads. */
final class Sniffing {
    /** How many lines of the head a line format looks at. */
    private static final int MAX_LINES = 50;

    private Sniffing() {
    }

    /**
     * The head's complete non-blank lines, BOM and CR stripped, decoded leniently. A last line
     * without its newline is left out when the head may have been cut there.
     */
    static List<String> lines(byte[] head) {
        List<String> lines = new ArrayList<>();
        if (head == null || head.length == 0) {
            return lines;
        }
        int start = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        boolean mayBeCut = head.length >= LogFormats.HEAD_BYTES;
        while (start < head.length && lines.size() < MAX_LINES) {
            int end = start;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == head.length && mayBeCut && !lines.isEmpty()) {
                break;
            }
            int stop = end > start && head[end - 1] == '\r' ? end - 1 : end;
            String line = new String(head, start, stop - start, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * The head's text when it is the start of one line longer than the head (a JSON line with a
     * big body): no line can be parsed, so formats judge by the keys they see; else {@code null}.
     */
    static String partialFirstLine(byte[] head) {
        if (head == null || head.length < LogFormats.HEAD_BYTES) {
            return null;
        }
        for (byte b : head) {
            if (b == '\n') {
                return null;
            }
        }
        return text(head, head.length);
    }

    /** The share of {@code lines} that {@code reads} accepts; 0 when there are none. */
    static double share(List<String> lines, Predicate<String> reads) {
        if (lines.isEmpty()) {
            return 0;
        }
        int ok = 0;
        for (String line : lines) {
            try {
                if (reads.test(line)) {
                    ok++;
                }
            } catch (RuntimeException e) {
                // not this format
            }
        }
        return (double) ok / lines.size();
    }

    /** The head as text from its first non-blank character, BOM skipped, at most {@code max} chars. */
    static String text(byte[] head, int max) {
        if (head == null) {
            return "";
        }
        int start = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        String text = new String(head, start, Math.min(head.length - start, max), StandardCharsets.UTF_8);
        return text.stripLeading();
    }

    /** The file name in lower case without a {@code .gz} ending, for hints. */
    static String name(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}

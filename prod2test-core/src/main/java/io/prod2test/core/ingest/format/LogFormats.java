package io.prod2test.core.ingest.format;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The log formats {@code prod2test} knows, by name or by sniffing a file's first bytes
 * ({@code --format auto}).
 */
public final class LogFormats {
    /** How many bytes of a file {@link #sniff} looks at: 64 KiB. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** The score a format must pass to be picked by {@code --format auto}. */
    public static final double THRESHOLD = 0.5;

    private final List<LogFormat> formats;

    private LogFormats(List<LogFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalStateException("no log formats found: META-INF/services/" + LogFormat.class.getName() + " is missing");
        }
        this.formats = List.copyOf(formats);
    }

    /** Every format registered with {@link ServiceLoader}, in registration order. */
    public static LogFormats standard() {
        List<LogFormat> found = new ArrayList<>();
        ServiceLoader.load(LogFormat.class, LogFormats.class.getClassLoader()).forEach(found::add);
        return new LogFormats(found);
    }

    /** Exactly these formats (tests, embedding). */
    public static LogFormats of(List<LogFormat> formats) {
        return new LogFormats(formats);
    }

    public List<LogFormat> all() {
        return formats;
    }

    /** The names users can pass to {@code --format}, besides {@code auto}. */
    public List<String> names() {
        return formats.stream().map(LogFormat::name).toList();
    }

    /**
     * The format called {@code name} (case-insensitive).
     *
     * @throws Prod2TestException {@link ErrorCode#USAGE} listing the known names
     */
    public LogFormat byName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (LogFormat format : formats) {
            if (format.name().equals(wanted)) {
                return format;
            }
        }
        throw new Prod2TestException(ErrorCode.USAGE, "unknown log format '" + name + "': use --format with one of auto, "
                + String.join(", ", names()));
    }

    /**
     * The format that reads {@code head} best, if its score is above {@link #THRESHOLD}; on a tie
     * the one registered first.
     *
     * @param head     the file's first bytes, decompressed ({@link #head})
     * @param fileName the file's name, for hints and the message
     * @throws Prod2TestException {@link ErrorCode#INVALID_INPUT} naming the file, the formats tried
     *                            with their scores, and {@code --format}
     */
    public LogFormat sniff(byte[] head, String fileName) {
        LogFormat best = null;
        double bestScore = 0;
        List<String> tried = new ArrayList<>();
        for (LogFormat format : formats) {
            double score;
            try {
                score = format.sniff(head, fileName);
            } catch (RuntimeException e) {
                score = 0; // a sniffer that fails has not recognised the file
            }
            tried.add(format.name() + String.format(Locale.ROOT, " %.2f", score));
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        if (best == null || bestScore <= THRESHOLD) {
            String what = head == null || head.length == 0 ? "it is empty" : "no format matched its first lines";
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, (fileName == null ? "<input>" : fileName)
                    + ": cannot tell the log format, " + what + " (tried " + tried.stream().collect(Collectors.joining(", "))
                    + "); use --format " + String.join("|", names()));
        }
        return best;
    }

    /** Reads up to {@link #HEAD_BYTES} bytes for {@link #sniff}; the stream is left after them. */
    public static byte[] head(InputStream in) throws IOException {
        return in.readNBytes(HEAD_BYTES);
    }
}

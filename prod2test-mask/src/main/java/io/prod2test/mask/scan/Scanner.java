package io.prod2test.mask.scan;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.FieldContext;
import io.prod2test.mask.PiiKind;
import io.prod2test.mask.detect.Detection;
import io.prod2test.mask.detect.Detectors;
import io.prod2test.mask.surrogate.SurrogateFormats;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Finds personal data left in files: the CI gate of a test-asset repository ({@code prod2test scan
 * PATH...}, exit 1 when anything is found). Walks files and folders in name order — skipping
 * {@code .git}, {@code target} and {@code node_modules} below a folder given, and binary files (a
 * NUL byte in the first 8 KiB); {@code .gz} files are read decompressed — and reads every text file
 * as UTF-8, line by line (invalid bytes replaced for scanning).
 *
 * <p>Each value goes through the detectors ({@link Detectors#standard()}) with the field it sits
 * in, as far as the file's format tells, because the detectors rely on field names for names,
 * addresses, dates of birth and secrets:
 * <ul>
 *   <li>{@code .jsonl}/{@code .ndjson}: each line that is JSON is walked value by value, the field
 *       name and JSON path as context ({@link io.prod2test.mask.Location#TEXT}). A canonical exchange
 *       line (as {@code ExchangeJson} writes it, starting {@code {"ts":}) is read the way
 *       {@link io.prod2test.mask.Masker} masks it: headers, cookies, query parameters, path segments
 *       and bodies at their own locations, so that a file the masker wrote scans clean.</li>
 *   <li>{@code .json}/{@code .har}: the whole document is walked the same way (the line of each value's
 *       token reported); a document that does not parse is read line by line like a JSON-lines file.</li>
 *   <li>{@code .yaml}/{@code .yml}: walked value by value with its path, as JSON is, and its comments
 *       read as text; a file that is no YAML is read line by line, {@code key: value} giving the field.</li>
 *   <li>{@code .sql}: {@code INSERT INTO t (a, b) VALUES ('x', 'y'), …} — also with the tuples on the
 *       lines that follow — and {@code COPY t (a, b) FROM stdin} rows give each value its column
 *       ({@code t.a}), as {@link io.prod2test.mask.Masker#maskRow} sees it.</li>
 *   <li>{@code .csv}/{@code .tsv}: the header row names the columns; Markdown tables
 *       ({@code .md}) too, by the row above their {@code |---|} line.</li>
 *   <li>Everything else, and every line the above cannot read: free text (the detectors still find
 *       {@code key=value} and {@code "key": "value"} pairs in it).</li>
 * </ul>
 *
 * <p>A value the detectors find is <em>not</em> reported when it is a surrogate, recognised without
 * the key by its mark ({@link SurrogateFormats#isSurrogate}), or an e-mail address at a reserved
 * domain ({@code example.com}, {@code .test} …), which is nobody's: both are counted (an address
 * cut short by the detector is also tried to the end of its token). Everything
 * else is a {@link Finding}, which never holds the value ({@link Finding#redact}). A raw value
 * carries a surrogate's mark by chance at the rates {@link io.prod2test.mask.surrogate.SurrogateScheme}
 * lists (about 1% for most kinds): a scan is a strong net, not a proof.
 *
 * <p>Immutable and thread-safe; one {@link #scan} call runs on the calling thread.
 */
public final class Scanner {
    /** How many findings a result lists by default; all are counted. */
    public static final int DEFAULT_MAX_FINDINGS = 1_000;
    /** Folders skipped below a folder given: version control, build output, dependencies. */
    public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules");
    /** A file with a NUL byte in this many first bytes is binary. */
    static final int SNIFF_BYTES = 8 * 1024;

    /** What ends a token besides whitespace: quotes, brackets, separators of both scripts. */
    private static final String TOKEN_ENDS = "\"'`<>()[]{}|,;、。，「」『』（）【】\u3000";

    private final Detectors detectors;
    private final int maxFindings;
    private final io.prod2test.mask.MaskingPolicy policy;

    private Scanner(Builder builder) {
        this.detectors = builder.detectors;
        this.maxFindings = builder.maxFindings;
        this.policy = builder.policy;
    }

    /** A scanner with every detector on the class path, listing up to {@value #DEFAULT_MAX_FINDINGS} findings. */
    public static Scanner standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private Detectors detectors = Detectors.standard();
        private int maxFindings = DEFAULT_MAX_FINDINGS;
        private io.prod2test.mask.MaskingPolicy policy;

        private Builder() {
        }

        /**
         * The masking policy the files were masked with: its public values (published test cards …)
         * are kept by masking on purpose and are not findings.
         */
        public Builder policy(io.prod2test.mask.MaskingPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The detectors to run (default {@link Detectors#standard()}). */
        public Builder detectors(Detectors detectors) {
            this.detectors = Objects.requireNonNull(detectors, "detectors");
            return this;
        }

        /** How many findings a result lists (default {@value #DEFAULT_MAX_FINDINGS}); the rest are counted only. */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 0) {
                throw new IllegalArgumentException("maxFindings must not be negative, was " + maxFindings);
            }
            this.maxFindings = maxFindings;
            return this;
        }

        public Scanner build() {
            return new Scanner(this);
        }
    }

    /** {@link #scan(List)} of the given paths. */
    public ScanResult scan(Path... paths) {
        return scan(List.of(paths));
    }

    /**
     * Scans files and folders. A file reached twice is scanned once; a file that cannot be read is
     * listed in {@link ScanResult#errors()} and the scan goes on.
     *
     * @throws Prod2TestException ({@link ErrorCode#USAGE}) when no path is given or one does not exist
     */
    public ScanResult scan(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new Prod2TestException(ErrorCode.USAGE, "scan needs at least one file or folder");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new Prod2TestException(ErrorCode.USAGE, "no such file or folder: " + path);
            }
        }
        Run run = new Run();
        for (Path path : paths) {
            run.visit(path, true);
        }
        return run.result();
    }

    /** The state of one scan. */
    private final class Run {
        private final List<Finding> findings = new ArrayList<>();
        private final Map<PiiKind, Long> findingsByKind = new EnumMap<>(PiiKind.class);
        private final Map<PiiKind, Long> surrogatesByKind = new EnumMap<>(PiiKind.class);
        private final List<String> errors = new ArrayList<>();
        private final Set<Path> seen = new HashSet<>();
        private long total;
        private long files;
        private long skipped;
        private long lines;
        private long surrogates;
        private long reserved;
        private long publicValues;

        void visit(Path path, boolean given) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Path name = path.getFileName();
                if (!given && name != null && SKIPPED_FOLDERS.contains(name.toString())) {
                    return;
                }
                List<Path> children = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                    entries.forEach(children::add);
                } catch (IOException | UncheckedIOException e) {
                    errors.add(path + ": cannot list the folder (" + message(e) + ")");
                    return;
                }
                children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                for (Path child : children) {
                    visit(child, false);
                }
            } else if (Files.isRegularFile(path) && seen.add(path.toAbsolutePath().normalize())) {
                scanFile(path);
            }
            // a link to a folder is not followed (no cycles); sockets, pipes and devices are no files
        }

        private void scanFile(Path path) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean gzip = name.endsWith(".gz");
            Format format = Format.of(gzip ? name.substring(0, name.length() - 3) : name);
            Tally tally = new Tally(path);
            try {
                if (format == Format.JSON_DOCUMENT || format == Format.YAML) {
                    Tally document = new Tally(path);
                    Boolean parsed = readDocument(path, gzip, format, document);
                    if (parsed == null) {
                        skipped++;
                        return;
                    }
                    if (parsed) {
                        commit(document);
                        return;
                    }
                }
                try (InputStream in = open(path, gzip)) {
                    if (binary(in)) {
                        skipped++;
                        return;
                    }
                    BufferedReader reader = new BufferedReader(reader(in), 1 << 16);
                    Lines lineScanner = new Lines(format, (text, field, line) -> detect(text, field, line, tally));
                    long number = 0;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        number++;
                        if (number == 1 && line.startsWith("\uFEFF")) {
                            line = line.substring(1); // a byte-order mark is not text
                        }
                        lineScanner.line(line, number);
                    }
                    tally.lines = number;
                }
                commit(tally);
            } catch (IOException | UncheckedIOException e) {
                errors.add(path + ": " + message(e));
            }
        }

        /**
         * A JSON document walked whole: {@code true} when it parsed, {@code false} to read it line by
         * line instead, {@code null} when it is binary.
         */
        private Boolean readDocument(Path path, boolean gzip, Format format, Tally tally) throws IOException {
            try (InputStream in = open(path, gzip)) {
                if (binary(in)) {
                    return null;
                }
                LineCountingReader reader = new LineCountingReader(reader(in));
                Sink sink = (text, field, line) -> detect(text, field, line, tally);
                boolean parsed = format == Format.YAML ? JsonValues.walkYaml(reader, sink) : JsonValues.walkDocument(reader, sink);
                tally.lines = reader.lines();
                if (parsed && format == Format.YAML) {
                    comments(path, gzip, sink);
                }
                return parsed;
            }
        }

        /** A YAML file's comments, which its values do not include, read as text. */
        private void comments(Path path, boolean gzip, Sink sink) throws IOException {
            try (BufferedReader lines = new BufferedReader(reader(open(path, gzip)), 1 << 16)) {
                long number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    int hash = line.indexOf('#');
                    if (hash >= 0 && (hash == 0 || Character.isWhitespace(line.charAt(hash - 1)))) {
                        sink.value(line.substring(hash + 1), FieldContext.text(), number);
                    }
                }
            }
        }

        private void detect(String text, FieldContext field, long line, Tally tally) {
            for (Detection d : detectors.detect(text, field)) {
                String value = text.substring(d.start(), d.end());
                if (isSurrogate(d, text, value)) {
                    tally.surrogatesByKind.merge(d.kind(), 1L, Long::sum);
                } else if (policy != null && policy.isPublic(value)) {
                    tally.publicValues++;
                } else if (d.kind() == PiiKind.EMAIL && SurrogateFormats.isReservedEmail(value.strip().replace("%40", "@"))) {
                    tally.reserved++;
                } else {
                    tally.findingsByKind.merge(d.kind(), 1L, Long::sum);
                    if (tally.findings.size() < maxFindings) {
                        tally.findings.add(new Finding(tally.file, Math.max(1, line), d.kind(), d.detector(), Finding.redact(d.kind(), value)));
                    }
                }
            }
        }

        /**
         * Whether a detected value is a surrogate. A free-text address may be cut short by the
         * detector where its district is written in hiragana ({@code 横浜市西区みなとみらい9-26-16}
         * is found as {@code 横浜市西区}), leaving out the block numbers that carry the mark: so an
         * address is also read to the end of its token.
         */
        private boolean isSurrogate(Detection d, String text, String value) {
            if (SurrogateFormats.isSurrogate(d.kind(), value)) {
                return true;
            }
            if (d.kind() != PiiKind.ADDRESS) {
                return false;
            }
            int end = d.end();
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && TOKEN_ENDS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return end > d.end() && SurrogateFormats.isSurrogate(d.kind(), text.substring(d.start(), end));
        }

        private void commit(Tally tally) {
            files++;
            lines += tally.lines;
            reserved += tally.reserved;
            publicValues += tally.publicValues;
            tally.findingsByKind.forEach((kind, n) -> {
                findingsByKind.merge(kind, n, Long::sum);
                total += n;
            });
            tally.surrogatesByKind.forEach((kind, n) -> {
                surrogatesByKind.merge(kind, n, Long::sum);
                surrogates += n;
            });
            for (Finding finding : tally.findings) {
                if (findings.size() >= maxFindings) {
                    break;
                }
                findings.add(finding);
            }
        }

        ScanResult result() {
            return new ScanResult(findings, total, findingsByKind, files, skipped, lines, surrogates, surrogatesByKind, reserved, publicValues, errors);
        }
    }

    /** What one file contributed, kept apart until the file is read to its end. */
    private static final class Tally {
        final Path file;
        final List<Finding> findings = new ArrayList<>();
        final Map<PiiKind, Long> findingsByKind = new EnumMap<>(PiiKind.class);
        final Map<PiiKind, Long> surrogatesByKind = new EnumMap<>(PiiKind.class);
        long lines;
        long reserved;
        long publicValues;

        Tally(Path file) {
            this.file = file;
        }
    }

    private static InputStream open(Path path, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return new BufferedInputStream(gzip ? new GZIPInputStream(in, 1 << 16) : in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Whether the first {@value #SNIFF_BYTES} bytes hold a NUL; the stream is reset to its start. */
    static boolean binary(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES + 1);
        byte[] head = new byte[SNIFF_BYTES];
        int read = 0;
        while (read < head.length) {
            int n = in.read(head, read, head.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        in.reset();
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8 with malformed bytes replaced (U+FFFD): a scan reads what it can. */
    private static Reader reader(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Counts the lines of what it reads: line breaks, and a last line without one. */
    private static final class LineCountingReader extends java.io.FilterReader {
        private long breaks;
        private boolean pending;

        LineCountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                count(buffer[i]);
            }
            return n;
        }

        private void count(char c) {
            if (c == '\n') {
                breaks++;
                pending = false;
            } else {
                pending = true;
            }
        }

        long lines() {
            return breaks + (pending ? 1 : 0);
        }
    }
}

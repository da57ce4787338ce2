package io.prod2test.core.ingest;

import io.prod2test.api.CountingInputStream;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.StoreLoader.Loaded;
import io.prod2test.core.ingest.StoreLoader.LoadedExchange;
import io.prod2test.core.ingest.StoreLoader.LoadedRejection;
import io.prod2test.core.ingest.format.JsonlFormat;
import io.prod2test.core.ingest.format.LogFormat;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.ingest.format.Position;
import io.prod2test.core.ingest.format.ReadContext;
import io.prod2test.core.ingest.format.ReadRecord;
import io.prod2test.core.ingest.format.RecordReader;
import io.prod2test.core.ingest.format.SourceFiles;
import io.prod2test.core.store.AnalysisStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code prod2test ingest}: log files into the analysis store, masked on the way.
 *
 * <p>A pipeline across the cores: this thread reads and parses records and cuts them into
 * batches; worker threads mask the batches (the expensive step); one writer thread commits them
 * in file order with COPY, each batch with its source's high-water mark. Queues between the steps
 * are bounded and batches are cut by record count and by bytes, so memory stays constant
 * whatever the input size. When every file is in, routes
 * and sessions are derived in PostgreSQL.
 */
public final class Ingest {
    /**
     * How to ingest.
     *
     * @param format      a format name, or {@code null} to sniff each file
     * @param service     the service of logs whose format does not name it
     * @param sessionKeys where session keys come from
     * @param inactivity  the gap that ends a session
     * @param batchSize   records per committed batch
     * @param workers     masking threads
     * @param openapi     route templates from OpenAPI documents by service ({@code ""} for any)
     */
    public record Options(String format, String service, SessionKeys sessionKeys, Duration inactivity, int batchSize, int workers,
                          Map<String, OpenApiRoutes> openapi) {
        public Options {
            openapi = openapi == null ? Map.of() : Map.copyOf(openapi);
            if (sessionKeys == null) {
                sessionKeys = SessionKeys.standard();
            }
            if (inactivity == null) {
                inactivity = Duration.ofMinutes(30);
            }
            if (inactivity.isNegative() || inactivity.isZero()) {
                throw new IllegalArgumentException("the session inactivity timeout must be positive, was " + inactivity);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
        }

        /** Sniffed formats, the standard session keys, 30 minutes, batches of 2,000, a masking thread per core. */
        public static Options defaults() {
            return new Options(null, null, null, null, 2_000, Math.max(1, Runtime.getRuntime().availableProcessors()), Map.of());
        }

        public Options withFormat(String value) {
            return new Options(value, service, sessionKeys, inactivity, batchSize, workers, openapi);
        }

        public Options withService(String value) {
            return new Options(format, value, sessionKeys, inactivity, batchSize, workers, openapi);
        }

        public Options withBatchSize(int value) {
            return new Options(format, service, sessionKeys, inactivity, value, workers, openapi);
        }

        public Options withInactivity(Duration value) {
            return new Options(format, service, sessionKeys, value, batchSize, workers, openapi);
        }

        /**
         * Route templates from OpenAPI documents, by the service they describe; the key {@code ""}
         * stands for any service. A path no document knows gets an inferred template.
         */
        public Options withOpenApi(Map<String, OpenApiRoutes> value) {
            return new Options(format, service, sessionKeys, inactivity, batchSize, workers, value);
        }
    }

    /** One file's part of the run. */
    public record FileSummary(Path file, String format, long read, long loaded, long quarantined, long skipped) {
    }

    /**
     * What a run did; {@code read = loaded + quarantined + skipped} always.
     *
     * @param sessions sessions in the store after the run
     * @param routes   route templates in the store after the run
     * @param bytes    bytes read from the files (compressed size for .gz)
     */
    public record Summary(long read, long loaded, long quarantined, long skipped, long sessions, long routes, long bytes,
                          double seconds, List<FileSummary> files) {
        public Summary {
            if (read != loaded + quarantined + skipped) {
                throw new IllegalStateException("lost records: read " + read + " != loaded " + loaded + " + quarantined "
                        + quarantined + " + skipped " + skipped);
            }
            files = List.copyOf(files);
        }
    }

    /** Told how far the run is; called from the reading thread, often: keep it cheap. */
    public interface Progress {
        Progress NONE = (bytes, totalBytes, records) -> { };

        void advanced(long bytes, long totalBytes, long records);
    }

    private static final int FINGERPRINT_BYTES = 64 * 1024;
    /**
     * Input bytes after which a batch is cut even when it holds fewer records than the batch size.
     * With the bounded queues this keeps the records in flight to about ten megabytes of input,
     * which is what lets an ingest of any size run in a small heap (IngestHeapIT: 128 MB for 110 MB of input).
     */
    static final long MAX_BATCH_BYTES = 1L << 20;
    private static final Object END = new Object();

    private final AnalysisStore store;
    private final MaskingHook masking;
    private final LogFormats formats;
    private final Options options;
    /** Each masking thread's line masker (they keep per-thread buffers). */
    private final ThreadLocal<MaskingHook.Lines> lines;

    public Ingest(AnalysisStore store, MaskingHook masking, LogFormats formats, Options options) {
        this.store = store;
        this.masking = masking;
        this.formats = formats;
        this.options = options;
        this.lines = ThreadLocal.withInitial(masking::lines);
        if (options.format() != null) {
            formats.byName(options.format()); // fail before reading anything
        }
    }

    public Summary run(List<Path> paths, Progress progress) {
        long started = System.nanoTime();
        List<Path> files = SourceFiles.expand(paths);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += size(file);
        }
        List<FileSummary> summaries = new ArrayList<>();
        long[] bytesBefore = {0};
        long[] recordsBefore = {0};
        ExecutorService workers = Executors.newFixedThreadPool(options.workers(), daemon("prod2test-mask"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("prod2test-copy"));
        try (Connection connection = store.connect()) {
            for (Path file : files) {
                long total = totalBytes;
                FileSummary summary = ingestFile(file, connection, workers, writer, (bytes, records) ->
                        progress.advanced(bytesBefore[0] + bytes, total, recordsBefore[0] + records));
                summaries.add(summary);
                bytesBefore[0] += size(file);
                recordsBefore[0] += summary.read();
            }
            Derivations.Result derived = Derivations.derive(connection, options.inactivity());
            long read = summaries.stream().mapToLong(FileSummary::read).sum();
            return new Summary(read, summaries.stream().mapToLong(FileSummary::loaded).sum(),
                    summaries.stream().mapToLong(FileSummary::quarantined).sum(),
                    summaries.stream().mapToLong(FileSummary::skipped).sum(),
                    derived.sessions(), derived.routes(), totalBytes, (System.nanoTime() - started) / 1e9, summaries);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot load into the analysis store: " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
            writer.shutdownNow();
        }
    }

    private interface FileProgress {
        void advanced(long bytes, long records);
    }

    private record Pending(Future<List<Loaded>> batch, long through) {
    }

    private FileSummary ingestFile(Path file, Connection connection, ExecutorService workers, ExecutorService writer,
                                   FileProgress progress) throws SQLException {
        String name = file.toString();
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
             CountingInputStream plain = new CountingInputStream(SourceFiles.decompressed(counting));
             BufferedInputStream in = new BufferedInputStream(plain, 1 << 16)) {
            in.mark(FINGERPRINT_BYTES + 1);
            byte[] head = in.readNBytes(FINGERPRINT_BYTES);
            in.reset();
            LogFormat format = options.format() != null ? formats.byName(options.format()) : formats.sniff(head, name);
            StoreLoader.Source source = StoreLoader.register(connection, fingerprint(format.name(), options.service(), head),
                    name, format.name(), options.service());
            ReadContext context = new ReadContext(name, options.service(), ZoneId.of("UTC"));
            // Canonical lines are read on the masking threads, masked as bytes first where they can be.
            RecordReader reader = format instanceof JsonlFormat ? JsonlFormat.openUnread(in, context) : format.open(in, context);

            BlockingQueue<Object> pending = new ArrayBlockingQueue<>(options.workers() + 2);
            Future<long[]> committed = writer.submit(() -> commitInOrder(connection, source, pending));
            long read = 0;
            long skipped = 0;
            List<ReadRecord> batch = new ArrayList<>(options.batchSize());
            long batchStart = plain.count();
            long lastOrdinal = source.committedThrough();
            ReadRecord record;
            while ((record = reader.next()) != null) {
                read++;
                long ordinal = record.position().ordinal();
                if (ordinal <= source.committedThrough()) {
                    skipped++;
                } else {
                    batch.add(record);
                    lastOrdinal = ordinal;
                    // Cut by count and by bytes: a run of very long lines must not make a batch
                    // of thousands of them, or memory would grow with the input after all.
                    if (batch.size() == options.batchSize() || plain.count() - batchStart >= MAX_BATCH_BYTES) {
                        hand(pending, committed, workers, batch, lastOrdinal, context);
                        batch = new ArrayList<>(options.batchSize());
                        batchStart = plain.count();
                    }
                }
                if ((read & 255) == 0) {
                    progress.advanced(counting.count(), read);
                }
            }
            if (!batch.isEmpty()) {
                hand(pending, committed, workers, batch, lastOrdinal, context);
            }
            put(pending, committed, END);
            long[] counts = committed.get();
            progress.advanced(counting.count(), read);
            return new FileSummary(file, format.name(), read, counts[0], counts[1], skipped);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Prod2TestException(ErrorCode.INTERNAL, "ingest of " + name + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Prod2TestException p) {
                throw p;
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new Prod2TestException(ErrorCode.INTERNAL, "ingest of " + name + " failed: " + cause, cause);
        }
    }

    private void hand(BlockingQueue<Object> pending, Future<long[]> committed, ExecutorService workers,
                      List<ReadRecord> batch, long through, ReadContext context) throws InterruptedException, ExecutionException {
        List<ReadRecord> records = batch;
        put(pending, committed, new Pending(workers.submit(() -> mask(records, context)), through));
    }

    // Waits for room in the queue, but gives up as soon as the writer has failed.
    private static void put(BlockingQueue<Object> pending, Future<long[]> committed, Object item)
            throws InterruptedException, ExecutionException {
        while (!pending.offer(item, 100, TimeUnit.MILLISECONDS)) {
            if (committed.isDone()) {
                committed.get();
                throw new IllegalStateException("the writer stopped early");
            }
        }
    }

    private List<Loaded> mask(List<ReadRecord> records, ReadContext context) {
        List<Loaded> loaded = new ArrayList<>(records.size());
        for (ReadRecord record : records) {
            if (record instanceof ReadRecord.Unread unread) {
                Position position = unread.position();
                switch (lines.get().mask(unread, context)) {
                    case MaskingHook.Loadable(MaskedExchange masked) -> loaded.add(new LoadedExchange(position.ordinal(), masked,
                            options.sessionKeys().keyOf(masked.exchange()), shape(masked.exchange())));
                    case MaskingHook.Quarantinable(String reason, String maskedText) ->
                            loaded.add(new LoadedRejection(position.ordinal(), position.line(), reason, maskedText));
                }
            } else if (record instanceof ReadRecord.Parsed parsed) {
                MaskedExchange masked = masking.mask(parsed.exchange(), parsed.downstream());
                loaded.add(new LoadedExchange(parsed.position().ordinal(), masked, options.sessionKeys().keyOf(masked.exchange()),
                        shape(masked.exchange())));
            } else if (record instanceof ReadRecord.Rejected rejected) {
                loaded.add(new LoadedRejection(rejected.position().ordinal(), rejected.position().line(), rejected.reason(),
                        masking.maskRejected(rejected.raw())));
            }
        }
        return loaded;
    }

    /** The document's template when an OpenAPI document knows the request, else the path's shape. */
    private String shape(io.prod2test.api.Exchange exchange) {
        if (!options.openapi().isEmpty()) {
            OpenApiRoutes routes = options.openapi().get(exchange.service() == null ? "" : exchange.service());
            if (routes == null) {
                routes = options.openapi().get("");
            }
            if (routes != null) {
                java.util.Optional<String> template = routes.templateOf(exchange.method(), exchange.path());
                if (template.isPresent()) {
                    return Derivations.OPENAPI + template.get();
                }
            }
        }
        return RouteTemplates.shape(exchange.path());
    }

    private static long[] commitInOrder(Connection connection, StoreLoader.Source source, BlockingQueue<Object> pending)
            throws SQLException, InterruptedException, ExecutionException {
        long loaded = 0;
        long quarantined = 0;
        while (true) {
            Object next = pending.take();
            if (next == END) {
                return new long[] {loaded, quarantined};
            }
            Pending batch = (Pending) next;
            List<Loaded> records = batch.batch().get();
            StoreLoader.commit(connection, source, records, batch.through());
            for (Loaded record : records) {
                if (record instanceof LoadedExchange) {
                    loaded++;
                } else {
                    quarantined++;
                }
            }
        }
    }

    /** A file is known by its format, service and first 64 KiB (all of it when smaller). */
    static String fingerprint(String format, String service, byte[] head) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("prod2test-source-v1|" + format + "|" + (service == null ? "" : service) + "|").getBytes(StandardCharsets.UTF_8));
            sha.update(head);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.prod2test.core.ingest;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.ingest.format.DownstreamCall;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes masked records into the store in batches, each batch with COPY in one transaction that
 * also moves its source's {@code committed_through} mark. A killed ingest therefore leaves whole
 * batches only, and the next run resumes after the mark: nothing is lost and nothing is loaded twice.
 *
 * <p>Ids are derived, not drawn from sequences (a sequence keeps values a killed transaction
 * used): a source's id is the next integer under a table lock, an exchange's id is
 * {@code sourceId * 10^12 + ordinal}, a downstream call's {@code exchangeId * 1000 + index}. The
 * same input gives the same store, however often it was interrupted.
 */
public final class StoreLoader {
    /** Exchange ids leave room for this many records per source. */
    static final long ORDINALS_PER_SOURCE = 1_000_000_000_000L;

    /** A file known to the store, and how far it was loaded. */
    public record Source(long id, long committedThrough) {
    }

    /** One record of a batch: a masked exchange or a quarantined record, at its ordinal. */
    public sealed interface Loaded permits LoadedExchange, LoadedRejection {
        long ordinal();
    }

    /**
     * @param sessionKey the session key of the masked exchange ({@link SessionKeys}), or {@code null}
     * @param pathShape  the path's shape ({@link RouteTemplates#shape})
     */
    public record LoadedExchange(long ordinal, MaskedExchange masked, String sessionKey, String pathShape) implements Loaded {
    }

    /** @param maskedRecord the record as read, masked by the hook */
    public record LoadedRejection(long ordinal, long line, String reason, String maskedRecord) implements Loaded {
    }

    private StoreLoader() {
    }

    /** Finds the file by fingerprint, or registers it; commits at once so the id is fixed. */
    public static Source register(Connection c, String fingerprint, String path, String format, String service) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement lock = c.createStatement()) {
            lock.execute("LOCK TABLE sources IN SHARE ROW EXCLUSIVE MODE");
            try (PreparedStatement find = c.prepareStatement("SELECT id, committed_through FROM sources WHERE fingerprint = ?")) {
                find.setString(1, fingerprint);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        Source source = new Source(rs.getLong(1), rs.getLong(2));
                        try (PreparedStatement touch = c.prepareStatement("UPDATE sources SET last_ingested_at = now(), path = ? WHERE id = ?")) {
                            touch.setString(1, path);
                            touch.setLong(2, source.id());
                            touch.executeUpdate();
                        }
                        c.commit();
                        return source;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sources (id, fingerprint, path, format, service) SELECT coalesce(max(id), 0) + 1, ?, ?, ?, ? FROM sources RETURNING id")) {
                insert.setString(1, fingerprint);
                insert.setString(2, path);
                insert.setString(3, format);
                insert.setString(4, service);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    Source source = new Source(rs.getLong(1), 0);
                    c.commit();
                    return source;
                }
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Writes one batch and moves the source's mark to {@code through}, all in one transaction.
     * {@code records} are in ordinal order and all above the source's current mark.
     */
    public static void commit(Connection c, Source source, List<Loaded> records, long through) throws SQLException {
        if (source.id() < 1) {
            throw new IllegalArgumentException("source id must be positive");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ByteArrayOutputStream exchanges = new ByteArrayOutputStream(1 << 16);
            ByteArrayOutputStream downstream = new ByteArrayOutputStream();
            ByteArrayOutputStream rejected = new ByteArrayOutputStream();
            long loaded = 0;
            long quarantined = 0;
            for (Loaded record : records) {
                if (record.ordinal() >= ORDINALS_PER_SOURCE) {
                    throw new Prod2TestException(ErrorCode.INVALID_INPUT, "a source holds at most " + ORDINALS_PER_SOURCE + " records");
                }
                if (record instanceof LoadedExchange e) {
                    long id = source.id() * ORDINALS_PER_SOURCE + e.ordinal();
                    writeExchange(exchanges, id, source.id(), e);
                    List<DownstreamCall> calls = e.masked().downstream();
                    for (int i = 0; i < calls.size(); i++) {
                        writeDownstream(downstream, id * 1000 + i, id, calls.get(i));
                    }
                    loaded++;
                } else if (record instanceof LoadedRejection r) {
                    row(rejected, source.id(), r.ordinal(), r.line() > 0 ? r.line() : null, r.reason(), r.maskedRecord());
                    quarantined++;
                }
            }
            copy(c, "COPY exchanges (id, source_id, ordinal, ts, service, method, path, path_shape, query, request_headers,"
                    + " request_body, status, response_headers, response_body, duration_ms, session_key, user_id, trace_id, client_ip,"
                    + " request_facts, idempotency_key, request_body_hash, request_shape, request_odd_values)"
                    + " FROM STDIN", exchanges);
            copy(c, "COPY downstream_calls (id, exchange_id, ts, method, url, status, duration_ms, span_id, peer_service) FROM STDIN", downstream);
            copy(c, "COPY quarantine (source_id, ordinal, line, reason, record) FROM STDIN", rejected);
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE sources SET committed_through = ?, loaded = loaded + ?, quarantined = quarantined + ?, last_ingested_at = now()"
                            + " WHERE id = ? AND committed_through < ?")) {
                mark.setLong(1, through);
                mark.setLong(2, loaded);
                mark.setLong(3, quarantined);
                mark.setLong(4, source.id());
                mark.setLong(5, through);
                if (mark.executeUpdate() != 1) {
                    throw new SQLException("source " + source.id() + " was loaded past " + through + " by another ingest meanwhile");
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void writeExchange(ByteArrayOutputStream out, long id, long sourceId, LoadedExchange loaded) {
        Exchange e = loaded.masked().exchange();
        String requestBody = json(e.requestBody());
        List<Object> values = new ArrayList<>(24);
        Collections.addAll(values, id, sourceId, loaded.ordinal(), e.ts(), e.service(), e.method(), e.path(), loaded.pathShape(),
                json(e.query()), json(e.requestHeaders()), requestBody, e.status(), json(e.responseHeaders()),
                json(e.responseBody()), e.durationMs(), loaded.sessionKey(), e.userId(), e.traceId(), e.clientIp());
        // the analysis reads these instead of parsing every body again
        values.addAll(RequestFacts.of(e.requestHeaders(), requestBody).columns());
        row(out, values.toArray());
    }

    private static void writeDownstream(ByteArrayOutputStream out, long id, long exchangeId, DownstreamCall call) {
        row(out, id, exchangeId, call.ts(), call.method(), call.url(), call.status(), call.durationMs(), call.spanId(), call.peerService());
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return ExchangeJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a masked value as JSON", e);
        }
    }

    /** One row of PostgreSQL's COPY text format: tab-separated, \N for NULL, backslash escapes. */
    private static void row(ByteArrayOutputStream out, Object... values) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                line.append("\\N");
            } else {
                String text = value instanceof Instant instant ? instant.toString() : value.toString();
                for (int j = 0; j < text.length(); j++) {
                    char ch = text.charAt(j);
                    switch (ch) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        case '\0' -> line.append("\\\\u0000"); // PostgreSQL text cannot hold NUL; keep it visible instead
                        default -> line.append(ch);
                    }
                }
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static void copy(Connection c, String sql, ByteArrayOutputStream rows) throws SQLException {
        if (rows.size() == 0) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            byte[] bytes = rows.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}

package io.prod2test.examples.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Idempotency keys, kept per route family. The first request with a key claims it by inserting its
 * row inside the transaction that does the work, and stores its answer before committing. A
 * concurrent duplicate's insert waits on the primary key until that commit and then finds the
 * stored answer; if the first transaction rolls back (a rejected request), the key is free again.
 */
final class IdempotencyStore {
    /** The longest key accepted, as common payment APIs do. */
    static final int MAX_KEY_LENGTH = 255;

    /** The route families that keep keys apart: the same key may be used once in each. */
    enum Family {
        AUTHORISE("authorise"),
        REFUND("refund");

        private final String code;

        Family(String code) {
            this.code = code;
        }
    }

    /** What claiming a key found. */
    sealed interface Claim {
        /** The key is new: do the work and {@link #complete} it. */
        record Claimed() implements Claim {
        }

        /** The key was used before with the same request: send back its answer. */
        record Replay(HttpReply reply) implements Claim {
        }

        /** The key was used before with another request. */
        record Reused() implements Claim {
        }
    }

    /**
     * Runs {@code work} once per key and request: the first time it runs and its answer is stored;
     * a repeat with the same request gets the stored answer, marked as replayed; a repeat with
     * another request is a 409 {@code idempotency_key_reuse}. Without a key the work just runs.
     *
     * @param key     the client's key, or {@code null}
     * @param request a canonical text of the request: what "the same body" means for this route
     */
    HttpReply once(Connection c, Family family, String key, String request, Instant now, Database.Work<HttpReply> work)
            throws SQLException {
        if (key == null) {
            return work.run(c);
        }
        return switch (claim(c, family, key, request, now)) {
            case Claim.Claimed claimed -> {
                HttpReply reply = work.run(c);
                complete(c, family, key, reply);
                yield reply;
            }
            case Claim.Replay replay -> replay.reply();
            case Claim.Reused reused -> throw ApiException.conflict("idempotency_key_reuse",
                    "this Idempotency-Key was already used with a different request");
        };
    }

    /**
     * The {@code Idempotency-Key} header value, or {@code null} when absent.
     *
     * @throws ApiException 422 {@code invalid_idempotency_key} when blank or too long
     */
    static String validKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_KEY_LENGTH) {
            throw new ApiException(422, new ErrorBody("invalid_idempotency_key",
                    "the Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters", null, null));
        }
        return header;
    }

    Claim claim(Connection c, Family family, String key, String request, Instant now) throws SQLException {
        String hash = sha256(request);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO idempotency_keys (family, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            s.setString(1, family.code);
            s.setString(2, key);
            s.setString(3, hash);
            s.setObject(4, Database.toDb(now));
            if (s.executeUpdate() == 1) {
                return new Claim.Claimed();
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT request_hash, response_status, response_body FROM idempotency_keys
                WHERE family = ? AND idempotency_key = ?""")) {
            s.setString(1, family.code);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("idempotency key " + key + " conflicted but cannot be read");
                }
                if (!rs.getString("request_hash").equals(hash)) {
                    return new Claim.Reused();
                }
                return new Claim.Replay(new HttpReply(rs.getInt("response_status"), rs.getString("response_body"), true));
            }
        }
    }

    void complete(Connection c, Family family, String key, HttpReply reply) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE idempotency_keys SET response_status = ?, response_body = ?
                WHERE family = ? AND idempotency_key = ?""")) {
            s.setInt(1, reply.status());
            s.setString(2, reply.body());
            s.setString(3, family.code);
            s.setString(4, key);
            s.executeUpdate();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

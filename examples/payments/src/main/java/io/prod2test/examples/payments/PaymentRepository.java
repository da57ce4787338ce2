package io.prod2test.examples.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code payments} and {@code captures} tables. */
final class PaymentRepository {
    private static final String COLUMNS = """
            id, status, amount_minor, currency, captured_minor, refunded_minor, order_ref, description,
            token, card_brand, card_last4, challenge_id, decline_code, created_at""";

    void insert(Connection c, Payment p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO payments (" + COLUMNS + ", updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, p.id());
            s.setString(2, p.status().code());
            s.setLong(3, p.amount().minor());
            s.setString(4, p.currency().name());
            s.setLong(5, p.captured().minor());
            s.setLong(6, p.refunded().minor());
            s.setString(7, p.orderRef());
            s.setString(8, p.description());
            s.setString(9, p.token());
            s.setString(10, p.cardBrand().code());
            s.setString(11, p.cardLast4());
            s.setString(12, p.challengeId());
            s.setString(13, p.declineCode() == null ? null : p.declineCode().code());
            s.setObject(14, Database.toDb(p.createdAt()));
            s.setObject(15, Database.toDb(p.createdAt()));
            s.executeUpdate();
        }
    }

    Optional<Payment> find(Connection c, String id) throws SQLException {
        return select(c, id, "");
    }

    /**
     * The payment, row-locked until the transaction ends: captures, refunds and confirmations of
     * one payment queue up here, so each one sees the totals the previous one left.
     */
    Optional<Payment> findForUpdate(Connection c, String id) throws SQLException {
        return select(c, id, " FOR UPDATE");
    }

    /** Writes what a capture, refund or confirmation changes: status and totals. */
    void update(Connection c, Payment p, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE payments SET status = ?, captured_minor = ?, refunded_minor = ?, updated_at = ?
                WHERE id = ?""")) {
            s.setString(1, p.status().code());
            s.setLong(2, p.captured().minor());
            s.setLong(3, p.refunded().minor());
            s.setObject(4, Database.toDb(now));
            s.setString(5, p.id());
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("payment " + p.id() + " vanished while it was locked");
            }
        }
    }

    void insertCapture(Connection c, String paymentId, Money amount, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO captures (id, payment_id, amount_minor, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, Ids.capture());
            s.setString(2, paymentId);
            s.setLong(3, amount.minor());
            s.setObject(4, Database.toDb(now));
            s.executeUpdate();
        }
    }

    private Optional<Payment> select(Connection c, String id, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM payments WHERE id = ?" + lock)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Payment read(ResultSet rs) throws SQLException {
        SupportedCurrency currency = SupportedCurrency.valueOf(rs.getString("currency"));
        String decline = rs.getString("decline_code");
        return new Payment(
                rs.getString("id"),
                PaymentStatus.ofCode(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), currency),
                new Money(rs.getLong("captured_minor"), currency),
                new Money(rs.getLong("refunded_minor"), currency),
                rs.getString("order_ref"),
                rs.getString("description"),
                rs.getString("token"),
                CardBrand.ofCode(rs.getString("card_brand")),
                rs.getString("card_last4"),
                rs.getString("challenge_id"),
                decline == null ? null : DeclineCode.valueOf(decline.toUpperCase(java.util.Locale.ROOT)),
                Database.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
    }
}

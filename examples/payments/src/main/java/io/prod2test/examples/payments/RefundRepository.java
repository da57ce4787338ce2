package io.prod2test.examples.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The {@code refunds} table. */
final class RefundRepository {

    void insert(Connection c, Refund r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO refunds (id, payment_id, amount_minor, currency, reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, r.id());
            s.setString(2, r.paymentId());
            s.setLong(3, r.amount().minor());
            s.setString(4, r.amount().currency().name());
            s.setString(5, r.reason());
            s.setString(6, Refund.SUCCEEDED);
            s.setObject(7, Database.toDb(r.createdAt()));
            s.executeUpdate();
        }
    }

    /** The refunds of a payment in the order they were made. */
    List<Refund> ofPayment(Connection c, String paymentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, payment_id, amount_minor, currency, reason, created_at
                FROM refunds WHERE payment_id = ? ORDER BY seq""")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                List<Refund> refunds = new ArrayList<>();
                while (rs.next()) {
                    refunds.add(new Refund(rs.getString("id"), rs.getString("payment_id"),
                            new Money(rs.getLong("amount_minor"), SupportedCurrency.valueOf(rs.getString("currency"))),
                            rs.getString("reason"),
                            Database.fromDb(rs.getObject("created_at", OffsetDateTime.class))));
                }
                return refunds;
            }
        }
    }
}

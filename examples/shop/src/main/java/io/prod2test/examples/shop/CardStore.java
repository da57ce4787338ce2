package io.prod2test.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved cards. Removing one only hides it, because orders keep referring to it. */
final class CardStore {
    private final Database db;

    CardStore(Database db) {
        this.db = db;
    }

    Card save(Card card, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO cards (id, customer_id, token, brand, last4, exp_month, exp_year, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, card.id());
                s.setString(2, card.customerId());
                s.setString(3, card.token());
                s.setString(4, card.brand());
                s.setString(5, card.last4());
                s.setInt(6, card.expMonth());
                s.setInt(7, card.expYear());
                Database.setInstant(s, 8, now);
                return s.executeUpdate();
            }
        });
        return card;
    }

    /** The customer's cards in the order they were added. */
    List<Card> list(String customerId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM cards WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id")) {
                s.setString(1, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    List<Card> cards = new ArrayList<>();
                    while (rs.next()) {
                        cards.add(read(rs));
                    }
                    return cards;
                }
            }
        });
    }

    /** A card of this customer even if removed, for replaying a checkout made with it. */
    Optional<Card> findAny(String customerId, String cardId) {
        return find(customerId, cardId, false);
    }

    /** Hides the card; false when the customer has no such card. */
    boolean remove(String customerId, String cardId, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE cards SET deleted_at = ? WHERE id = ? AND customer_id = ? AND deleted_at IS NULL")) {
                Database.setInstant(s, 1, now);
                s.setString(2, cardId);
                s.setString(3, customerId);
                return s.executeUpdate() == 1;
            }
        });
    }

    private Optional<Card> find(String customerId, String cardId, boolean activeOnly) {
        return db.read(c -> find(c, customerId, cardId, activeOnly));
    }

    /** On the caller's connection, so a transaction holding a lock does not wait for a second one. */
    static Optional<Card> find(Connection c, String customerId, String cardId, boolean activeOnly) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM cards WHERE id = ? AND customer_id = ?"
                + (activeOnly ? " AND deleted_at IS NULL" : ""))) {
            s.setString(1, cardId);
            s.setString(2, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Card read(ResultSet rs) throws SQLException {
        return new Card(rs.getString("id"), rs.getString("customer_id"), rs.getString("token"), rs.getString("brand"),
                rs.getString("last4"), rs.getInt("exp_month"), rs.getInt("exp_year"));
    }
}

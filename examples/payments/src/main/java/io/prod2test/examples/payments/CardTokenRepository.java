package io.prod2test.examples.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code card_tokens} table. */
final class CardTokenRepository {

    void insert(Connection c, StoredCard card) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO card_tokens (token, bin, last4, brand, exp_month, exp_year, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, card.token());
            s.setString(2, card.bin());
            s.setString(3, card.last4());
            s.setString(4, card.brand().code());
            s.setInt(5, card.expiry().month());
            s.setInt(6, card.expiry().year());
            s.setObject(7, Database.toDb(card.createdAt()));
            s.executeUpdate();
        }
    }

    Optional<StoredCard> find(Connection c, String token) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT token, bin, last4, brand, exp_month, exp_year, created_at
                FROM card_tokens WHERE token = ?""")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCard(rs.getString("token"), rs.getString("bin"), rs.getString("last4"),
                        CardBrand.ofCode(rs.getString("brand")),
                        new CardExpiry(rs.getInt("exp_month"), rs.getInt("exp_year")),
                        Database.fromDb(rs.getObject("created_at", OffsetDateTime.class))));
            }
        }
    }
}

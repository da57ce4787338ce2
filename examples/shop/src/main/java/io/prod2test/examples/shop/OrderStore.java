package io.prod2test.examples.shop;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Orders with their lines, shipments and refunds. */
final class OrderStore {
    private final Database db;

    OrderStore(Database db) {
        this.db = db;
    }

    Optional<Order> find(String id) {
        return db.read(c -> {
            List<Order> found = select(c, "WHERE id = ?", s -> s.setString(1, id));
            return found.stream().findFirst();
        });
    }

    /** The order, or 404 {@code not_found}. */
    Order get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("order", id));
    }

    static Optional<Order> findByIdempotencyKey(Connection c, String key) throws SQLException {
        return select(c, "WHERE idempotency_key = ?", s -> s.setString(1, key)).stream().findFirst();
    }

    static void insert(Connection c, Order o, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO orders (id, customer_id, cart_id, card_id, idempotency_key, status, currency, amount,
                                    captured, refunded, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, o.id());
            s.setString(2, o.customerId());
            s.setString(3, o.cartId());
            s.setString(4, o.cardId());
            s.setString(5, o.idempotencyKey());
            s.setString(6, o.status());
            s.setString(7, o.currency().name());
            s.setBigDecimal(8, o.amount());
            s.setBigDecimal(9, o.captured());
            s.setBigDecimal(10, o.refunded());
            Database.setInstant(s, 11, o.createdAt());
            Database.setInstant(s, 12, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO order_items (order_id, line_no, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)")) {
            int lineNo = 0;
            for (Order.Line line : o.items()) {
                s.setString(1, o.id());
                s.setInt(2, ++lineNo);
                s.setString(3, line.sku());
                s.setString(4, line.name());
                s.setInt(5, line.quantity());
                s.setBigDecimal(6, line.unitPrice());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Writes what payments said about the order's money and the status that follows from it. */
    void update(Order o, Instant now) {
        db.transaction(c -> {
            update(c, o, now);
            return null;
        });
    }

    static void update(Connection c, Order o, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE orders SET status = ?, payment_id = ?, payment_status = ?, challenge_id = ?, captured = ?, refunded = ?,
                                  updated_at = ?
                WHERE id = ?""")) {
            s.setString(1, o.status());
            s.setString(2, o.paymentId());
            s.setString(3, o.paymentStatus());
            s.setString(4, o.challengeId());
            s.setBigDecimal(5, o.captured());
            s.setBigDecimal(6, o.refunded());
            Database.setInstant(s, 7, now);
            s.setString(8, o.id());
            s.executeUpdate();
        }
    }

    /** Updates the order and records the shipment in one transaction. */
    void recordShipment(Order o, BigDecimal amount, Instant now) {
        db.transaction(c -> {
            update(c, o, now);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shipments (order_id, amount, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, o.id());
                s.setBigDecimal(2, amount);
                Database.setInstant(s, 3, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Updates the order and records payments' refund; a replayed refund is recorded once. */
    void recordRefund(Order o, String refundId, BigDecimal amount, String reason, Instant now) {
        db.transaction(c -> {
            update(c, o, now);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO refunds (id, order_id, amount, reason, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")) {
                s.setString(1, refundId);
                s.setString(2, o.id());
                s.setBigDecimal(3, amount);
                s.setString(4, reason);
                Database.setInstant(s, 5, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Where a page continues: the insertion position of the cursor's order, if it is this customer's. */
    OptionalLong positionOf(String customerId, String orderId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq FROM orders WHERE id = ? AND customer_id = ?")) {
                s.setString(1, orderId);
                s.setString(2, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Up to {@code count} of the customer's orders, newest first, inserted before {@code beforeSeq}
     * (all when empty), after skipping {@code skip}.
     */
    List<Order> newestFirst(String customerId, OptionalLong beforeSeq, int skip, int count) {
        return db.read(c -> select(c, "WHERE customer_id = ?" + (beforeSeq.isPresent() ? " AND seq < ?" : "")
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", s -> {
            int i = 0;
            s.setString(++i, customerId);
            if (beforeSeq.isPresent()) {
                s.setLong(++i, beforeSeq.getAsLong());
            }
            s.setInt(++i, count);
            s.setInt(++i, skip);
        }));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<Order> select(Connection c, String where, Binder binder) throws SQLException {
        Map<String, Order> orders = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM orders " + where)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString("id"), read(rs, List.of()));
                }
            }
        }
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, List<Order.Line>> lines = new HashMap<>();
        Array ids = c.createArrayOf("text", orders.keySet().toArray());
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM order_items WHERE order_id = ANY (?) ORDER BY order_id, line_no")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                            .add(new Order.Line(rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price")));
                }
            }
        }
        List<Order> result = new ArrayList<>(orders.size());
        for (Order o : orders.values()) {
            result.add(new Order(o.id(), o.customerId(), o.cartId(), o.cardId(), o.idempotencyKey(), o.status(), o.currency(),
                    o.amount(), lines.getOrDefault(o.id(), List.of()), o.paymentId(), o.paymentStatus(), o.challengeId(),
                    o.captured(), o.refunded(), o.createdAt()));
        }
        return result;
    }

    private static Order read(ResultSet rs, List<Order.Line> lines) throws SQLException {
        return new Order(rs.getString("id"), rs.getString("customer_id"), rs.getString("cart_id"), rs.getString("card_id"),
                rs.getString("idempotency_key"), rs.getString("status"), ShopCurrency.valueOf(rs.getString("currency")),
                rs.getBigDecimal("amount"), lines, rs.getString("payment_id"), rs.getString("payment_status"),
                rs.getString("challenge_id"), rs.getBigDecimal("captured"), rs.getBigDecimal("refunded"),
                Database.instant(rs, "created_at"));
    }
}

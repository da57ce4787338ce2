package io.prod2test.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Carts and their lines. */
final class CartStore {
    static final int MAX_QUANTITY = 99;

    private final Database db;

    CartStore(Database db) {
        this.db = db;
    }

    Cart create(Customer customer, ShopCurrency currency, Instant now) {
        String id = Ids.cart();
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO carts (id, customer_id, currency, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, customer.id());
                s.setString(3, currency.name());
                s.setString(4, Cart.OPEN);
                Database.setInstant(s, 5, now);
                return s.executeUpdate();
            }
        });
        return new Cart(id, customer.id(), customer.locale(), currency, Cart.OPEN, List.of());
    }

    Optional<Cart> find(String id) {
        return db.read(c -> find(c, id, false));
    }

    /**
     * Adds a line, or more of a product already in the cart. The cart row is locked so that two
     * concurrent adds cannot both pass the quantity limit or slip in after checkout.
     */
    Cart addLine(String cartId, Product product, int quantity, BigDecimal unitPrice) {
        return db.transaction(c -> {
            Cart cart = find(c, cartId, true).orElseThrow(() -> ApiException.notFound("cart", cartId));
            if (!cart.isOpen()) {
                throw ApiException.conflict("cart_not_open", "cart " + cartId + " is " + cart.status() + "; items can only be added to an open cart");
            }
            Optional<Cart.Line> existing = product.giftCard() ? Optional.empty()
                    : cart.lines().stream().filter(l -> l.sku().equals(product.sku())).findFirst();
            if (existing.isPresent()) {
                int total = existing.get().quantity() + quantity;
                if (total > MAX_QUANTITY) {
                    throw ApiException.invalid("invalid_quantity", "quantity",
                            "a line holds at most " + MAX_QUANTITY + " of a product; the cart already has " + existing.get().quantity());
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE cart_items SET quantity = ? WHERE cart_id = ? AND sku = ?")) {
                    s.setInt(1, total);
                    s.setString(2, cartId);
                    s.setString(3, product.sku());
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO cart_items (cart_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, cartId);
                    s.setString(2, product.sku());
                    s.setInt(3, quantity);
                    s.setBigDecimal(4, unitPrice);
                    s.executeUpdate();
                }
            }
            return find(c, cartId, false).orElseThrow();
        });
    }

    /** Reads the cart, locking its row first when {@code forUpdate}. */
    static Optional<Cart> find(Connection c, String id, boolean forUpdate) throws SQLException {
        String customerId;
        String locale;
        ShopCurrency currency;
        String status;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT k.customer_id, k.currency, k.status, u.locale
                FROM carts k JOIN customers u ON u.id = k.customer_id WHERE k.id = ?"""
                + (forUpdate ? " FOR UPDATE OF k" : ""))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                customerId = rs.getString("customer_id");
                locale = rs.getString("locale");
                currency = ShopCurrency.valueOf(rs.getString("currency"));
                status = rs.getString("status");
            }
        }
        List<Cart.Line> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT i.sku, p.name_en, p.name_ja, i.quantity, i.unit_price
                FROM cart_items i JOIN products p ON p.sku = i.sku WHERE i.cart_id = ? ORDER BY i.id""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Cart.Line(rs.getString("sku"), rs.getString("name_en"), rs.getString("name_ja"),
                            rs.getInt("quantity"), rs.getBigDecimal("unit_price")));
                }
            }
        }
        return Optional.of(new Cart(id, customerId, locale, currency, status, lines));
    }

    static void setStatus(Connection c, String cartId, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE carts SET status = ? WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, cartId);
            s.executeUpdate();
        }
    }
}

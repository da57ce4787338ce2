package io.prod2test.examples.shop;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalogue, read from its reference table. */
final class ProductStore {
    private final Database db;

    ProductStore(Database db) {
        this.db = db;
    }

    List<Product> all() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM products ORDER BY gift_card, price_jpy, sku");
                 ResultSet rs = s.executeQuery()) {
                List<Product> products = new ArrayList<>();
                while (rs.next()) {
                    products.add(read(rs));
                }
                return products;
            }
        });
    }

    Optional<Product> find(String sku) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM products WHERE sku = ?")) {
                s.setString(1, sku);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    static Product read(ResultSet rs) throws SQLException {
        return new Product(rs.getString("sku"), rs.getString("name_en"), rs.getString("name_ja"),
                rs.getObject("price_jpy", Long.class), rs.getObject("price_usd", Long.class), rs.getBoolean("gift_card"));
    }
}

package io.prod2test.generate.testing;

import io.prod2test.generate.source.SourceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic rows for the sample shop's real schema (db/shop): customers with Japanese and
 * Latin names, one with a very long name, one with many cards, cards expiring in a given month,
 * orders in both currencies, partly refunded and shipped orders. All personal values are made up.
 */
public final class ShopData {
    private static final String[] FAMILY = {"Yamada", "Sato", "Suzuki", "Takahashi", "Tanaka", "Smith", "Johnson", "Garcia", "Brown", "Miller"};
    private static final String[] GIVEN = {"Taro", "Hanako", "Kenji", "Yuki", "Emily", "James", "Olivia", "Lucas", "Sofia", "Noah"};
    private static final String[] KANJI_FAMILY = {"山田", "佐藤", "鈴木", "高橋", "田中"};
    private static final String[] KANJI_GIVEN = {"太郎", "花子", "健二", "由紀", "翔"};
    private static final String[] SKUS = {"TEA-SENCHA-100", "MUG-HASAMI", "TOWEL-IMABARI", "NOTEBOOK-A5", "TEAPOT-IRON"};

    /** The first customer: seven cards. */
    public static final String MANY_CARDS = id("cus", 0);
    /** Its e-mail. */
    public static final String MANY_CARDS_EMAIL = "taro.yamada0@mail-box.jp";

    private ShopData() {
    }

    public static String id(String prefix, int n) {
        return prefix + "_" + HexFormat.of().toHexDigits((long) n * 7919 + 0x3f9a0c000000L).substring(4);
    }

    /** Inserts {@code customers} customers with their cards, carts, orders, lines, shipments and refunds. */
    public static void populate(SourceDatabase db, int customers, LocalDate thisMonth) {
        Random random = new Random(42);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PreparedStatement customer = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement kyc = c.prepareStatement("INSERT INTO kyc_records VALUES (?, ?, ?)");
            PreparedStatement card = c.prepareStatement("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement cart = c.prepareStatement("INSERT INTO carts VALUES (?, ?, ?, ?, ?)");
            PreparedStatement cartItem = c.prepareStatement("INSERT INTO cart_items (cart_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)");
            PreparedStatement order = c.prepareStatement("INSERT INTO orders (id, customer_id, cart_id, card_id, idempotency_key, status, currency,"
                    + " amount, payment_id, payment_status, captured, refunded, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement line = c.prepareStatement("INSERT INTO order_items VALUES (?, ?, ?, ?, ?, ?)");
            PreparedStatement shipment = c.prepareStatement("INSERT INTO shipments (order_id, amount, created_at) VALUES (?, ?, ?)");
            PreparedStatement refund = c.prepareStatement("INSERT INTO refunds VALUES (?, ?, ?, ?, ?)");
            Timestamp at = Timestamp.from(Instant.parse("2026-10-01T09:00:00Z"));
            int cards = 0;
            int orders = 0;
            for (int i = 0; i < customers; i++) {
                String id = id("cus", i);
                boolean japanese = i % 3 == 1;
                String family = FAMILY[random.nextInt(FAMILY.length)];
                String given = GIVEN[random.nextInt(GIVEN.length)];
                String name = japanese ? KANJI_FAMILY[i % 5] + " " + KANJI_GIVEN[random.nextInt(5)] : given + " " + family;
                if (i == 5) {
                    name = "Maximilian Alexander Konstantin Friedrich von Hohenzollern-Sigmaringen";
                }
                customer.setString(1, id);
                customer.setString(2, i == 0 ? MANY_CARDS_EMAIL : given.toLowerCase() + "." + family.toLowerCase() + i + "@mail-box.jp");
                customer.setString(3, name);
                customer.setString(4, japanese ? "ヤマダ タロウ" : null);
                customer.setString(5, "+81 90-" + (1000 + random.nextInt(8999)) + "-" + (1000 + random.nextInt(8999)));
                customer.setString(6, "150-" + (1000 + random.nextInt(8999)));
                customer.setString(7, "東京都渋谷区神宮前" + (1 + random.nextInt(6)) + "-" + (1 + random.nextInt(20)) + "-" + (1 + random.nextInt(9)));
                customer.setObject(8, LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                customer.setString(9, japanese ? "ja-JP" : "en-US");
                customer.setTimestamp(10, at);
                customer.addBatch();
                if (i % 4 == 0) {
                    kyc.setString(1, id);
                    kyc.setString(2, String.format("%012d", Math.abs(random.nextLong()) % 1_000_000_000_000L));
                    kyc.setTimestamp(3, at);
                    kyc.addBatch();
                }
                int cardCount = i == 0 ? 7 : 1 + random.nextInt(2);
                List<String> cardIds = new ArrayList<>();
                for (int k = 0; k < cardCount; k++) {
                    String cardId = id("card", cards++);
                    cardIds.add(cardId);
                    boolean expiring = i % 11 == 3 && k == 0;
                    card.setString(1, cardId);
                    card.setString(2, id);
                    card.setString(3, id("tok", cards));
                    card.setString(4, k % 2 == 0 ? "visa" : "mastercard");
                    card.setString(5, String.format("%04d", random.nextInt(10000)));
                    card.setInt(6, expiring ? thisMonth.getMonthValue() : 1 + random.nextInt(12));
                    card.setInt(7, expiring ? thisMonth.getYear() : thisMonth.getYear() + 1 + random.nextInt(4));
                    card.setTimestamp(8, at);
                    card.setTimestamp(9, k == 2 ? at : null);
                    card.addBatch();
                }
                int orderCount = i % 7 == 0 ? 0 : 1 + random.nextInt(3);
                for (int o = 0; o < orderCount; o++) {
                    String currency = (i + o) % 5 == 0 ? "USD" : "JPY";
                    String cartId = id("cart", orders);
                    String orderId = id("ord", orders++);
                    cart.setString(1, cartId);
                    cart.setString(2, id);
                    cart.setString(3, currency);
                    cart.setString(4, "checked_out");
                    cart.setTimestamp(5, at);
                    cart.addBatch();
                    cartItem.setString(1, cartId);
                    cartItem.setString(2, SKUS[o % SKUS.length]);
                    cartItem.setInt(3, 1);
                    cartItem.setBigDecimal(4, new java.math.BigDecimal(1280));
                    cartItem.addBatch();
                    String status = switch ((i + o) % 6) {
                        case 0 -> "partially_refunded";
                        case 1 -> "shipped";
                        case 2 -> "payment_failed";
                        default -> "paid";
                    };
                    long amount = 1280L * (1 + o);
                    order.setString(1, orderId);
                    order.setString(2, id);
                    order.setString(3, cartId);
                    order.setString(4, cardIds.get(o % cardIds.size()));
                    order.setString(5, "idem-" + orderId);
                    order.setString(6, status);
                    order.setString(7, currency);
                    order.setBigDecimal(8, java.math.BigDecimal.valueOf(amount));
                    order.setString(9, "pay_" + orderId.substring(4));
                    order.setString(10, status.equals("payment_failed") ? "failed" : "captured");
                    order.setBigDecimal(11, java.math.BigDecimal.valueOf(status.equals("payment_failed") ? 0 : amount));
                    order.setBigDecimal(12, java.math.BigDecimal.valueOf(status.equals("partially_refunded") ? amount / 2 : 0));
                    order.setTimestamp(13, at);
                    order.setTimestamp(14, at);
                    order.addBatch();
                    for (int l = 1; l <= 1 + o; l++) {
                        line.setString(1, orderId);
                        line.setInt(2, l);
                        line.setString(3, SKUS[(o + l) % SKUS.length]);
                        line.setString(4, "Item " + l);
                        line.setInt(5, 1);
                        line.setBigDecimal(6, java.math.BigDecimal.valueOf(1280));
                        line.addBatch();
                    }
                    if (status.equals("shipped") || status.equals("partially_refunded")) {
                        shipment.setString(1, orderId);
                        shipment.setObject(2, null);
                        shipment.setTimestamp(3, at);
                        shipment.addBatch();
                    }
                    if (status.equals("partially_refunded")) {
                        refund.setString(1, id("ref", orders));
                        refund.setString(2, orderId);
                        refund.setBigDecimal(3, java.math.BigDecimal.valueOf(amount / 2));
                        refund.setString(4, "damaged");
                        refund.setTimestamp(5, at);
                        refund.addBatch();
                    }
                }
            }
            for (PreparedStatement s : List.of(customer, kyc, card, cart, cartItem, order, line, shipment, refund)) {
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

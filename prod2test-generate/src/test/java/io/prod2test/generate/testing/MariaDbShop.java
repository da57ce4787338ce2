package io.prod2test.generate.testing;

/** A realistic MySQL/MariaDB shop schema: what MySQL schemas have that the PostgreSQL samples do not. */
public final class MariaDbShop {
    private MariaDbShop() {
    }

    /** Seeded synthetic rows: a category tree, a catalogue, customers who refer each other, orders, lines and audit events. */
    public static void populate(io.prod2test.generate.source.SourceDatabase db, int customers) {
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> sql = new java.util.ArrayList<>();
        sql.add("INSERT INTO currencies VALUES ('JPY', 0), ('USD', 2), ('EUR', 2)");
        sql.add("INSERT INTO categories (id, parent_id, name) VALUES (1, NULL, 'Home'), (2, 1, 'Kitchen'), (3, 1, 'Bath'), (4, NULL, 'Stationery'), (5, 2, 'Tea')");
        for (int p = 1; p <= 20; p++) {
            sql.add("INSERT INTO products (id, category_id, sku, title, price_minor) VALUES (" + p + ", " + (1 + p % 5) + ", 'SKU-" + p
                    + "', 'Product " + p + "', " + (500 + p * 100) + ")");
        }
        String[] names = {"Emily Johnson", "James Miller", "Olivia Garcia", "山田 太郎", "佐藤 花子", "Lucas Brown"};
        long order = 0;
        StringBuilder lines = new StringBuilder();
        for (int c = 1; c <= customers; c++) {
            String name = names[c % names.length];
            sql.add("INSERT INTO customers (id, email, full_name, phone, tier, preferences, referred_by) VALUES (" + c + ", 'user" + c
                    + "@mail-box.jp', '" + name + "', " + (c % 3 == 0 ? "NULL" : "'+81 90-" + (1000 + random.nextInt(8999)) + "-" + (1000 + random.nextInt(8999)) + "'")
                    + ", '" + (c % 10 == 0 ? "platinum" : c % 4 == 0 ? "gold" : "standard") + "', '{\"newsletter\": " + (c % 2 == 0) + "}', "
                    + (c > 3 && c % 5 == 0 ? String.valueOf(c - 3) : "NULL") + ")");
            int orders = c % 6 == 0 ? 0 : 1 + random.nextInt(4);
            for (int o = 0; o < orders; o++) {
                order++;
                String currency = o % 3 == 2 ? "USD" : c % 9 == 0 ? "EUR" : "JPY";
                String status = order % 5 == 0 ? "partially_refunded" : order % 3 == 0 ? "shipped" : "paid";
                sql.add("INSERT INTO orders (id, customer_id, currency, status, total_minor, refunded_minor, placed_at) VALUES (" + order + ", " + c
                        + ", '" + currency + "', '" + status + "', 10000, " + (status.equals("partially_refunded") ? 2500 : 0) + ", '2026-10-0" + (1 + o) + " 10:00:00.000')");
                for (int l = 1; l <= 3; l++) {
                    lines.append(lines.isEmpty() ? "" : ", ").append("(").append(order).append(", ").append(l).append(", ")
                            .append(1 + random.nextInt(20)).append(", ").append(1 + random.nextInt(3)).append(")");
                }
                sql.add("INSERT INTO audit_events (subject_type, subject_id, payload) VALUES ('order', " + order + ", '{\"customerId\": " + c
                        + ", \"event\": \"placed\"}')");
            }
            sql.add("INSERT INTO audit_events (subject_type, subject_id, payload) VALUES ('customer', " + c + ", '{\"customerId\": " + c
                    + ", \"event\": \"signed_up\"}')");
        }
        sql.add("INSERT INTO order_lines (order_id, line_no, product_id, quantity) VALUES " + lines);
        Databases.execute(db.jdbcUrl(), sql.toArray(String[]::new));
    }

    public static final String[] SCHEMA = {
        """
        CREATE TABLE categories (
          id int unsigned NOT NULL AUTO_INCREMENT,
          parent_id int unsigned NULL,
          name varchar(80) NOT NULL,
          PRIMARY KEY (id),
          CONSTRAINT categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE currencies (
          code char(3) NOT NULL,
          minor_units tinyint NOT NULL DEFAULT 2,
          PRIMARY KEY (code)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE customers (
          id bigint unsigned NOT NULL AUTO_INCREMENT,
          email varchar(254) NOT NULL,
          full_name varchar(200) NOT NULL,
          phone varchar(40) NULL,
          tier enum('standard','gold','platinum') NOT NULL DEFAULT 'standard',
          preferences json NULL,
          created_at timestamp NOT NULL DEFAULT current_timestamp(),
          updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
          referred_by bigint unsigned NULL,
          PRIMARY KEY (id),
          CONSTRAINT customers_referrer FOREIGN KEY (referred_by) REFERENCES customers (id),
          UNIQUE KEY customers_email (email),
          KEY customers_name_prefix (full_name(20)),
          CONSTRAINT customers_email_shape CHECK (email like '%@%')
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE products (
          id int unsigned NOT NULL AUTO_INCREMENT,
          category_id int unsigned NOT NULL,
          sku varchar(40) NOT NULL,
          title varchar(200) NOT NULL,
          price_minor bigint NOT NULL,
          PRIMARY KEY (id),
          UNIQUE KEY products_sku (sku),
          FULLTEXT KEY products_title (title),
          CONSTRAINT products_category FOREIGN KEY (category_id) REFERENCES categories (id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE orders (
          id bigint unsigned NOT NULL AUTO_INCREMENT,
          customer_id bigint unsigned NOT NULL,
          currency char(3) NOT NULL,
          status enum('pending','paid','shipped','refunded','partially_refunded') NOT NULL DEFAULT 'pending',
          total_minor bigint NOT NULL,
          refunded_minor bigint NOT NULL DEFAULT 0,
          open_minor bigint GENERATED ALWAYS AS (total_minor - refunded_minor) VIRTUAL,
          placed_at datetime(3) NOT NULL,
          PRIMARY KEY (id),
          KEY orders_customer_placed (customer_id, placed_at DESC),
          CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
          CONSTRAINT orders_currency FOREIGN KEY (currency) REFERENCES currencies (code),
          CONSTRAINT orders_refund_le_total CHECK (refunded_minor <= total_minor)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE order_lines (
          order_id bigint unsigned NOT NULL,
          line_no smallint NOT NULL,
          product_id int unsigned NOT NULL,
          quantity int NOT NULL CHECK (quantity > 0),
          PRIMARY KEY (order_id, line_no),
          CONSTRAINT order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
          CONSTRAINT order_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        """
        CREATE TABLE audit_events (
          id bigint unsigned NOT NULL AUTO_INCREMENT,
          subject_type varchar(20) NOT NULL,
          subject_id bigint unsigned NOT NULL,
          payload json NOT NULL,
          PRIMARY KEY (id),
          KEY audit_subject (subject_type, subject_id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
        "CREATE VIEW customer_order_totals AS SELECT c.id AS customer_id, count(o.id) AS orders, sum(o.total_minor) AS total_minor "
            + "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
        "CREATE VIEW big_spenders AS SELECT customer_id FROM customer_order_totals WHERE total_minor > 100000"};
}

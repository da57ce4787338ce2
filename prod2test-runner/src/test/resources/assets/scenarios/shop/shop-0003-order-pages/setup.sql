-- A customer with a saved card and three paid orders, in this scenario's ID range (..._5c03...).
INSERT INTO customers (id, email, name, phone, postal_code, address, date_of_birth, locale, created_at)
VALUES ('cus_5c0300000001', 'mio.saito@example.org', 'Mio Saito', '+81 70-0000-0003', '460-0008',
        '3-1-1 Sakae, Naka-ku, Nagoya', '1979-12-03', 'ja-JP', '2026-09-01T09:00:00Z');
INSERT INTO cards (id, customer_id, token, brand, last4, exp_month, exp_year, created_at)
VALUES ('card_5c0300000001', 'cus_5c0300000001', 'tok_s00030000000000000000001', 'visa', '4242', 12, 2099, '2026-09-01T09:01:00Z');
INSERT INTO carts (id, customer_id, currency, status, created_at) VALUES
    ('cart_5c0300000001', 'cus_5c0300000001', 'JPY', 'checked_out', '2026-09-02T09:00:00Z'),
    ('cart_5c0300000002', 'cus_5c0300000001', 'JPY', 'checked_out', '2026-09-03T09:00:00Z'),
    ('cart_5c0300000003', 'cus_5c0300000001', 'JPY', 'checked_out', '2026-09-04T09:00:00Z');
INSERT INTO orders (id, customer_id, cart_id, card_id, idempotency_key, status, currency, amount, payment_id,
                    payment_status, created_at, updated_at) VALUES
    ('ord_5c0300000001', 'cus_5c0300000001', 'cart_5c0300000001', 'card_5c0300000001', 's0003-k1', 'paid', 'JPY', 1280,
     'pay_s000300000001', 'authorized', '2026-09-02T09:05:00Z', '2026-09-02T09:05:00Z'),
    ('ord_5c0300000002', 'cus_5c0300000001', 'cart_5c0300000002', 'card_5c0300000001', 's0003-k2', 'paid', 'JPY', 2200,
     'pay_s000300000002', 'authorized', '2026-09-03T09:05:00Z', '2026-09-03T09:05:00Z'),
    ('ord_5c0300000003', 'cus_5c0300000001', 'cart_5c0300000003', 'card_5c0300000001', 's0003-k3', 'paid', 'JPY', 4980,
     'pay_s000300000003', 'authorized', '2026-09-04T09:05:00Z', '2026-09-04T09:05:00Z');
INSERT INTO order_items (order_id, line_no, sku, name, quantity, unit_price) VALUES
    ('ord_5c0300000001', 1, 'TEA-SENCHA-100', 'Sencha green tea, 100 g', 1, 1280),
    ('ord_5c0300000002', 1, 'MUG-HASAMI', 'Hasami porcelain mug', 1, 2200),
    ('ord_5c0300000003', 1, 'UMBRELLA-FOLD', 'Folding umbrella', 1, 4980);

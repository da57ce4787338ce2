-- The customer the session belonged to, in this scenario's ID range (cus_5c02...).
INSERT INTO customers (id, email, name, phone, postal_code, address, date_of_birth, locale, created_at)
VALUES ('cus_5c0200000001', 'ren.kato@example.net', 'Ren Kato', '+81 80-0000-0002', '530-0001',
        '2-4-6 Umeda, Kita-ku, Osaka', '1985-07-21', 'en-US', '2026-10-02T10:00:00Z');

-- Base rows every scenario starts from (IDs in the base range: tok_b..., pay_b...).
INSERT INTO card_tokens (token, bin, last4, brand, exp_month, exp_year, created_at) VALUES
    ('tok_b00000000000000000000001', '424242', '4242', 'visa', 12, 2099, '2026-10-01T09:00:00Z'),
    ('tok_b00000000000000000000002', '555555', '4444', 'mastercard', 6, 2098, '2026-10-01T09:05:00Z');

INSERT INTO payments (id, status, amount_minor, currency, captured_minor, refunded_minor, order_ref, token,
                      card_brand, card_last4, created_at, updated_at) VALUES
    ('pay_b000000000000001', 'captured', 4980, 'JPY', 4980, 0, 'ord_base0001', 'tok_b00000000000000000000001',
     'visa', '4242', '2026-10-01T09:01:00Z', '2026-10-01T09:02:00Z'),
    ('pay_b000000000000002', 'authorized', 12000, 'USD', 0, 0, 'ord_base0002', 'tok_b00000000000000000000002',
     'mastercard', '4444', '2026-10-01T09:06:00Z', '2026-10-01T09:06:00Z');

INSERT INTO captures (id, payment_id, amount_minor, created_at) VALUES
    ('cap_b000000000000001', 'pay_b000000000000001', 4980, '2026-10-01T09:02:00Z');

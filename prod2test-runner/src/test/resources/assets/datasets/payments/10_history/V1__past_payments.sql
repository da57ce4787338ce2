-- A history of past payments, about the size of the demo's base datasets (IDs in the history
-- range: tok_h..., pay_h...), so the reset is measured on a realistic amount of data.
INSERT INTO card_tokens (token, bin, last4, brand, exp_month, exp_year, created_at)
SELECT 'tok_h' || lpad(to_hex(i), 23, '0'), '424242', lpad((i % 10000)::text, 4, '0'), 'visa', 1 + i % 12, 2030 + i % 5,
       timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute'
FROM generate_series(1, 2000) AS i;

INSERT INTO payments (id, status, amount_minor, currency, captured_minor, refunded_minor, order_ref, token,
                      card_brand, card_last4, created_at, updated_at)
SELECT 'pay_h' || lpad(to_hex(i), 15, '0'),
       CASE WHEN i % 4 = 0 THEN 'authorized' WHEN i % 4 = 1 THEN 'captured' WHEN i % 4 = 2 THEN 'partially_refunded' ELSE 'failed' END,
       1000 + i, 'JPY',
       CASE WHEN i % 4 IN (1, 2) THEN 1000 + i ELSE 0 END,
       CASE WHEN i % 4 = 2 THEN 500 ELSE 0 END,
       'ord_h' || i, 'tok_h' || lpad(to_hex(1 + i % 2000), 23, '0'), 'visa', lpad(((1 + i % 2000) % 10000)::text, 4, '0'),
       timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute', timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute'
FROM generate_series(1, 3000) AS i;

INSERT INTO captures (id, payment_id, amount_minor, created_at)
SELECT 'cap_h' || lpad(to_hex(i), 15, '0'), 'pay_h' || lpad(to_hex(i), 15, '0'), 1000 + i,
       timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute'
FROM generate_series(1, 3000) AS i WHERE i % 4 IN (1, 2);

INSERT INTO refunds (id, payment_id, amount_minor, currency, reason, status, created_at)
SELECT 're_h' || lpad(to_hex(i), 16, '0'), 'pay_h' || lpad(to_hex(i), 15, '0'), 500, 'JPY', 'requested_by_customer', 'succeeded',
       timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute'
FROM generate_series(1, 3000) AS i WHERE i % 4 = 2;

INSERT INTO idempotency_keys (family, idempotency_key, request_hash, response_status, response_body, created_at)
SELECT 'authorise', 'hist-' || i, lpad(to_hex(i), 64, '0'), 201, '{}', timestamptz '2026-09-01T00:00:00Z' + i * interval '1 minute'
FROM generate_series(1, 3000) AS i;

-- The saved card the session used, in this scenario's ID range (tok_s0007...).
INSERT INTO card_tokens (token, bin, last4, brand, exp_month, exp_year, created_at)
VALUES ('tok_s00070000000000000000001', '378282', '0005', 'amex', 11, 2097, '2026-10-20T08:00:00Z');

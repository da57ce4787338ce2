-- A card saved years ago that expired in March 2021 (this scenario's ID range: tok_s0008...).
INSERT INTO card_tokens (token, bin, last4, brand, exp_month, exp_year, created_at)
VALUES ('tok_s00080000000000000000001', '424242', '4242', 'visa', 3, 2021, '2019-04-01T10:00:00Z');

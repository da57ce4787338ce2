-- The catalogue rows the shop scenarios use (reference data, copied from production).
INSERT INTO products (sku, name_en, name_ja, price_jpy, price_usd) VALUES
    ('TEA-SENCHA-100', 'Sencha green tea, 100 g',        '煎茶 100g',            1280,  890),
    ('MUG-HASAMI',     'Hasami porcelain mug',           '波佐見焼 マグカップ',    2200, 1500),
    ('UMBRELLA-FOLD',  'Folding umbrella',               '折りたたみ傘',          4980, 4980);
INSERT INTO products (sku, name_en, name_ja, gift_card) VALUES ('GIFT-CARD', 'Gift card', 'ギフトカード', true);

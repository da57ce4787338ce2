-- The catalogue (reference data). Prices in minor units: yen and cents. Two products sit above
-- payments' 3-D Secure threshold (30,000 JPY / 300.00 USD) on their own; a few more reach it with
-- a quantity above one.
INSERT INTO products (sku, name_en, name_ja, price_jpy, price_usd) VALUES
    ('TEA-SENCHA-100', 'Sencha green tea, 100 g',          '煎茶 100g',                    1280,   890),
    ('MUG-HASAMI',     'Hasami porcelain mug',             '波佐見焼 マグカップ',            2200,  1500),
    ('TOWEL-IMABARI',  'Imabari face towel',               '今治 フェイスタオル',            1650,  1150),
    ('CHOPSTICKS-5',   'Lacquered chopsticks, set of 5',   '漆塗り箸 5膳セット',             3300,  2200),
    ('FUROSHIKI-70',   'Furoshiki wrapping cloth, 70 cm',  '風呂敷 70cm',                  2750,  1850),
    ('NOTEBOOK-A5',    'A5 dot-grid notebook',             'A5 ドット方眼ノート',             880,   590),
    ('SOCKS-TABI',     'Tabi socks, 3 pairs',              '足袋ソックス 3足組',             1980,  1350),
    ('UMBRELLA-FOLD',  'Folding umbrella',                 '折りたたみ傘',                  4980,  4980),
    ('TEAPOT-IRON',    'Cast-iron teapot',                 '南部鉄器 急須',                 9900,  6700),
    ('PEN-FOUNTAIN',   'Fountain pen, fine nib',           '万年筆 細字',                  12100,  8200),
    ('BACKPACK-20L',   'Daypack, 20 l',                    'デイパック 20L',               15400, 10500),
    ('KNIFE-SANTOKU',  'Santoku kitchen knife, 165 mm',    '三徳包丁 165mm',               18700, 12800),
    ('KEYBOARD-MECH',  'Mechanical keyboard',              'メカニカルキーボード',           24200, 16500),
    ('RICE-COOKER',    'Induction rice cooker',            'IH 炊飯器',                   34800, 32900),
    ('HEADPHONES-NC',  'Noise-cancelling headphones',      'ノイズキャンセリング ヘッドホン',   39600, 34900);

-- The gift card has no price: each line carries the amount the customer chose.
INSERT INTO products (sku, name_en, name_ja, gift_card) VALUES
    ('GIFT-CARD', 'Gift card', 'ギフトカード', true);

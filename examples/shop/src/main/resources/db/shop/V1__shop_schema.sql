-- The shop's schema. Money columns hold minor units (yen, cents). Catalogue prices are whole minor
-- units (bigint); cart, order, shipment and refund amounts are numeric because a gift card carries
-- the amount the customer typed, passed on to payments as given so that payments' own rules (not
-- the shop's) reject a fractional yen.

CREATE TABLE customers (
    id            text        PRIMARY KEY CHECK (id ~ '^cus_[0-9a-f]{12}$'),
    email         text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    name_kana     text        CHECK (char_length(name_kana) BETWEEN 1 AND 200),
    phone         text        NOT NULL,
    postal_code   text        NOT NULL,
    address       text        NOT NULL CHECK (char_length(address) BETWEEN 1 AND 500),
    date_of_birth date        NOT NULL,
    locale        text        NOT NULL,
    created_at    timestamptz NOT NULL
);
-- Unique as stored: the service normalises e-mails before they get here.
CREATE UNIQUE INDEX customers_email_key ON customers (email);

CREATE TABLE kyc_records (
    customer_id text        PRIMARY KEY REFERENCES customers (id),
    my_number   char(12)    NOT NULL CHECK (my_number ~ '^[0-9]{12}$'),
    verified_at timestamptz NOT NULL
);

CREATE TABLE cards (
    id          text        PRIMARY KEY CHECK (id ~ '^card_[0-9a-f]{12}$'),
    customer_id text        NOT NULL REFERENCES customers (id),
    token       text        NOT NULL UNIQUE,
    brand       text        NOT NULL,
    last4       char(4)     NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    exp_month   smallint    NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year    smallint    NOT NULL CHECK (exp_year BETWEEN 2000 AND 2199),
    created_at  timestamptz NOT NULL,
    -- Removed cards are kept: orders refer to them and an idempotent checkout replay needs the token.
    deleted_at  timestamptz
);
CREATE INDEX cards_customer_idx ON cards (customer_id) WHERE deleted_at IS NULL;

CREATE TABLE products (
    sku       text    PRIMARY KEY CHECK (sku ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    name_en   text    NOT NULL,
    name_ja   text    NOT NULL,
    price_jpy bigint,
    price_usd bigint,
    gift_card boolean NOT NULL DEFAULT false,
    CHECK ((gift_card AND price_jpy IS NULL AND price_usd IS NULL)
        OR (NOT gift_card AND price_jpy > 0 AND price_usd > 0))
);

CREATE TABLE carts (
    id          text        PRIMARY KEY CHECK (id ~ '^cart_[0-9a-f]{12}$'),
    customer_id text        NOT NULL REFERENCES customers (id),
    currency    char(3)     NOT NULL CHECK (currency IN ('JPY', 'USD')),
    status      text        NOT NULL CHECK (status IN ('open', 'checked_out')),
    created_at  timestamptz NOT NULL
);
CREATE INDEX carts_customer_idx ON carts (customer_id);

CREATE TABLE cart_items (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cart_id    text          NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    sku        text          NOT NULL REFERENCES products (sku),
    quantity   integer       NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price numeric(24,6) NOT NULL CHECK (unit_price >= 0)
);
CREATE INDEX cart_items_cart_idx ON cart_items (cart_id, id);
-- One line per product; gift cards are one line each because each carries its own amount.
CREATE UNIQUE INDEX cart_items_one_line_per_sku ON cart_items (cart_id, sku) WHERE sku <> 'GIFT-CARD';

CREATE TABLE orders (
    -- Insertion order; cursor pagination walks it newest first (created_at may tie under a fixed clock).
    seq             bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    id              text          PRIMARY KEY CHECK (id ~ '^ord_[0-9a-f]{12}$'),
    customer_id     text          NOT NULL REFERENCES customers (id),
    cart_id         text          NOT NULL REFERENCES carts (id),
    card_id         text          NOT NULL REFERENCES cards (id),
    idempotency_key text          NOT NULL UNIQUE CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    status          text          NOT NULL CHECK (status IN ('pending', 'awaiting_authentication', 'paid',
                                      'payment_failed', 'shipped', 'partially_shipped', 'refunded', 'partially_refunded')),
    currency        char(3)       NOT NULL CHECK (currency IN ('JPY', 'USD')),
    amount          numeric(24,6) NOT NULL CHECK (amount >= 0),
    payment_id      text,
    payment_status  text,
    challenge_id    text,
    captured        numeric(24,6) NOT NULL DEFAULT 0 CHECK (captured >= 0),
    refunded        numeric(24,6) NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX orders_customer_seq_idx ON orders (customer_id, seq DESC);
CREATE INDEX orders_cart_idx ON orders (cart_id);
CREATE INDEX orders_payment_idx ON orders (payment_id);

CREATE TABLE order_items (
    order_id   text          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    integer       NOT NULL CHECK (line_no >= 1),
    sku        text          NOT NULL REFERENCES products (sku),
    name       text          NOT NULL,
    quantity   integer       NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price numeric(24,6) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shipments (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   text          NOT NULL REFERENCES orders (id),
    -- NULL: everything not yet captured was shipped.
    amount     numeric(24,6) CHECK (amount >= 0),
    created_at timestamptz   NOT NULL
);
CREATE INDEX shipments_order_idx ON shipments (order_id);

CREATE TABLE refunds (
    id         text          PRIMARY KEY,
    order_id   text          NOT NULL REFERENCES orders (id),
    amount     numeric(24,6) NOT NULL CHECK (amount >= 0),
    reason     text,
    created_at timestamptz   NOT NULL
);
CREATE INDEX refunds_order_idx ON refunds (order_id);

-- The payments service's own schema. Amounts are minor units (bigint): yen for JPY, cents for
-- USD and EUR. Card numbers and CVCs are never stored: a token keeps the BIN, the last four
-- digits, the brand and the expiry, which is all authorisation needs.

CREATE TABLE card_tokens (
    token       text        PRIMARY KEY,
    bin         char(6)     NOT NULL,
    last4       char(4)     NOT NULL,
    brand       text        NOT NULL,
    exp_month   integer     NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year    integer     NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE payments (
    id              text        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('requires_action', 'authorized', 'partially_captured',
                                                           'captured', 'partially_refunded', 'refunded', 'failed')),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    currency        char(3)     NOT NULL,
    captured_minor  bigint      NOT NULL DEFAULT 0 CHECK (captured_minor >= 0 AND captured_minor <= amount_minor),
    -- No "refunded <= captured" check on purpose: the refund-exceeds-captured fault switch must be
    -- able to ship its regression to this table, as a real application-level bug would.
    refunded_minor  bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    order_ref       text        NOT NULL,
    description     text,
    token           text        NOT NULL REFERENCES card_tokens (token),
    card_brand      text        NOT NULL,
    card_last4      char(4)     NOT NULL,
    challenge_id    text        UNIQUE,
    decline_code    text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX payments_order_ref ON payments (order_ref);

CREATE TABLE captures (
    id           text        PRIMARY KEY,
    payment_id   text        NOT NULL REFERENCES payments (id),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    created_at   timestamptz NOT NULL
);

CREATE INDEX captures_payment ON captures (payment_id);

CREATE TABLE refunds (
    id           text        PRIMARY KEY,
    -- Orders the refunds of a payment as they happened, even within one clock tick.
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    payment_id   text        NOT NULL REFERENCES payments (id),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     char(3)     NOT NULL,
    reason       text,
    status       text        NOT NULL CHECK (status IN ('succeeded')),
    created_at   timestamptz NOT NULL
);

CREATE INDEX refunds_payment ON refunds (payment_id, seq);

-- One row per (route family, key). The primary key is what makes concurrent duplicates safe: a
-- second INSERT of the same key waits for the first transaction and then finds its stored answer.
-- The response columns are filled in by the transaction that claimed the key, before it commits,
-- so no other transaction ever sees them empty.
CREATE TABLE idempotency_keys (
    family          text        NOT NULL CHECK (family IN ('authorise', 'refund')),
    idempotency_key text        NOT NULL,
    request_hash    char(64)    NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (family, idempotency_key)
);

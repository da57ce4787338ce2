-- The ingested traffic. Everything here is masked: the ingest stream masks each record before it
-- is written, so no raw personal value ever reaches these tables.

-- One row per log file ingested. A file is known by the fingerprint of its first MiB, its format
-- and service: re-ingesting it (or a longer version of a file still being written) resumes after
-- the last committed record instead of loading anything twice.
CREATE TABLE sources (
    id                  bigserial PRIMARY KEY,
    fingerprint         text        NOT NULL UNIQUE,
    path                text        NOT NULL,
    format              text        NOT NULL,
    service             text,
    first_ingested_at   timestamptz NOT NULL DEFAULT now(),
    last_ingested_at    timestamptz NOT NULL DEFAULT now(),
    -- The highest record ordinal committed: records up to it are loaded or quarantined.
    committed_through   bigint      NOT NULL DEFAULT 0 CHECK (committed_through >= 0),
    loaded              bigint      NOT NULL DEFAULT 0 CHECK (loaded >= 0),
    quarantined         bigint      NOT NULL DEFAULT 0 CHECK (quarantined >= 0)
);

CREATE TABLE exchanges (
    id                bigserial   PRIMARY KEY,
    source_id         bigint      NOT NULL REFERENCES sources (id),
    ordinal           bigint      NOT NULL CHECK (ordinal >= 1),
    ts                timestamptz NOT NULL,
    service           text,
    method            text        NOT NULL,
    path              text        NOT NULL,
    -- The path with id-shaped segments (numbers, UUIDs, hex, opaque tokens) already replaced by {id}.
    path_shape        text        NOT NULL,
    query             jsonb,
    request_headers   jsonb,
    request_body      jsonb,
    status            smallint    NOT NULL CHECK (status BETWEEN 100 AND 599),
    response_headers  jsonb,
    response_body     jsonb,
    duration_ms       bigint      CHECK (duration_ms >= 0),
    -- The (masked) session key chosen by the configured sources; sessions are cut from it by time.
    session_key       text,
    session_id        bigint,
    user_id           text,
    trace_id          text,
    client_ip         text,
    route_id          bigint,
    UNIQUE (source_id, ordinal)
);
CREATE INDEX exchanges_session_key_ts ON exchanges (session_key, ts);
CREATE INDEX exchanges_trace_id ON exchanges (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX exchanges_service_method_shape ON exchanges (service, method, path_shape);

-- Service-to-service calls made while answering an exchange (OpenTelemetry client spans).
CREATE TABLE downstream_calls (
    id           bigserial   PRIMARY KEY,
    exchange_id  bigint      NOT NULL REFERENCES exchanges (id) ON DELETE CASCADE,
    ts           timestamptz NOT NULL,
    method       text        NOT NULL,
    url          text        NOT NULL,
    status       smallint    NOT NULL,
    duration_ms  bigint,
    span_id      text,
    peer_service text
);
CREATE INDEX downstream_calls_exchange ON downstream_calls (exchange_id);

-- Records that could not be read, with where they were and why; the record itself masked.
CREATE TABLE quarantine (
    id         bigserial PRIMARY KEY,
    source_id  bigint    NOT NULL REFERENCES sources (id),
    ordinal    bigint    NOT NULL CHECK (ordinal >= 1),
    line       bigint,
    reason     text      NOT NULL,
    record     text      NOT NULL,
    UNIQUE (source_id, ordinal)
);

-- Route templates: /customers/812/cards/card_9f -> /customers/{id}/cards/{id}.
CREATE TABLE routes (
    id        bigserial PRIMARY KEY,
    service   text,
    method    text NOT NULL,
    template  text NOT NULL,
    origin    text NOT NULL CHECK (origin IN ('openapi', 'inferred')),
    UNIQUE NULLS NOT DISTINCT (service, method, template)
);
ALTER TABLE exchanges ADD CONSTRAINT exchanges_route FOREIGN KEY (route_id) REFERENCES routes (id);

-- User sessions, cut from the session key by the inactivity timeout.
CREATE TABLE sessions (
    id           bigserial   PRIMARY KEY,
    session_key  text        NOT NULL,
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz NOT NULL,
    exchanges    integer     NOT NULL,
    user_id      text
);
ALTER TABLE exchanges ADD CONSTRAINT exchanges_session FOREIGN KEY (session_id) REFERENCES sessions (id);

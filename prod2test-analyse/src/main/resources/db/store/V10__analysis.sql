-- The analyse stage's tables. Every analysis replaces their content as a whole (one transaction),
-- so they always describe the traffic as of the last `prod2test analyze`. Later stages (generate,
-- report, MCP) read flows, the graph and the examples from here instead of deriving them again.

-- One row per exchange, narrow: what the flow and edge-case queries need, extracted in a single scan
-- of the wide exchanges table (bodies and headers are read once, here, and never again).
CREATE UNLOGGED TABLE analysis_calls (
    exchange_id  bigint      PRIMARY KEY,
    session_id   bigint,
    route_id     bigint      NOT NULL,
    ts           timestamptz NOT NULL,
    status       smallint    NOT NULL,
    duration_ms  bigint,
    -- The first exchange of its trace (or one without a trace): a request of the user, not a call
    -- one service made to another while answering.
    root         boolean     NOT NULL,
    -- The root exchange of the trace this call belongs to (itself for a root).
    root_id      bigint      NOT NULL,
    trace_id     text,
    method       text        NOT NULL,
    path         text        NOT NULL,
    idem_key     text,
    body_hash    text,
    -- Top-level JSON field names and types of the request body, sorted: amount:number,currency:string.
    shape        text,
    -- Odd values of the request body as kind|json path, e.g. zero|$.amount.
    odd          text[]
);

-- The user's steps per session: root calls in time order with consecutive repeats collapsed.
CREATE UNLOGGED TABLE analysis_steps (
    session_id   bigint  NOT NULL,
    seq          integer NOT NULL,
    exchange_id  bigint  NOT NULL,
    route_id     bigint  NOT NULL,
    -- The first time the session reaches this route: a flow keeps only first visits (loops collapsed).
    first_visit  boolean NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX analysis_steps_route ON analysis_steps (route_id, session_id);

-- Flow variants, ranked by sessions (rank 1 is the most frequent).
CREATE TABLE analysis_flows (
    id             bigint           PRIMARY KEY,
    route_ids      bigint[]         NOT NULL UNIQUE,
    sessions       bigint           NOT NULL CHECK (sessions > 0),
    share          double precision NOT NULL CHECK (share > 0 AND share <= 1),
    error_sessions bigint           NOT NULL CHECK (error_sessions >= 0),
    coverage       text,
    priority       double precision,
    why            text
);

-- Which flow each session follows, with the ids of its user-facing exchanges in order.
CREATE TABLE analysis_session_flows (
    session_id    bigint   PRIMARY KEY,
    flow_id       bigint   NOT NULL REFERENCES analysis_flows (id) ON DELETE CASCADE,
    exchange_ids  bigint[] NOT NULL
);
CREATE INDEX analysis_session_flows_flow ON analysis_session_flows (flow_id, session_id);

-- The directly-follows graph over user-facing calls; from_route NULL is the start of a session.
CREATE TABLE analysis_transitions (
    from_route   bigint,
    to_route     bigint NOT NULL,
    transitions  bigint NOT NULL CHECK (transitions > 0),
    sessions     bigint NOT NULL CHECK (sessions > 0),
    UNIQUE NULLS NOT DISTINCT (from_route, to_route)
);

-- Calls between services, attached to the transition whose target caused them.
CREATE TABLE analysis_transition_calls (
    from_route   bigint,
    to_route     bigint NOT NULL,
    service      text,
    method       text   NOT NULL,
    target       text   NOT NULL,
    calls        bigint NOT NULL CHECK (calls > 0),
    UNIQUE NULLS NOT DISTINCT (from_route, to_route, service, method, target)
);

-- Frequent contiguous sub-flows (closed: no one-step longer sub-flow has the same support).
CREATE TABLE analysis_subflows (
    route_ids  bigint[]         PRIMARY KEY,
    length     integer          NOT NULL CHECK (length >= 2),
    sessions   bigint           NOT NULL CHECK (sessions > 0),
    support    double precision NOT NULL CHECK (support > 0 AND support <= 1)
);

-- Edge cases, each with how often it happened and a few example sessions and exchanges.
CREATE TABLE analysis_edge_cases (
    id                 bigint   PRIMARY KEY,
    kind               text     NOT NULL,
    route_id           bigint   NOT NULL,
    status             smallint,
    detail             text     NOT NULL,
    occurrences        bigint   NOT NULL CHECK (occurrences > 0),
    sessions           bigint   NOT NULL CHECK (sessions >= 0),
    example_sessions   bigint[] NOT NULL,
    example_exchanges  bigint[] NOT NULL,
    coverage           text,
    priority           double precision,
    why                text
);

-- The odd values of a JSON request body as kind|path: numbers that are zero, negative, at a large
-- round limit or beyond 32 bits; empty, very long (over 200 characters) or astral-plane (emoji,
-- rare kanji) strings; and amounts with decimals in a currency that has none.
CREATE FUNCTION analysis_odd_values(body jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN body IS NULL OR jsonb_typeof(body) NOT IN ('object', 'array') THEN NULL ELSE (
        SELECT array_agg(DISTINCT kind || '|' || path) FROM (
            SELECT CASE
                       WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric = 0 THEN 'zero'
                       WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric < 0 THEN 'negative'
                       WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric > 2147483647 THEN 'beyond-32-bit'
                       WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric >= 1000000
                            AND (v #>> '{}') ~ '^10*$' THEN 'maximum'
                       WHEN jsonb_typeof(v) = 'number' AND (v #>> '{}') ~ '\.' AND k IN ('amount', 'price', 'total', 'unitPrice')
                            AND upper(body ->> 'currency') IN ('JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF')
                            THEN 'decimals-in-zero-decimal-currency'
                       WHEN jsonb_typeof(v) = 'string' AND (v #>> '{}') = '' THEN 'empty'
                       WHEN jsonb_typeof(v) = 'string' AND length(v #>> '{}') > 200 THEN 'very-long'
                       WHEN jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '[\U00010000-\U0010FFFF]' THEN 'astral-characters'
                   END AS kind,
                   '$.' || k AS path
            FROM jsonb_each(CASE WHEN jsonb_typeof(body) = 'object' THEN body ELSE '{}'::jsonb END) AS f(k, v)
        ) odd WHERE kind IS NOT NULL)
    END
$$;

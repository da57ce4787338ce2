-- What the analysis needs of each request, computed in Java while the exchange is loaded
-- (io.prod2test.core.ingest.RequestFacts) so that no analysis parses the JSONB bodies again: on
-- 1.27 million generated exchanges reading them took about half of the analysis.
--
-- Rows loaded before this version have request_facts NULL; the analysis then derives the facts
-- from the JSONB as it did before (no backfill here: rewriting every row of a large store in a
-- migration would cost more than the analyses that read old rows that way).
ALTER TABLE exchanges
    -- the version of the facts (RequestFacts.VERSION), NULL when they were not computed
    ADD COLUMN request_facts      smallint,
    -- request_headers ->> 'idempotency-key'
    ADD COLUMN idempotency_key    text,
    -- hashtextextended(request_body::text, 0)
    ADD COLUMN request_body_hash  bigint,
    -- for an object body: jsonb_path_query_array(request_body, '$.keyvalue().key')::text
    --                     || jsonb_path_query_array(request_body, '$.*.type()')::text
    ADD COLUMN request_shape      text,
    -- for an object body: analysis_odd_values(request_body) where the analysis's jsonpath filter lets it through
    ADD COLUMN request_odd_values text[];

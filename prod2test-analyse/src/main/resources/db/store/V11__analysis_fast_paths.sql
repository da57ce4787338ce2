-- Measured on 632,300 generated exchanges (see prod2test-bench AnalyseBenchmark): the per-row
-- jsonb_each of V10's analysis_odd_values took 12.5 s, md5 of every body 1.3 s, the key/type
-- aggregate of every body 3.6 s. A single jsonpath test in C (1.7 s) now lets only bodies with an
-- odd value reach the detailed function, a 64-bit hash replaces md5, and the shape (column shape) is two jsonpath
-- arrays (keys in jsonb's own canonical order, then their types).
ALTER TABLE analysis_calls ALTER COLUMN body_hash TYPE bigint USING NULL;

CREATE OR REPLACE FUNCTION analysis_odd_values(body jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN body @? '$.* ? (@.type() == "number" && (@ <= 0 || @ >= 1000000 || @ != @.floor())
                                     || @.type() == "string" && (@ == "" || @ like_regex "^.{201}" || @ like_regex "[\u{10000}-\u{10FFFF}]"))'
    THEN (
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
            FROM jsonb_each(body) AS f(k, v)
        ) odd WHERE kind IS NOT NULL)
    END
$$;

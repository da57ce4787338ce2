-- Measured on 12.7 million generated exchanges: maintaining primary keys and indexes row by row
-- while the intermediate tables fill took a large share of the analysis. analysis_calls is now made
-- by each analysis with CREATE TABLE AS (which PostgreSQL can run with parallel workers, unlike
-- INSERT ... SELECT), and analysis_steps gets its indexes built once, after it is filled.
DROP TABLE analysis_calls;
ALTER TABLE analysis_steps DROP CONSTRAINT analysis_steps_pkey;
DROP INDEX analysis_steps_route;

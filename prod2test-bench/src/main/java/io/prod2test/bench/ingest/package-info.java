/**
 * The ingest benchmark: {@code prod2test ingest} of at least 1 GB, side by side with psql's
 * {@code \copy} of the same lines into one jsonb column and with a bare Jackson streaming copy.
 */
package io.prod2test.bench.ingest;

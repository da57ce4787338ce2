/**
 * The dataset benchmark: a one-million-row source it builds itself in an embedded PostgreSQL in,
 * the time of a masked, renumbered subset of 10,000 root rows with their foreign-key closure
 * against a plain {@code COPY (SELECT ...)} of the same rows out.
 */
package io.prod2test.bench.dataset;

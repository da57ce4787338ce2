/**
 * What both sample services share: the canonical exchange log every service writes
 * ({@link io.prod2test.examples.support.ExchangeLog}), W3C trace context propagation, the fault
 * switches that inject realistic regressions, and database wiring (Flyway-migrated pools on an
 * embedded PostgreSQL).
 */
package io.prod2test.examples.support;

/**
 * The sample payments service: a small card acquirer with its own PostgreSQL database.
 *
 * <p>It takes in card details ({@code POST /tokens}, kept only as BIN, last four digits, brand and
 * expiry), authorisations with an {@code Idempotency-Key} ({@code POST /payments}), 3-D Secure
 * confirmations, captures and refunds, all as JSON over HTTP with amounts in major units. It puts
 * out payments and refunds as JSON, 402 declines with a {@code declineCode}, 409 conflicts and 422
 * validation errors as described in {@code examples/README.md}, and one canonical exchange-log line
 * per answered request. Fault switches ({@link io.prod2test.examples.support.Fault}) inject
 * realistic regressions at the point in the code where each would really be shipped.
 *
 * <p>Start it with {@link io.prod2test.examples.payments.PaymentsService#start(PaymentsConfig)}.
 */
package io.prod2test.examples.payments;

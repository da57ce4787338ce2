/**
 * The sample shop service: the customer-facing half of the sample production world.
 *
 * <p>It takes in JSON over HTTP (customers with KYC, saved cards, carts, checkout, shipments,
 * refunds and a cursor-paginated order history, see {@code examples/README.md}) and keeps its state
 * in its own PostgreSQL database. It puts out JSON answers, one canonical exchange-log line per
 * answered request ({@link io.prod2test.examples.support.ExchangeLog}), and calls to the payments
 * service that carry the caller's W3C trace so both logs join up by trace id.
 *
 * <p>Start it with {@link io.prod2test.examples.shop.ShopService#start(ShopConfig)}; the three shop
 * faults ({@code pagination-off-by-one}, {@code email-not-normalised},
 * {@code cart-total-ignores-quantity}) are switched with {@link io.prod2test.examples.shop.ShopService#faults()}.
 */
package io.prod2test.examples.shop;

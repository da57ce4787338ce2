/**
 * The public API that other pipelines and the sample services can depend on without pulling in
 * the rest of prod2test: the canonical {@link io.prod2test.api.Exchange}, its JSON line codec
 * {@link io.prod2test.api.ExchangeJson}, and the root {@link io.prod2test.api.Prod2TestException}
 * with its {@link io.prod2test.api.ErrorCode}.
 */
package io.prod2test.api;

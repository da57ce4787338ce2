/**
 * Store stage: the PostgreSQL analysis store. Takes in a {@link io.prod2test.core.store.StoreLocation}
 * ({@code --db}, {@code PROD2TEST_DB}, or an embedded server under {@code --workdir}); puts out an
 * open, migrated {@link io.prod2test.core.store.AnalysisStore} that the other stages write to and
 * read from.
 */
package io.prod2test.core.store;

/**
 * What the schema and dataset stages (and later the scenario stage) share about the production
 * database they read: a JDBC URL in, a {@link io.prod2test.generate.source.SourceDatabase} out,
 * which knows its {@link io.prod2test.generate.source.Dialect}, its name for messages with the
 * password hidden, and opens read connections.
 */
package io.prod2test.generate.source;

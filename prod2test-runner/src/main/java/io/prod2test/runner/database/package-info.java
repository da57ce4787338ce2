/**
 * The system under test's database. Takes in a JDBC URL (or provides a PostgreSQL through
 * Testcontainers or an embedded server, {@link io.prod2test.runner.database.SutDatabases}) and the
 * asset repository's {@code schemas/} and {@code datasets/} scripts ({@link
 * io.prod2test.runner.database.Migrations}); puts out a database brought to that base state once and
 * reset to it, plus a scenario's {@code setup.sql}, before every scenario ({@link
 * io.prod2test.runner.database.DatabaseReset}), and the outcome of {@code expected.sql} checks.
 */
package io.prod2test.runner.database;

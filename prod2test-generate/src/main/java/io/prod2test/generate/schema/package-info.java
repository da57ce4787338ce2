/**
 * The schema stage: a source database in, {@code schemas/<service>/} Flyway migrations out.
 *
 * <p>{@link io.prod2test.generate.schema.Introspector} reads PostgreSQL's catalog or MySQL/MariaDB's
 * information_schema into a {@link io.prod2test.generate.schema.SchemaModel};
 * {@link io.prod2test.generate.schema.DdlWriter} writes a model back as DDL in the source's dialect,
 * in an order fixed by names alone, so two pulls of one database give the same file;
 * {@link io.prod2test.generate.schema.SchemaDiff} compares two models and writes what changed as
 * the next migration. {@link io.prod2test.generate.schema.Schemas} is the entry point for the
 * {@code schema pull} and {@code schema diff} commands; it applies the existing migrations to a
 * {@link io.prod2test.generate.schema.ScratchDatabase} to learn what {@code schemas/} holds.
 */
package io.prod2test.generate.schema;

/**
 * The dataset stage: a source database, the {@code datasets:} section of {@code prod2test.yaml}
 * and the masker in; {@code datasets/<service>/00_base/V1__reference_data.sql} and one
 * {@code datasets/<service>/NN_<layer>/V1__<layer>.sql} per layer out.
 *
 * <p>{@link io.prod2test.generate.dataset.ReferenceTables} decides which tables are reference data
 * (small, referenced many times over, referencing nothing but reference data);
 * {@link io.prod2test.generate.dataset.Profiler} picks a layer's root rows by value class and edge
 * case; {@link io.prod2test.generate.dataset.Subsetter} follows foreign keys (real and declared) to
 * their closure; {@link io.prod2test.generate.dataset.IdRemapper} moves keys into the layer's ID
 * range; {@link io.prod2test.generate.dataset.LayerWriter} masks each row and writes INSERTs that
 * load with every constraint on. {@link io.prod2test.generate.dataset.Datasets} runs them in order.
 */
package io.prod2test.generate.dataset;

/**
 * Mask stage: the masking engine, a module of its own with few dependencies so that other
 * pipelines can embed it. Takes in exchanges, free text or database rows plus a
 * {@link io.prod2test.mask.surrogate.MaskingKey} and a policy; puts out the same shapes with every
 * personal value replaced by a keyed, deterministic, format-preserving surrogate, and a report of
 * what was masked by which rule or detector.
 */
package io.prod2test.mask;

/**
 * Surrogates: what replaces a personal value once it is found. Takes in a value, its
 * {@link io.prod2test.mask.PiiKind} and the {@link io.prod2test.mask.surrogate.MaskingKey}; puts
 * out a keyed, deterministic, format-preserving stand-in — the same input and key give the same
 * surrogate in every log line and database row, another key another one, and the surrogate
 * validates for its format (Luhn and brand, check digits, phone numbering plans, reserved e-mail
 * domains, documentation IP ranges, plausible names and addresses in the input's script).
 *
 * <p>{@link io.prod2test.mask.surrogate.Surrogates} is the entry point;
 * {@link io.prod2test.mask.surrogate.SurrogateScheme} pins exactly what is hashed so outputs stay
 * stable across releases; {@link io.prod2test.mask.surrogate.SurrogateFormats} checks values.
 * Identifiers that are keys are encrypted with FF1 (NIST SP 800-38G) so that the map is a
 * bijection and uniqueness survives. The name and address tables are resources under
 * {@code surrogate/}, part of the scheme.
 *
 * <p>Surrogates are recognisable without the key: each carries an unkeyed mark (two check-like
 * digits, a checksum character, a constrained table pick …) that
 * {@link io.prod2test.mask.surrogate.SurrogateFormats#isSurrogate} reads, so that the scan gate
 * ({@link io.prod2test.mask.scan.Scanner}) does not report masked values, at the small cost in
 * recall that {@link io.prod2test.mask.surrogate.SurrogateScheme} measures per kind.
 */
package io.prod2test.mask.surrogate;

/**
 * Detection: finds personal and secret values in text.
 *
 * <p><b>Takes in</b> a string (a scalar field value, a header, a query parameter, a column value or
 * a whole line of free text) and the {@link io.prod2test.mask.FieldContext} it sits in: the field's
 * name and path are evidence of their own ({@code holderName} holds a name, {@code password} a
 * secret, {@code $.items[0].name} a product).
 *
 * <p><b>Puts out</b> an ordered list of non-overlapping {@link io.prod2test.mask.detect.Detection}s:
 * half-open spans of the <em>original</em> text, each with its {@link io.prod2test.mask.PiiKind}
 * and the name of the detector that found it. The surrogate stage replaces exactly those spans.
 *
 * <p>Entry point: {@link io.prod2test.mask.detect.Detectors#standard()}, the registry of every
 * {@link io.prod2test.mask.detect.Detector} on the class path ({@code META-INF/services}). It folds
 * full-width characters with the length-preserving {@link io.prod2test.mask.detect.Normaliser}, so
 * that {@code ０９０－１２３４－５６７８} is a phone number and the spans still index the original
 * text, runs the detectors that can possibly match (cheap screens first: no digits, no card), and
 * resolves overlaps (longest span first, then the most specific kind).
 *
 * <p>Detectors validate what they report (Luhn and brand ranges, check digits, mod 97, octet
 * ranges, decodable JWT headers) so that near misses — timestamps, order ids, ISBNs, version
 * strings, prices — stay as they are: masking them would change what a replayed test means.
 * Everything here is stateless and thread-safe, and never throws on any input: this runs on every
 * string of gigabytes of logs.
 */
package io.prod2test.mask.detect;

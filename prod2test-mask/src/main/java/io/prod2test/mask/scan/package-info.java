/**
 * Scanning: finds personal data left in files, the CI gate of a generated test-asset repository
 * ({@code prod2test scan PATH...}, exit 1 when anything is found).
 *
 * <p><b>Takes in</b> files and folders: logs, JSON lines and documents (canonical exchanges, HAR),
 * SQL dumps, YAML, CSV, Markdown, HTML, optionally gzipped. <b>Puts out</b> a
 * {@link io.prod2test.mask.scan.ScanResult}: each {@link io.prod2test.mask.scan.Finding} as
 * file, line, kind and detector — never the value itself — with counts per kind.
 *
 * <p>Entry point: {@link io.prod2test.mask.scan.Scanner}. It runs the detectors of
 * {@link io.prod2test.mask.detect.Detectors} with the field each value sits in, as far as the
 * file's format tells, and separates masked files from raw ones without the masking key: every
 * surrogate carries an unkeyed mark ({@link io.prod2test.mask.surrogate.SurrogateFormats#isSurrogate}),
 * so a detected value that is a surrogate is counted, not reported.
 */
package io.prod2test.mask.scan;

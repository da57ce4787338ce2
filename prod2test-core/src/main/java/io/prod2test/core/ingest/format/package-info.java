/**
 * Ingest stage, reading: the log formats. Takes in the bytes of one log file (already
 * decompressed) and puts out {@link io.prod2test.core.ingest.format.ReadRecord}s in file order:
 * canonical exchanges with their position, or rejections with the reason. Formats are found by
 * name or sniffed ({@link io.prod2test.core.ingest.format.LogFormats}); the user's paths become files,
 * gunzipped where needed, through {@link io.prod2test.core.ingest.format.SourceFiles}.
 *
 * <p>The formats: {@link io.prod2test.core.ingest.format.JsonlFormat} (the canonical exchange),
 * {@link io.prod2test.core.ingest.format.HarFormat}, {@link io.prod2test.core.ingest.format.OtlpFormat},
 * {@link io.prod2test.core.ingest.format.NginxJsonFormat}, {@link io.prod2test.core.ingest.format.CombinedFormat}
 * and {@link io.prod2test.core.ingest.format.AlbFormat}. The line formats share one line reader
 * (strict UTF-8 a line, BOM and CRLF handled, a 64 MiB limit a line), all of them one timestamp
 * parser ({@link io.prod2test.core.ingest.format.Timestamps}). Reasons of rejections name the field
 * ({@code field 'status': expected an HTTP status 100-599, was "abc"}).
 */
package io.prod2test.core.ingest.format;

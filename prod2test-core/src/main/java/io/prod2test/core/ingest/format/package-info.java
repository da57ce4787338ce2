/**
 * Ingest stage, reading: the log formats. Takes in the bytes of one log file (already
 * decompressed) and puts out {@link io.prod2test.core.ingest.format.ReadRecord}s in file order:
 * canonical exchanges with their position, or rejections with the reason. Formats are found by
 * name or sniffed ({@link io.prod2test.core.ingest.format.LogFormats}).
 */
package io.prod2test.core.ingest.format;

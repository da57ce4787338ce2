package io.prod2test.mask;

/**
 * Masks canonical log lines as bytes, for pipelines that read lines and want the cheap way when
 * a line allows it.
 *
 * <p>{@link #mask} returns the masked line when the line is a canonical exchange in the order
 * prod2test writes it — byte for byte what reading it into an {@link io.prod2test.api.Exchange},
 * {@link Masker#mask(io.prod2test.api.Exchange) masking} it and writing it back would give — and
 * {@code null} for any other line, which the caller then reads and masks the reference way. Either
 * way the masker's memo and report are shared. Not thread-safe: one per thread, from
 * {@link Masker#lineMasker()}.
 */
public final class LineMasker {
    private final ExchangeStreamer streamer;

    LineMasker(Masker masker) {
        this.streamer = new ExchangeStreamer(masker);
    }

    /**
     * The masked line ({@code bytes[offset, offset + length)}, UTF-8, no line break) as UTF-8
     * bytes without a line break, or {@code null} when the line must go the reference way.
     */
    public byte[] mask(byte[] bytes, int offset, int length) {
        if (!Utf8.plain(bytes, offset, length) || !streamer.mask(bytes, offset, length)) {
            return null;
        }
        return streamer.masked();
    }
}

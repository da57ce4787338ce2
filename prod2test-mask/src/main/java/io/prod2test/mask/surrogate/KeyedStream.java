package io.prod2test.mask.surrogate;

import java.util.List;
import javax.crypto.Mac;

/**
 * The keyed byte stream of one value (see {@link SurrogateScheme} for the exact construction).
 * Every surrogate draws its choices from here in a fixed order, which is what makes outputs
 * stable: a draw added or moved changes outputs and needs a new scheme. Not thread-safe; one per
 * call. Borrows the thread's {@link Mac} only inside a refill, so nested surrogates on the same
 * thread (a JWT's e-mail claim) do not disturb it.
 */
final class KeyedStream {
    private static final int UNIT = 1 << 16;

    private final Mac mac;
    private final byte[] message;
    private byte[] block;
    private int position;
    private int counter;

    KeyedStream(Mac mac, byte[] message) {
        this.mac = mac;
        this.message = message;
        this.block = mac.doFinal(message);
    }

    int nextByte() {
        if (position == block.length) {
            counter++;
            mac.update(message);
            mac.update((byte) 0);
            mac.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            block = mac.doFinal();
            position = 0;
        }
        return block[position++] & 0xff;
    }

    byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) nextByte();
        }
        return bytes;
    }

    /** A uniform number in {@code [0, bound)}, by rejection so that no value is favoured. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        if (bound == 1) {
            return 0;
        }
        if (bound <= 256) {
            int limit = 256 - 256 % bound;
            while (true) {
                int b = nextByte();
                if (b < limit) {
                    return b % bound;
                }
            }
        }
        if (bound <= UNIT) {
            int limit = UNIT - UNIT % bound;
            while (true) {
                int v = nextByte() << 8 | nextByte();
                if (v < limit) {
                    return v % bound;
                }
            }
        }
        long range = 1L << 32;
        long limit = range - range % bound;
        while (true) {
            long v = (long) nextByte() << 24 | (long) nextByte() << 16 | (long) nextByte() << 8 | nextByte();
            if (v < limit) {
                return (int) (v % bound);
            }
        }
    }

    /** A number in {@code [low, high]}. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    char digit() {
        return (char) ('0' + nextInt(10));
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(digit());
        }
        return out.toString();
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    char pick(String alphabet) {
        return alphabet.charAt(nextInt(alphabet.length()));
    }
}

package io.prod2test.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The screen a log line passes before {@link ExchangeStreamer} takes it: well-formed UTF-8 (the
 * byte sequences of Unicode's table 3-7, which is what the JDK's decoder accepts, so a line that
 * passes is one {@link ByteLines#decode} would decode) and no JSON escape of a surrogate
 * ({@code \ud83d}), which could stand alone. ASCII runs are checked eight bytes at a time.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private Utf8() {
    }

    /** Whether {@code bytes[offset, offset + length)} is valid UTF-8 without escaped surrogates. */
    static boolean plain(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (i + 8 <= end) {
                long word = (long) LONGS.get(bytes, i);
                long backslash = word ^ BACKSLASHES;
                if (((word & HIGH_BITS) | ((backslash - ONES) & ~backslash & HIGH_BITS)) == 0) {
                    i += 8;
                    continue;
                }
            }
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (b == '\\' && i + 1 < end && bytes[i + 1] >= 0) {
                    if (bytes[i + 1] == 'u' && i + 3 < end && (bytes[i + 2] | 0x20) == 'd' && isSurrogateNibble(bytes[i + 3])) {
                        return false;
                    }
                    i += 2; // the escaped character: a backslash escaped is no escape of its own
                } else {
                    i++;
                }
                continue;
            }
            int need;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b == 0xE0) {
                need = 2;
                low = 0xA0;
            } else if (b == 0xED) {
                need = 2;
                high = 0x9F;
            } else if (b >= 0xE1 && b <= 0xEF) {
                need = 2;
            } else if (b == 0xF0) {
                need = 3;
                low = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) {
                need = 3;
            } else if (b == 0xF4) {
                need = 3;
                high = 0x8F;
            } else {
                return false;
            }
            if (i + need >= end) {
                return false; // cut short by the end of the line
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    private static boolean isSurrogateNibble(byte b) {
        return (b >= '8' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}

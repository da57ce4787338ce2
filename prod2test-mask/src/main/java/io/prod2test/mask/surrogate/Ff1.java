package io.prod2test.mask.surrogate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G, Rev. 1) with AES: a keyed permutation of the
 * strings of {@code n} numerals in a radix, so that distinct identifiers stay distinct. Numerals
 * are ints in {@code [0, radix)}, most significant first; the caller maps alphabets.
 *
 * <p>The Feistel arithmetic runs in {@code long}s while {@code radix^v ≤ 2^55} (ten to sixteen
 * digits, the usual identifiers), with masks for a power-of-two radix up to {@code 2^64} (32 hex
 * digits, the 122 bits of a UUID), with unsigned steps for any other radix below {@code 2^63}, and
 * in {@link BigInteger}s beyond; all give the same result.
 * One AES {@link Cipher} per thread, as {@code Cipher.getInstance} is far dearer than a block.
 */
final class Ff1 {
    /** The smallest domain NIST allows: radix^n must reach one million. */
    static final long MIN_DOMAIN = 1_000_000L;
    private static final long LONG_LIMIT = 1L << 55;
    private static final int LONG = 0;
    private static final int BINARY = 1;
    private static final int WIDE = 2;
    private static final int BIG = 3;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> ciphers;
    /** Tests set this to check the BigInteger path against the long one. */
    boolean forceBigIntegers;

    Ff1(byte[] aesKey) {
        this.key = new SecretKeySpec(aesKey.clone(), "AES");
        newCipher(); // fail at construction, not on the first value, if AES or the key is unusable
        this.ciphers = ThreadLocal.withInitial(this::newCipher);
    }

    /** Whether FF1 may encrypt {@code n} numerals of {@code radix}. */
    static boolean domainAllowed(int radix, int n) {
        if (radix < 2 || radix > 65_536 || n < 2) {
            return false;
        }
        double size = Math.pow(radix, n);
        return size >= MIN_DOMAIN;
    }

    int[] encrypt(int[] x, int radix, byte[] tweak) {
        return crypt(x, radix, tweak, true);
    }

    int[] decrypt(int[] x, int radix, byte[] tweak) {
        return crypt(x, radix, tweak, false);
    }

    private int[] crypt(int[] x, int radix, byte[] tweak, boolean encrypt) {
        int n = x.length;
        if (!domainAllowed(radix, n)) {
            throw new IllegalArgumentException("FF1 needs radix^n >= 1,000,000 and n >= 2; radix " + radix + ", n " + n);
        }
        for (int numeral : x) {
            if (numeral < 0 || numeral >= radix) {
                throw new IllegalArgumentException("numeral " + numeral + " outside radix " + radix);
            }
        }
        int u = n / 2;
        int v = n - u;
        BigInteger bigRadix = BigInteger.valueOf(radix);
        BigInteger powV = bigRadix.pow(v);
        int b = (powV.subtract(BigInteger.ONE).bitLength() + 7) / 8;
        int d = 4 * ((b + 3) / 4) + 4;
        int t = tweak.length;

        byte[] p = {1, 2, 1, (byte) (radix >>> 16), (byte) (radix >>> 8), (byte) radix, 10, (byte) u,
                (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n,
                (byte) (t >>> 24), (byte) (t >>> 16), (byte) (t >>> 8), (byte) t};
        int pad = Math.floorMod(-t - b - 1, 16);
        byte[] q = new byte[t + pad + 1 + b];
        System.arraycopy(tweak, 0, q, 0, t);
        Cipher cipher = ciphers.get();
        byte[] cbcStart = new byte[16];
        aes(cipher, p, cbcStart); // the CBC-MAC of P, the same in every round
        byte[] s = new byte[((d + 15) / 16) * 16];

        int[] a = new int[u];
        int[] bb = new int[v];
        System.arraycopy(x, 0, a, 0, u);
        System.arraycopy(x, u, bb, 0, v);
        int bits = Integer.numberOfTrailingZeros(radix);
        boolean powerOfTwo = Integer.bitCount(radix) == 1;
        // NUM and STR of a half, and y mod radix^m, in 64-bit arithmetic when radix^v allows it:
        // up to 2^55 with plain longs, a power-of-two radix up to 2^64 with masks, else below 2^63
        // with unsigned steps; BigIntegers beyond. All give the same numbers.
        int mode;
        if (forceBigIntegers) {
            mode = BIG;
        } else if (powV.compareTo(BigInteger.valueOf(LONG_LIMIT)) <= 0) {
            mode = LONG;
        } else if (powerOfTwo && bits * v <= 64) {
            mode = BINARY;
        } else if (powV.bitLength() <= 63) {
            mode = WIDE;
        } else {
            mode = BIG;
        }
        long powULong = mode == LONG || mode == WIDE ? pow(radix, u) : 0;
        long powVLong = mode == LONG || mode == WIDE ? pow(radix, v) : 0;
        BigInteger powU = mode == BIG ? bigRadix.pow(u) : null;

        for (int step = 0; step < 10; step++) {
            int i = encrypt ? step : 9 - step;
            // the half that feeds the round function: B when encrypting, A when decrypting
            int[] feed = encrypt ? bb : a;
            int[] target = encrypt ? a : bb;
            q[t + pad] = (byte) i;
            if (mode == BIG) {
                putBig(q, q.length - b, b, numBig(feed, bigRadix));
            } else if (mode == BINARY) {
                putLong(q, q.length - b, b, numBinary(feed, bits));
            } else {
                putLong(q, q.length - b, b, num(feed, radix));
            }
            prf(cipher, cbcStart, q, s, d);
            int m = i % 2 == 0 ? u : v;
            int[] c;
            if (mode == LONG) {
                long modulus = m == u ? powULong : powVLong;
                long y = modBytes(s, d, modulus);
                long numTarget = num(target, radix);
                long value = encrypt ? (numTarget + y) % modulus : Math.floorMod(numTarget - y, modulus);
                c = str(value, radix, m);
            } else if (mode == BINARY) {
                int width = bits * m;
                long mask = width == 64 ? -1L : (1L << width) - 1;
                long y = lastLong(s, d) & mask; // NUM(S) mod 2^width: its low bits
                long numTarget = numBinary(target, bits);
                long value = (encrypt ? numTarget + y : numTarget - y) & mask;
                c = strBinary(value, bits, m);
            } else if (mode == WIDE) {
                long modulus = m == u ? powULong : powVLong;
                long y = modBytesWide(s, d, modulus);
                long numTarget = num(target, radix);
                long value;
                if (encrypt) {
                    value = numTarget + y; // both below 2^63: no unsigned overflow
                    if (Long.compareUnsigned(value, modulus) >= 0) {
                        value -= modulus;
                    }
                } else {
                    value = numTarget - y;
                    if (value < 0) {
                        value += modulus;
                    }
                }
                c = str(value, radix, m);
            } else {
                BigInteger modulus = m == u ? powU : powV;
                BigInteger y = new BigInteger(1, java.util.Arrays.copyOf(s, d));
                BigInteger numTarget = numBig(target, bigRadix);
                BigInteger value = (encrypt ? numTarget.add(y) : numTarget.subtract(y)).mod(modulus);
                c = strBig(value, radix, m);
            }
            if (encrypt) {
                a = bb;
                bb = c;
            } else {
                bb = a;
                a = c;
            }
        }
        int[] out = new int[n];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(bb, 0, out, a.length, bb.length);
        return out;
    }

    /** R = CBC-MAC(P || Q), then S = R || AES(R ⊕ [1]) || AES(R ⊕ [2]) … up to d bytes. */
    private static void prf(Cipher cipher, byte[] cbcStart, byte[] q, byte[] s, int d) {
        byte[] y = cbcStart.clone();
        byte[] block = new byte[16];
        for (int off = 0; off < q.length; off += 16) {
            for (int j = 0; j < 16; j++) {
                block[j] = (byte) (y[j] ^ q[off + j]);
            }
            aes(cipher, block, y);
        }
        System.arraycopy(y, 0, s, 0, 16);
        for (int j = 1; j * 16 < d; j++) {
            byte[] counter = y.clone();
            counter[15] ^= (byte) j;
            counter[14] ^= (byte) (j >>> 8);
            byte[] outBlock = new byte[16];
            aes(cipher, counter, outBlock);
            System.arraycopy(outBlock, 0, s, j * 16, 16);
        }
    }

    private static void aes(Cipher cipher, byte[] in, byte[] out) {
        try {
            cipher.update(in, 0, 16, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    private Cipher newCipher() {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not usable in this JVM", e);
        }
    }

    private static long pow(int radix, int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            r *= radix;
        }
        return r;
    }

    private static long num(int[] x, int radix) {
        long r = 0;
        for (int numeral : x) {
            r = r * radix + numeral;
        }
        return r;
    }

    private static BigInteger numBig(int[] x, BigInteger radix) {
        BigInteger r = BigInteger.ZERO;
        for (int numeral : x) {
            r = r.multiply(radix).add(BigInteger.valueOf(numeral));
        }
        return r;
    }

    private static int[] str(long value, int radix, int m) {
        int[] out = new int[m];
        for (int i = m - 1; i >= 0; i--) {
            out[i] = (int) (value % radix);
            value /= radix;
        }
        return out;
    }

    private static int[] strBig(BigInteger value, int radix, int m) {
        int[] out = new int[m];
        BigInteger r = BigInteger.valueOf(radix);
        for (int i = m - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(r);
            out[i] = qr[1].intValue();
            value = qr[0];
        }
        return out;
    }

    /** NUM(S[0..d)) mod m without a BigInteger: m ≤ 2^55, so r·256 + 255 fits a long. */
    private static long modBytes(byte[] s, int d, long modulus) {
        long r = 0;
        for (int i = 0; i < d; i++) {
            r = ((r << 8) | (s[i] & 0xff)) % modulus;
        }
        return r;
    }

    /** NUM(S[0..d)) mod m for m below 2^63, bit by bit so that nothing overflows an unsigned long. */
    private static long modBytesWide(byte[] s, int d, long modulus) {
        long r = 0;
        for (int i = 0; i < d; i++) {
            int octet = s[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--) {
                r = r << 1 | (octet >>> bit & 1); // r < m < 2^63, so 2r + 1 < 2^64
                if (Long.compareUnsigned(r, modulus) >= 0) {
                    r -= modulus;
                }
            }
        }
        return r;
    }

    /** The last eight bytes of S[0..d) as a number: NUM(S[0..d)) mod 2^64. */
    private static long lastLong(byte[] s, int d) {
        long r = 0;
        for (int i = Math.max(0, d - 8); i < d; i++) {
            r = r << 8 | (s[i] & 0xff);
        }
        return r;
    }

    /** NUM of numerals in radix 2^bits, as an unsigned long. */
    private static long numBinary(int[] x, int bits) {
        long r = 0;
        for (int numeral : x) {
            r = r << bits | numeral;
        }
        return r;
    }

    /** STR of an unsigned value in radix 2^bits, m numerals. */
    private static int[] strBinary(long value, int bits, int m) {
        int[] out = new int[m];
        int mask = (1 << bits) - 1;
        for (int i = m - 1; i >= 0; i--) {
            out[i] = (int) (value & mask);
            value >>>= bits;
        }
        return out;
    }

    private static void putLong(byte[] q, int offset, int length, long value) {
        for (int i = length - 1; i >= 0; i--) {
            q[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static void putBig(byte[] q, int offset, int length, BigInteger value) {
        byte[] bytes = value.toByteArray();
        java.util.Arrays.fill(q, offset, offset + length, (byte) 0);
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, q, offset + length - copy, copy);
    }
}

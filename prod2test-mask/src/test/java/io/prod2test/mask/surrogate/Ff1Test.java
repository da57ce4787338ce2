package io.prod2test.mask.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ff1Test {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static int[] numerals(String text) {
        return text.chars().map(ALPHABET::indexOf).toArray();
    }

    private static String text(int[] numerals) {
        StringBuilder out = new StringBuilder();
        for (int n : numerals) {
            out.append(ALPHABET.charAt(n));
        }
        return out.toString();
    }

    /** The sample vectors of NIST SP 800-38G (FF1 samples 1–9). */
    @ParameterizedTest(name = "NIST FF1 sample {index}")
    @CsvSource({
        "2B7E151628AED2A6ABF7158809CF4F3C, '', 10, 0123456789, 2433477484",
        "2B7E151628AED2A6ABF7158809CF4F3C, 39383736353433323130, 10, 0123456789, 6124200773",
        "2B7E151628AED2A6ABF7158809CF4F3C, 3737373770717273373737, 36, 0123456789abcdefghi, a9tv40mll9kdu509eum",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, '', 10, 0123456789, 2830668132",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, 39383736353433323130, 10, 0123456789, 2496655549",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, 3737373770717273373737, 36, 0123456789abcdefghi, xbj3kv35jrawxv32ysr",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, '', 10, 0123456789, 6657667009",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, 39383736353433323130, 10, 0123456789, 1001623463",
        "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, 3737373770717273373737, 36, 0123456789abcdefghi, xs8a0azh2avyalyzuwd"
    })
    void matchesTheNistSampleVectors(String key, String tweak, int radix, String plaintext, String ciphertext) {
        byte[] tweakBytes = HexFormat.of().parseHex(tweak);
        for (boolean big : new boolean[] {false, true}) {
            Ff1 ff1 = new Ff1(HexFormat.of().parseHex(key));
            ff1.forceBigIntegers = big;
            assertThat(text(ff1.encrypt(numerals(plaintext), radix, tweakBytes))).isEqualTo(ciphertext);
            assertThat(text(ff1.decrypt(numerals(ciphertext), radix, tweakBytes))).isEqualTo(plaintext);
        }
    }

    @Test
    void theLongAndBigIntegerPathsAgreeAndDecryptInverts() {
        Ff1 fast = new Ff1(new byte[32]);
        Ff1 big = new Ff1(new byte[32]);
        big.forceBigIntegers = true;
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            int radix = new int[] {2, 4, 8, 10, 16, 32, 36, 62}[random.nextInt(8)];
            int min = (int) Math.ceil(Math.log(1e6) / Math.log(radix));
            // every arithmetic of the fast path: plain longs, masks (power-of-two radix up to 2^64),
            // unsigned steps (up to 2^63), and beyond, where both take BigIntegers
            int n = i < 400 ? Math.max(min, new int[] {122, 128, 130, 32, 34, 36, 24, 26, 22, 21, 20}[i % 11]) : min + random.nextInt(60);
            int[] x = random.ints(n, 0, radix).toArray();
            byte[] tweak = new byte[random.nextInt(20)];
            random.nextBytes(tweak);
            int[] y = fast.encrypt(x, radix, tweak);
            assertThat(big.encrypt(x, radix, tweak)).isEqualTo(y);
            assertThat(fast.decrypt(y, radix, tweak)).isEqualTo(x);
            assertThat(big.decrypt(y, radix, tweak)).isEqualTo(x);
        }
    }

    @Test
    void refusesDomainsBelowAMillion() {
        Ff1 ff1 = new Ff1(new byte[16]);
        assertThat(Ff1.domainAllowed(10, 6)).isTrue();
        assertThat(Ff1.domainAllowed(10, 5)).isFalse();
        assertThat(Ff1.domainAllowed(2, 20)).isTrue();
        assertThatThrownBy(() -> ff1.encrypt(new int[5], 10, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ff1.encrypt(new int[] {0, 0, 0, 0, 0, 10}, 10, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}

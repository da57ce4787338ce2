package io.prod2test.mask.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Pins the V1 construction exactly as {@link SurrogateScheme} documents it, independent of the implementation. */
class KeyedStreamTest {
    private static final byte[] KEY = "prod2test-unit-test-key-0001".getBytes(StandardCharsets.UTF_8);

    private static byte[] hmac(byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    @Test
    void theStreamIsTheDocumentedHmacBlocks() throws Exception {
        KeyedHash hash = new KeyedHash(SurrogateScheme.V1, KEY);
        byte[] message = "prod2test/v1/email/taro@example.jp".getBytes(StandardCharsets.UTF_8);
        assertThat(SurrogateScheme.V1.message("email", "taro@example.jp")).isEqualTo(message);
        assertThat(hash.digest("email", "taro@example.jp")).isEqualTo(hmac(message));
        KeyedStream stream = hash.stream("email", "taro@example.jp");
        byte[] first = stream.nextBytes(32);
        byte[] second = stream.nextBytes(32);
        byte[] third = stream.nextBytes(32);
        assertThat(first).isEqualTo(hmac(message));
        assertThat(second).isEqualTo(hmac(message, new byte[] {0, 0, 0, 0, 1}));
        assertThat(third).isEqualTo(hmac(message, new byte[] {0, 0, 0, 0, 2}));
    }

    @Test
    void drawsAreUniformByRejection() throws Exception {
        KeyedHash hash = new KeyedHash(SurrogateScheme.V1, KEY);
        byte[] message = "prod2test/v1/test/x".getBytes(StandardCharsets.UTF_8);
        KeyedStream stream = hash.stream("test", "x");
        byte[] block = hmac(message);
        // nextInt(10) takes one byte, drops bytes from 250 up, and reduces the rest mod 10
        int expected = -1;
        for (byte b : block) {
            if ((b & 0xff) < 250) {
                expected = (b & 0xff) % 10;
                break;
            }
        }
        assertThat(stream.nextInt(10)).isEqualTo(expected);
        int[] counts = new int[7];
        KeyedStream many = hash.stream("test", "uniform");
        for (int i = 0; i < 70_000; i++) {
            counts[many.nextInt(7)]++;
        }
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThan(9_500);
        assertThat(Arrays.stream(counts).max().getAsInt()).isLessThan(10_500);
        for (int bound : new int[] {1, 2, 255, 256, 257, 65_536, 65_537, 1_000_000, Integer.MAX_VALUE}) {
            int v = many.nextInt(bound);
            assertThat(v).isBetween(0, bound - 1);
        }
        assertThatThrownBy(() -> many.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

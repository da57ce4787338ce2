package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IdRemapperTest {

    @Test
    void newKeysKeepTheShapeOfTheOldOnes() {
        assertThat(IdRemapper.newKey(42L, 1_000_000, "bigint")).isEqualTo(1_000_000L);
        assertThat(IdRemapper.newKey(BigInteger.TEN, 7, "bigint unsigned")).isEqualTo(BigInteger.valueOf(7));
        assertThat(IdRemapper.newKey(new BigDecimal("3"), 7, "numeric")).isEqualTo(BigDecimal.valueOf(7));
        assertThat(IdRemapper.newKey("cus_3f9a0c12e4d1", 1_000_001, "text")).isEqualTo("cus_0000000f4241");
        assertThat(IdRemapper.newKey("ORD-00000042", 1_000_001, "text")).isEqualTo("ORD-01000001");
        assertThat(IdRemapper.newKey("INV_9ABC", 255, "text")).isEqualTo("INV_00FF");
        assertThat(IdRemapper.newKey("tok_Zx9kq", 1_000_000, "text")).isEqualTo("tok_0lfls");
        assertThat(IdRemapper.newKey("REF_XYZ", 35, "text")).isEqualTo("REF_00Z");
        assertThat(IdRemapper.newKey("3f2504e0-4f89-11d3-9a0c-0305e82c3301", 1_000_000, "uuid"))
                .isEqualTo("00000000-0000-4000-8000-0000000f4240");
        assertThat(IdRemapper.newKey("ab", 1_000_000, "text")).isEqualTo("f4240");
        // A hex key that happens to be all digits stays hex when its column is hex.
        assertThat(IdRemapper.newKey("cus_123456789012", 1_000_002, "text", "3f9a0c12e4d1")).isEqualTo("cus_0000000f4242");
    }
}

package io.prod2test.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void countsEveryByteReadOrSkipped() throws Exception {
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[100]))) {
            in.read();
            in.read(new byte[10], 0, 10);
            in.skip(20);
            in.readAllBytes();

            assertThat(in.count()).isEqualTo(100);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.count()).isEqualTo(100);
        }
    }
}

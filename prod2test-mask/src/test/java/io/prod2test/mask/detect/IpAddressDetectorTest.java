package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {
    private final IpAddressDetector detector = new IpAddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "198.51.100.254", "203.0.113.77", "10.0.0.12", "1.2.3.4", "255.254.253.252",
            "2001:db8::1", "2001:db8:85a3:0:0:8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "2001:db8:4a2f:9c1::1d", "::ffff:192.0.2.128", "fe80::1%eth0", "64:ff9b::198.51.100.7", "2001:db8::",
            "::2:3:4"})
    void findsAddresses(String address) {
        assertThat(Found.in(detector, address)).containsExactly("IP_ADDRESS:" + address);
        assertThat(Found.in(detector, "from " + address + ", again")).containsExactly("IP_ADDRESS:" + address);
    }

    @Test
    void findsAddressesInLogsHeadersAndJapaneseText() {
        assertThat(Found.in(detector, "198.51.100.7, 203.0.113.9"))
                .containsExactly("IP_ADDRESS:198.51.100.7", "IP_ADDRESS:203.0.113.9");
        assertThat(Found.in(detector, "[2001:db8:1::ab9:c0a8:102]:443")).containsExactly("IP_ADDRESS:2001:db8:1::ab9:c0a8:102");
        assertThat(Found.in(detector, "ip:192.0.2.1 port:80")).containsExactly("IP_ADDRESS:192.0.2.1");
        assertThat(Found.in(detector, "アクセス元は１９２．０．２．１０です")).containsExactly("IP_ADDRESS:１９２．０．２．１０");
        assertThat(Found.in(detector, "server 10.1.2.3 port 5432")).containsExactly("IP_ADDRESS:10.1.2.3");
        assertThat(Found.in(detector, "host 203.0.113.5/32")).containsExactly("IP_ADDRESS:203.0.113.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "10.0.19045.3803", "10.0.0.0.1", "1.3.6.1.4.1.311", "v1.2.3.4", "version 1.2.3.4",
            "Chrome/126.0.0.0", "Edg/128.0.0.0", "256.1.1.1", "10.0.0.256", "192.168.001.001", "192.168.1", "x192.0.2.1",
            "192.0.2.1a", "0.0.0.0", "127.0.0.1", "255.255.255.0", "::", "::1", "12:34:56", "2024-05-01T12:34:56",
            "00:1a:2b:3c:4d:5e", "std::vector", "a::b", "dead::beef", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1",
            "192.0.2.0/24", "fe80::/10", "3.14159", "ver. 2.0.0.1"})
    void leavesVersionsTimesAndNonAddressesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}

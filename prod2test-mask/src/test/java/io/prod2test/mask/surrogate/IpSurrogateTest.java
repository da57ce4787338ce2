package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpSurrogateTest {
    @Test
    void ipv4AddressesMapIntoTheDocumentationRanges() {
        List<String> addresses = SurrogateTesting.generate(41, 1_000, r -> r.nextInt(224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256));
        Set<String> blocks = new HashSet<>();
        for (String address : addresses) {
            String surrogate = SURROGATES.ipAddress(address);
            assertThat(SurrogateFormats.isValid(PiiKind.IP_ADDRESS, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(address).doesNotEndWith(".0").doesNotEndWith(".255");
            blocks.add(surrogate.substring(0, surrogate.lastIndexOf('.')));
        }
        assertThat(blocks).containsExactlyInAnyOrder("192.0.2", "198.51.100", "203.0.113");
        long same = addresses.stream().filter(a -> SURROGATES.ipAddress(a).equals(OTHER.ipAddress(a))).count();
        assertThat(same).isLessThan(20); // 762 documentation hosts: a few coincidences, no more
    }

    @Test
    void ipv6AddressesMapInto2001Db8() {
        List<String> addresses = SurrogateTesting.generate(42, 1_000, r -> {
            StringBuilder out = new StringBuilder("2400");
            for (int i = 0; i < 7; i++) {
                out.append(':').append(Integer.toHexString(r.nextInt(r.nextBoolean() ? 1 : 65_536)));
            }
            return out.toString();
        });
        for (String address : addresses) {
            String surrogate = SURROGATES.ipAddress(address);
            assertThat(SurrogateFormats.isValid(PiiKind.IP_ADDRESS, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).startsWith("2001:db8:").isEqualTo(IpAddresses.formatV6(IpAddresses.parseV6(surrogate)));
            assertThat(SURROGATES.ipAddress(IpAddresses.formatV6(IpAddresses.parseV6(address)))).as("canonical form, same surrogate").isEqualTo(surrogate);
        }
        assertThat(addresses.stream().filter(a -> SURROGATES.ipAddress(a).equals(OTHER.ipAddress(a)))).isEmpty();
    }

    @Test
    void listsPrefixesZonesAndBracketsAreKept() {
        String list = SURROGATES.ipAddress("10.0.0.1, 172.16.0.5");
        assertThat(list).matches("[0-9.]+, [0-9.]+");
        assertThat(list.split(", ")[0]).isEqualTo(SURROGATES.ipAddress("10.0.0.1"));
        assertThat(SURROGATES.ipAddress("10.0.0.0/8")).endsWith("/8");
        assertThat(SURROGATES.ipAddress("fe80::1%eth0")).startsWith("2001:db8:").endsWith("%eth0");
        assertThat(SURROGATES.ipAddress("[2001:db8::1]")).startsWith("[2001:db8:").endsWith("]");
        assertThat(SurrogateFormats.isDocumentationIp(SURROGATES.ipAddress("unknown"))).isTrue();
    }

    @Test
    void formatsIpv6AsRfc5952Says() {
        assertThat(IpAddresses.formatV6(IpAddresses.parseV6("2001:0DB8:0000:0000:0000:0000:0000:0001"))).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.formatV6(IpAddresses.parseV6("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(IpAddresses.formatV6(IpAddresses.parseV6("::ffff:192.0.2.1"))).isEqualTo("::ffff:c000:201");
        assertThat(IpAddresses.parseV6("1::2::3")).isNull();
    }
}

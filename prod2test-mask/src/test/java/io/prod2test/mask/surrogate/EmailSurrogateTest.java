package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailSurrogateTest {
    private static final List<String> DOMAINS = List.of("example.jp", "example.co.jp", "example.ne.jp", "example.com", "example.org",
            "example.net", "mail.test", "corp.invalid", "shop.example");

    private static List<String> emails() {
        return SurrogateTesting.generate(11, 2_000, r -> "user." + Integer.toString(r.nextInt(1 << 30), 36) + "+" + r.nextInt(100)
                + "@" + DOMAINS.get(r.nextInt(DOMAINS.size())));
    }

    @Test
    void everySurrogateIsAValidAddressOnAReservedDomainAndUnique() {
        Set<String> seen = new HashSet<>();
        for (String email : emails()) {
            String surrogate = SURROGATES.email(email);
            assertThat(SurrogateFormats.isValid(PiiKind.EMAIL, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(email).matches("u[a-z2-7]{16}@example\\.(com|net|org|jp|co\\.jp|ne\\.jp)");
            assertThat(seen.add(surrogate)).as("unique: %s", surrogate).isTrue();
        }
    }

    @Test
    void deterministicCaseInsensitiveAndKeySensitive() {
        String email = "Taro.Sato42@Example.CO.JP";
        String surrogate = SURROGATES.email(email);
        assertThat(SURROGATES.email(email)).isEqualTo(surrogate);
        assertThat(SURROGATES.email("  taro.sato42@example.co.jp ")).isEqualTo("  " + surrogate + " ");
        assertThat(SurrogateTesting.surrogates(SurrogateTesting.KEY).email(email)).isEqualTo(surrogate);
        assertThat(OTHER.email(email)).isNotEqualTo(surrogate);
        long differing = emails().stream().filter(e -> !SURROGATES.email(e).equals(OTHER.email(e))).count();
        assertThat(differing).isEqualTo(emails().size());
    }

    @ParameterizedTest
    @CsvSource({
        "taro@docomo.ne.jp, example.ne.jp",
        "hanako@company.co.jp, example.co.jp",
        "ken@univ.ac.jp, example.jp",
        "emily@gmail.com, example.com",
        "bob@nonprofit.org, example.org",
        "ann@isp.net, example.net",
        "jean@mail.fr, example.com"
    })
    void keepsTheDomainFamily(String email, String domain) {
        assertThat(SURROGATES.email(email)).endsWith("@" + domain);
    }

    @Test
    void somethingWithoutAnAtStillBecomesAReservedAddress() {
        assertThat(SurrogateFormats.isReservedEmail(SURROGATES.email("not-an-address"))).isTrue();
    }
}

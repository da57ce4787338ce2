package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @Test
    void normalisesToTrimmedLowerCase() {
        assertThat(Emails.normalise(" Mixed.Case@Example.com ")).isEqualTo("mixed.case@example.com");
        assertThat(Emails.normalise("\tTARO.YAMADA@EXAMPLE.JP\n")).isEqualTo("taro.yamada@example.jp");
        assertThat(Emails.normalise("already@example.com")).isEqualTo("already@example.com");
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        // Turkish dotless i: lower-casing with the JVM's locale would turn I into ı.
        assertThat(Emails.normalise("INFO@EXAMPLE.COM")).isEqualTo("info@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "hanako.sato+shop@mail.example.co.jp", " Mixed.Case@Example.com "})
    void acceptsAddresses(String email) {
        assertThat(Emails.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"plainaddress", "@example.com", "a@", "a@b", "a@example", "a b@example.com", "a@@example.com",
            "a@example.c", "a@.example.com"})
    void rejectsNonAddresses(String email) {
        assertThat(Emails.isValid(email)).isFalse();
    }

    @Test
    void rejectsOverlongAddresses() {
        String local = "a".repeat(64);
        String domain = "d".repeat(185) + ".example.com"; // 64 + 1 + 197 = 262 > 254
        assertThat(Emails.isValid(local + "@" + domain)).isFalse();
        assertThat(Emails.isValid("a".repeat(65) + "@example.com")).isFalse();
    }
}

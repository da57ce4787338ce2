package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
    private final EmailDetector detector = new EmailDetector();

    @ParameterizedTest
    @ValueSource(strings = {"taro.yamada@example.jp", "hanako_sato123@example.co.jp", "t.yamada+shop@example.ne.jp",
            "Hanako.Suzuki@Example.CO.JP", "a@example.org", "user%tag@sub.example.com", "x@xn--wgv71a.jp"})
    void findsAddresses(String address) {
        assertThat(Found.in(detector, address)).containsExactly("EMAIL:" + address);
        assertThat(Found.in(detector, "mail to <" + address + ">, please")).containsExactly("EMAIL:" + address);
    }

    @Test
    void findsAddressesInJapaneseTextWithoutSpaces() {
        assertThat(Found.in(detector, "連絡先はtaro@example.jpまでお願いします"))
                .containsExactly("EMAIL:taro@example.jp");
    }

    @Test
    void findsFullWidthAddressesAndReportsTheOriginalSpan() {
        assertThat(Found.in(detector, "メール：ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"))
                .containsExactly("EMAIL:ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");
    }

    @Test
    void findsUrlEncodedAddressesInQueryStrings() {
        assertThat(Found.in(detector, "/unsubscribe?email=taro%40example.jp&x=1"))
                .containsExactly("EMAIL:taro%40example.jp");
    }

    @Test
    void findsSeveral() {
        assertThat(Found.in(detector, "a@example.com,b@example.org;c@example.net"))
                .containsExactly("EMAIL:a@example.com", "EMAIL:b@example.org", "EMAIL:c@example.net");
    }

    @ParameterizedTest
    @ValueSource(strings = {"icon@2x.png", "logo@3x.webp", "lodash@4.17.21", "user@localhost", "@prod2test/cli",
            "foo@bar", "a@@example.com", "name@ example.com", "trailing.@example.com", "double..dot@example.com",
            "https://deploy:s3cret@git.example.com/shop.git", "price @ 4980", "no at sign here"})
    void leavesNearMissesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}

package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormaliserTest {
    @Test
    void foldsFullWidthDigitsLettersAndPunctuation() {
        assertThat(Normaliser.normalise("０９０－１２３４－５６７８")).isEqualTo("090-1234-5678");
        assertThat(Normaliser.normalise("ｔａｒｏ＠ＥＸＡＭＰＬＥ．ｊｐ")).isEqualTo("taro@EXAMPLE.jp");
        assertThat(Normaliser.normalise("！～")).isEqualTo("!~");
    }

    @Test
    void foldsTheIdeographicSpaceDashesAndTheYenSign() {
        assertThat(Normaliser.normalise("佐藤\u3000太郎")).isEqualTo("佐藤 太郎");
        assertThat(Normaliser.normalise("03\u22121234\u20105678\u2013")).isEqualTo("03-1234-5678-");
        assertThat(Normaliser.normalise("\uFFE54,980")).isEqualTo("¥4,980");
    }

    @Test
    void leavesKanaKanjiAndTheLongVowelMarkAlone() {
        // ー is part of katakana words (カード), not a dash; half-width kana would change length if composed
        String text = "カード番号 ｶｰﾄﾞ ひらがな 漢字 ー";
        assertThat(Normaliser.normalise(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "〒１６０－００２３ 東京都", "ｶﾞｷﾞ", "😊 𠮷田", "\uD800 unpaired"})
    void preservesLength(String text) {
        assertThat(Normaliser.normalise(text)).hasSize(text.length());
    }

    @Test
    void returnsTheSameInstanceWhenThereIsNothingToFold() {
        String ascii = "GET /customers/cus_0a1b2c3d4e5f 200";
        assertThat(Normaliser.normalise(ascii)).isSameAs(ascii);
        assertThat(Normaliser.normalise(null)).isNull();
    }

    @Test
    void isIdempotent() {
        String once = Normaliser.normalise("ＡＢＣ　１２３－４５６");
        assertThat(Normaliser.normalise(once)).isSameAs(once);
    }
}

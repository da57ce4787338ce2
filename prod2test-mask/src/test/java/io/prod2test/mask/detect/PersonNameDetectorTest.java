package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameDetectorTest {
    private final PersonNameDetector detector = new PersonNameDetector();

    @ParameterizedTest
    @ValueSource(strings = {"name", "fullName", "first_name", "lastName", "givenName", "family_name", "surname", "holderName",
            "cardholder", "nameKana", "kana", "furigana", "firstNameKana", "customerName", "recipientName", "displayName",
            "氏名", "名前", "お名前", "姓", "名", "フリガナ", "カナ", "名義人"})
    void takesTheWholeValueOfANameField(String name) {
        assertThat(Found.in(detector, " 佐藤 太郎 ", Found.body(name))).containsExactly("PERSON_NAME:佐藤 太郎");
    }

    @ParameterizedTest
    @ValueSource(strings = {"佐藤　美咲", "サトウ タロウ", "TARO YAMADA", "Zoë Ångström-Núñez", "María de los Ángeles Fernández",
            "髙橋 蓮", "𠮷田 花子", "佐藤 太郎 🌸", "taro yamada", "Emily"})
    void keepsWhateverAPersonsNameLooksLike(String value) {
        assertThat(Found.in(detector, value, Found.body("name"))).containsExactly("PERSON_NAME:" + value);
    }

    @Test
    void leavesTheHonorificOut() {
        assertThat(Found.in(detector, "山田 太郎 様", Found.body("name"))).containsExactly("PERSON_NAME:山田 太郎");
        assertThat(Found.in(detector, "お名前：ヤマダ タロウ様、ご連絡ありがとうございます")).containsExactly("PERSON_NAME:ヤマダ タロウ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"productName", "fileName", "hostname", "username", "userName", "serviceName", "nameEn", "bucketName"})
    void namesOfThingsAreNotNamesOfPeople(String name) {
        assertThat(Found.in(detector, "Taro Yamada", Found.body(name))).isEmpty();
        assertThat(Found.in(detector, "サトウ タロウ", Found.body(name))).isEmpty();
    }

    @Test
    void aBareNameUnderAThingIsTheThingsName() {
        assertThat(Found.in(detector, "ノイズキャンセリング ヘッドホン", new FieldContext(Location.RESPONSE_BODY, "name", "$.items[0].name"))).isEmpty();
        assertThat(Found.in(detector, "サトウ タロウ", new FieldContext(Location.RESPONSE_BODY, "name", "$.product.name"))).isEmpty();
        assertThat(Found.in(detector, "デイパック 20L", new FieldContext(Location.COLUMN, "name", "products.name"))).isEmpty();
        assertThat(Found.in(detector, "佐藤 花子", new FieldContext(Location.COLUMN, "name", "customers.name"))).containsExactly("PERSON_NAME:佐藤 花子");
        assertThat(Found.in(detector, "佐藤 花子", new FieldContext(Location.RESPONSE_BODY, "name", "$.customer.name")))
                .containsExactly("PERSON_NAME:佐藤 花子");
    }

    @Test
    void aBareNameWithDigitsOrInSentenceCaseIsAThing() {
        assertThat(Found.in(detector, "煎茶 100g", Found.body("name"))).isEmpty();
        assertThat(Found.in(detector, "Folding umbrella", Found.body("name"))).isEmpty();
        assertThat(Found.in(detector, "checkout-service_v2", Found.body("name"))).isEmpty();
    }

    @Test
    void findsNamesByKeyInsideTexts() {
        assertThat(Found.in(detector, "{\"customer\":{\"name\":\"佐藤 太郎\",\"email\":\"t@example.jp\"}}"))
                .containsExactly("PERSON_NAME:佐藤 太郎");
        assertThat(Found.in(detector, "created name=Taro Yamada email=t@example.jp")).containsExactly("PERSON_NAME:Taro Yamada");
        assertThat(Found.in(detector, "氏名：鈴木 一郎\n生年月日：1980年1月2日")).containsExactly("PERSON_NAME:鈴木 一郎");
        assertThat(Found.in(detector, "First name: Hanako")).containsExactly("PERSON_NAME:Hanako");
        // a bare name= in a text must read like a person's name
        assertThat(Found.in(detector, "deploy name=checkout-service replicas=3")).isEmpty();
        assertThat(Found.in(detector, "name: my cool app")).isEmpty();
    }

    @Test
    void findsKatakanaReadingsOfTwoWordsInFreeText() {
        assertThat(Found.in(detector, "サトウ タロウ")).containsExactly("PERSON_NAME:サトウ タロウ");
        assertThat(Found.in(detector, "お客様 ヤマモト ショウタ 様より")).containsExactly("PERSON_NAME:ヤマモト ショウタ");
        assertThat(Found.in(detector, "ハセガワ　ユウコ さんから電話")).containsExactly("PERSON_NAME:ハセガワ　ユウコ");
        assertThat(Found.in(detector, "memo: ナカムラ ケンタ 様 宛", Found.body("memo"))).containsExactly("PERSON_NAME:ナカムラ ケンタ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ノイズキャンセリング ヘッドホン", "マグ カップ", "フェイス タオル", "ポイント カード", "ギフト カード",
            "ブルー グレー", "サトウ タロウ ジロウ", "ア イ", "スーパー マーケット", "ヴァイオリン ケース", "サトウタロウ"})
    void leavesKatakanaThatIsNoReadingAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }

    @Test
    void findsKanjiNamesFollowedByAnHonorificOrCopula() {
        assertThat(Found.in(detector, "お世話になっております。佐藤　美咲です。")).containsExactly("PERSON_NAME:佐藤　美咲");
        assertThat(Found.in(detector, "山田 太郎様より")).containsExactly("PERSON_NAME:山田 太郎");
        assertThat(Found.in(detector, "佐々木 さくらさん")).containsExactly("PERSON_NAME:佐々木 さくら");
        assertThat(Found.in(detector, "南部鉄器 急須が届きました")).isEmpty();
        assertThat(Found.in(detector, "佐藤美咲です")).isEmpty(); // no space: not told apart from prose
    }

    @Test
    void findsLatinNamesAfterAnIntroduction() {
        assertThat(Found.in(detector, "Hi, this is Emily Garcia. Thanks")).containsExactly("PERSON_NAME:Emily Garcia");
        assertThat(Found.in(detector, "Dear Ms. Thompson,")).containsExactly("PERSON_NAME:Thompson");
        assertThat(Found.in(detector, "My name is José María García.")).containsExactly("PERSON_NAME:José María García");
        assertThat(Found.in(detector, "Dear Customer Service,")).isEmpty();
        assertThat(Found.in(detector, "this is fine")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"customerId", "cardId", "scenario-results", "orderId"})
    void identifiersUnderABareNameAreNoPeople(String value) {
        assertThat(Found.in(detector, value, Found.body("name"))).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"McDonald", "Jean-Luc Picard", "hanako", "yamada taro"})
    void namesWithCapitalsOrHyphensInsideAreStillNames(String value) {
        assertThat(Found.in(detector, value, Found.body("name"))).containsExactly("PERSON_NAME:" + value);
    }
}

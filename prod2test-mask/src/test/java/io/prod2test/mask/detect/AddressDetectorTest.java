package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressDetectorTest {
    private final AddressDetector detector = new AddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"東京都新宿区西新宿2-8-1", "東京都渋谷区神宮前3丁目12-5", "神奈川県横浜市中区山下町1-2-3",
            "大阪府大阪市北区梅田1-1-3 メゾン桜 101号室", "北海道札幌市中央区北一条西2丁目1番地", "愛知県名古屋市千種区星が丘元町16-50",
            "埼玉県さいたま市浦和区高砂3-15-1 コーポ若葉 203", "京都府京都市中京区烏丸通三条上ル場之町586-2",
            "東京都千代田区丸の内1丁目9番1号", "東京都新宿区 西新宿2-8-1", "沖縄県那覇市久茂地1丁目22-2 パークハイツ緑ヶ丘 201号室",
            "埼玉県さいたま市見沼区ひばりが丘2-8-1", "東京都板橋区ときわ台1丁目12-3", "福岡県福岡市東区みどりが丘3丁目5-7 コーポ若葉 203",
            "東京都新宿区西新宿2-8-1 グランドパレス桜ガーデンタワーレジデンス・ザ・ファースト 第二期 イーストウイング 23階 5号室"})
    void findsJapaneseAddressesInFreeText(String address) {
        assertThat(Found.in(detector, address)).containsExactly("ADDRESS:" + address);
        assertThat(Found.in(detector, "配送先は" + address + "です。")).containsExactly("ADDRESS:" + address);
    }

    @Test
    void stopsWhereTheSentenceGoesOn() {
        assertThat(Found.in(detector, "東京都新宿区西新宿2-8-1に住んでいます")).containsExactly("ADDRESS:東京都新宿区西新宿2-8-1");
        assertThat(Found.in(detector, "東京都新宿区西新宿2-8-1 大阪にも店舗があります")).containsExactly("ADDRESS:東京都新宿区西新宿2-8-1");
        assertThat(Found.in(detector, "大阪府大阪市にある店舗")).containsExactly("ADDRESS:大阪府大阪市");
        assertThat(Found.in(detector, "東京都新宿区には3店舗あります")).containsExactly("ADDRESS:東京都新宿区");
        assertThat(Found.in(detector, "東京都新宿区でお待ちしています")).containsExactly("ADDRESS:東京都新宿区");
        assertThat(Found.in(detector, "東京都港区芝浦1-2-3（管理人室経由）")).containsExactly("ADDRESS:東京都港区芝浦1-2-3");
        assertThat(Found.in(detector, "東京都港区芝浦1-2-3 Tel 03-1234-5678")).containsExactly("ADDRESS:東京都港区芝浦1-2-3");
    }

    @Test
    void findsFullWidthAddresses() {
        assertThat(Found.in(detector, "東京都新宿区西新宿２－８－１")).containsExactly("ADDRESS:東京都新宿区西新宿２－８－１");
    }

    @ParameterizedTest
    @ValueSource(strings = {"address", "addr", "street", "line1", "line2", "city", "住所", "homeAddress", "shipping_address",
            "addressLine1", "billingAddress", "mailingAddress"})
    void takesTheWholeValueOfAnAddressField(String name) {
        assertThat(Found.in(detector, " 742 Evergreen Terrace, Springfield, IL ", Found.body(name)))
                .containsExactly("ADDRESS:742 Evergreen Terrace, Springfield, IL");
    }

    @Test
    void leavesALeadingPostalCodeToItsDetector() {
        assertThat(Found.in(detector, "〒160-0023 東京都新宿区西新宿2-8-1", Found.body("address")))
                .containsExactly("ADDRESS:東京都新宿区西新宿2-8-1");
        assertThat(Found.in(detector, "お届け先：〒812-0011 福岡県福岡市博多区博多駅前3-2-1"))
                .containsExactly("ADDRESS:福岡県福岡市博多区博多駅前3-2-1");
    }

    @Test
    void findsAddressesByKeyInsideTexts() {
        assertThat(Found.in(detector, "Ship to: 742 Evergreen Terrace, Denver, CO")).containsExactly("ADDRESS:742 Evergreen Terrace, Denver, CO");
        assertThat(Found.in(detector, "{\"address\":\"1600 Amphitheatre Pkwy, Mountain View\",\"x\":1}"))
                .containsExactly("ADDRESS:1600 Amphitheatre Pkwy, Mountain View");
        assertThat(Found.in(detector, "住所：神奈川県藤沢市辻堂1-2-3")).containsExactly("ADDRESS:神奈川県藤沢市辻堂1-2-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emailAddress", "ipAddress", "remoteAddr", "macAddress", "walletAddress", "x-forwarded-for", "addresses"})
    void addressesThatAreNotPlacesAreNotAddresses(String name) {
        assertThat(Found.in(detector, "198.51.100.7", Found.body(name))).isEmpty();
        assertThat(Found.in(detector, "tokyo", Found.body(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"今日は東京都と大阪府に出張です", "神奈川県在住の30代です", "東京都内のホテル", "大阪府警の発表",
            "京都市内", "Springfield, IL", "addr=0.0.0.0:8080", "北海道産の牛乳"})
    void leavesProseAboutPlacesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }

    @Test
    void aColumnNamedAddressIsAnAddress() {
        assertThat(Found.in(detector, "神奈川県藤沢市辻堂1-2-3", new FieldContext(Location.COLUMN, "customers.address", "customers.address")))
                .containsExactly("ADDRESS:神奈川県藤沢市辻堂1-2-3");
    }
}

package io.prod2test.examples.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Japanese addresses as people type them: prefecture, city or ward, district, block numbers
 * ({@code 2丁目8-1} or {@code 2-8-1}) and often a building with a room number, with a postal code
 * whose first three digits match the area. Datafaker's Japanese addresses mix in English street
 * suffixes, so the simulator composes its own from this table of real place names.
 */
final class JapaneseAddresses {
    /** A city or ward, its prefecture, the first three digits of its postal codes and some districts. */
    record Area(String prefecture, String city, String postal3, List<String> districts) {
    }

    /** A Japanese address: postal code and the address line. */
    record Address(String postalCode, String line) {
    }

    static final List<Area> AREAS = List.of(
            new Area("東京都", "新宿区", "160", List.of("西新宿", "高田馬場", "大久保")),
            new Area("東京都", "渋谷区", "150", List.of("神宮前", "恵比寿", "代々木")),
            new Area("東京都", "世田谷区", "154", List.of("三軒茶屋", "太子堂", "経堂")),
            new Area("東京都", "港区", "105", List.of("芝浦", "六本木", "白金")),
            new Area("東京都", "品川区", "141", List.of("大崎", "五反田", "東品川")),
            new Area("東京都", "杉並区", "166", List.of("高円寺南", "阿佐谷北", "荻窪")),
            new Area("東京都", "練馬区", "176", List.of("練馬", "豊玉北", "石神井町")),
            new Area("東京都", "江東区", "135", List.of("豊洲", "木場", "亀戸")),
            new Area("神奈川県", "横浜市中区", "231", List.of("山下町", "元町", "本町")),
            new Area("神奈川県", "横浜市港北区", "222", List.of("新横浜", "日吉", "大倉山")),
            new Area("神奈川県", "川崎市中原区", "211", List.of("小杉町", "新丸子町", "木月")),
            new Area("神奈川県", "藤沢市", "251", List.of("鵠沼海岸", "辻堂", "藤沢")),
            new Area("大阪府", "大阪市北区", "530", List.of("梅田", "天神橋", "中之島")),
            new Area("大阪府", "大阪市中央区", "541", List.of("本町", "難波", "心斎橋筋")),
            new Area("大阪府", "豊中市", "560", List.of("新千里東町", "曽根東町", "服部元町")),
            new Area("愛知県", "名古屋市中区", "460", List.of("栄", "錦", "大須")),
            new Area("愛知県", "名古屋市千種区", "464", List.of("今池", "覚王山通", "星が丘元町")),
            new Area("北海道", "札幌市中央区", "060", List.of("北一条西", "南三条西", "大通西")),
            new Area("福岡県", "福岡市博多区", "812", List.of("博多駅前", "中洲", "祇園町")),
            new Area("福岡県", "福岡市中央区", "810", List.of("天神", "大名", "薬院")),
            new Area("京都府", "京都市左京区", "606", List.of("北白川", "下鴨", "岡崎")),
            new Area("京都府", "京都市中京区", "604", List.of("烏丸通", "河原町", "西ノ京")),
            new Area("兵庫県", "神戸市中央区", "650", List.of("三宮町", "元町通", "北野町")),
            new Area("埼玉県", "さいたま市浦和区", "330", List.of("高砂", "常盤", "岸町")),
            new Area("千葉県", "船橋市", "273", List.of("本町", "湊町", "前原西")),
            new Area("宮城県", "仙台市青葉区", "980", List.of("一番町", "国分町", "中央")),
            new Area("広島県", "広島市中区", "730", List.of("紙屋町", "八丁堀", "大手町")),
            new Area("沖縄県", "那覇市", "900", List.of("久茂地", "牧志", "泉崎")));

    private static final List<String> BUILDING_KIND = List.of(
            "メゾン", "コーポ", "パークハイツ", "グランドメゾン", "ハイツ", "レジデンス", "シティタワー", "ライオンズマンション");
    private static final List<String> BUILDING_NAME = List.of(
            "桜", "青葉", "緑ヶ丘", "若葉", "富士見", "南", "中央", "ひまわり", "光", "けやき");

    private JapaneseAddresses() {
    }

    static Address pick(RandomGenerator random) {
        Area area = AREAS.get(random.nextInt(AREAS.size()));
        String district = area.districts().get(random.nextInt(area.districts().size()));
        int chome = 1 + random.nextInt(6);
        int banchi = 1 + random.nextInt(30);
        int go = 1 + random.nextInt(20);
        // both ways of writing the block numbers are common on forms
        String block = random.nextInt(3) == 0 ? chome + "丁目" + banchi + "-" + go : chome + "-" + banchi + "-" + go;
        StringBuilder line = new StringBuilder(area.prefecture()).append(area.city()).append(district).append(block);
        if (random.nextInt(5) < 2) {
            line.append(' ').append(building(random));
        }
        String postalCode = area.postal3() + "-" + String.format("%04d", random.nextInt(10_000));
        return new Address(postalCode, line.toString());
    }

    /**
     * An address as long as real ones get: a tower with a long name, wing and floor written out.
     * About 60 to 90 characters, several times the usual length.
     */
    static Address pickVeryLong(RandomGenerator random) {
        Address base = pick(random);
        String tower = BUILDING_NAME.get(random.nextInt(BUILDING_NAME.size()));
        String line = base.line().replaceAll(" .*$", "")
                + " グランドパレス" + tower + "ガーデンタワーレジデンス・ザ・ファースト 第二期 イーストウイング "
                + (10 + random.nextInt(40)) + "階 " + (1 + random.nextInt(20)) + "号室（管理人室経由・宅配ボックス希望）";
        return new Address(base.postalCode(), line);
    }

    private static String building(RandomGenerator random) {
        String name = BUILDING_KIND.get(random.nextInt(BUILDING_KIND.size()))
                + BUILDING_NAME.get(random.nextInt(BUILDING_NAME.size()));
        int room = (1 + random.nextInt(15)) * 100 + 1 + random.nextInt(10);
        return random.nextBoolean() ? name + " " + room + "号室" : name + " " + room;
    }
}

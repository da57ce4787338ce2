package io.prod2test.examples.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Common Japanese family and given names with their katakana readings and romanisation. Datafaker's
 * Japanese names have no readings, and a Japanese sign-up form asks for the reading (フリガナ), so
 * the simulator ships its own table; the romanisation builds plausible e-mail addresses.
 */
final class JapaneseNames {
    /** A name in kanji (or kana), its katakana reading and its Hepburn romanisation. */
    record Name(String kanji, String kana, String romaji) {
    }

    /** Family names, roughly the most common ones in Japan. */
    static final List<Name> FAMILY = List.of(
            new Name("佐藤", "サトウ", "sato"), new Name("鈴木", "スズキ", "suzuki"),
            new Name("高橋", "タカハシ", "takahashi"), new Name("田中", "タナカ", "tanaka"),
            new Name("伊藤", "イトウ", "ito"), new Name("渡辺", "ワタナベ", "watanabe"),
            new Name("山本", "ヤマモト", "yamamoto"), new Name("中村", "ナカムラ", "nakamura"),
            new Name("小林", "コバヤシ", "kobayashi"), new Name("加藤", "カトウ", "kato"),
            new Name("吉田", "ヨシダ", "yoshida"), new Name("山田", "ヤマダ", "yamada"),
            new Name("佐々木", "ササキ", "sasaki"), new Name("山口", "ヤマグチ", "yamaguchi"),
            new Name("松本", "マツモト", "matsumoto"), new Name("井上", "イノウエ", "inoue"),
            new Name("木村", "キムラ", "kimura"), new Name("林", "ハヤシ", "hayashi"),
            new Name("斎藤", "サイトウ", "saito"), new Name("清水", "シミズ", "shimizu"),
            new Name("山崎", "ヤマザキ", "yamazaki"), new Name("森", "モリ", "mori"),
            new Name("池田", "イケダ", "ikeda"), new Name("橋本", "ハシモト", "hashimoto"),
            new Name("阿部", "アベ", "abe"), new Name("石川", "イシカワ", "ishikawa"),
            new Name("山下", "ヤマシタ", "yamashita"), new Name("中島", "ナカジマ", "nakajima"),
            new Name("石井", "イシイ", "ishii"), new Name("小川", "オガワ", "ogawa"),
            new Name("前田", "マエダ", "maeda"), new Name("岡田", "オカダ", "okada"),
            new Name("長谷川", "ハセガワ", "hasegawa"), new Name("藤田", "フジタ", "fujita"),
            new Name("後藤", "ゴトウ", "goto"), new Name("近藤", "コンドウ", "kondo"),
            new Name("村上", "ムラカミ", "murakami"), new Name("遠藤", "エンドウ", "endo"),
            new Name("青木", "アオキ", "aoki"), new Name("坂本", "サカモト", "sakamoto"));

    /** Given names, men's and women's, of several generations. */
    static final List<Name> GIVEN = List.of(
            new Name("翔太", "ショウタ", "shota"), new Name("蓮", "レン", "ren"),
            new Name("大翔", "ヒロト", "hiroto"), new Name("悠真", "ユウマ", "yuma"),
            new Name("陽翔", "ハルト", "haruto"), new Name("健太", "ケンタ", "kenta"),
            new Name("拓也", "タクヤ", "takuya"), new Name("大輔", "ダイスケ", "daisuke"),
            new Name("直樹", "ナオキ", "naoki"), new Name("誠", "マコト", "makoto"),
            new Name("浩", "ヒロシ", "hiroshi"), new Name("隆", "タカシ", "takashi"),
            new Name("一郎", "イチロウ", "ichiro"), new Name("和也", "カズヤ", "kazuya"),
            new Name("亮", "リョウ", "ryo"), new Name("陽菜", "ヒナ", "hina"),
            new Name("結衣", "ユイ", "yui"), new Name("さくら", "サクラ", "sakura"),
            new Name("美咲", "ミサキ", "misaki"), new Name("葵", "アオイ", "aoi"),
            new Name("花子", "ハナコ", "hanako"), new Name("恵子", "ケイコ", "keiko"),
            new Name("裕子", "ユウコ", "yuko"), new Name("真由美", "マユミ", "mayumi"),
            new Name("愛", "アイ", "ai"), new Name("彩", "アヤ", "aya"),
            new Name("麻衣", "マイ", "mai"), new Name("明美", "アケミ", "akemi"),
            new Name("由美子", "ユミコ", "yumiko"), new Name("奈々", "ナナ", "nana"),
            new Name("千尋", "チヒロ", "chihiro"), new Name("美穂", "ミホ", "miho"));

    /**
     * Family names written with variant or rare characters, as people really register them: 髙 and
     * 﨑 are variants outside the common set, 𠮷 lies outside the Basic Multilingual Plane (a
     * surrogate pair in UTF-16, four bytes in UTF-8).
     */
    static final List<Name> RARE_FAMILY = List.of(
            new Name("髙橋", "タカハシ", "takahashi"), new Name("𠮷田", "ヨシダ", "yoshida"),
            new Name("山﨑", "ヤマザキ", "yamazaki"), new Name("渡邉", "ワタナベ", "watanabe"),
            new Name("齋藤", "サイトウ", "saito"), new Name("濵田", "ハマダ", "hamada"));

    private JapaneseNames() {
    }

    static Name pick(List<Name> names, RandomGenerator random) {
        return names.get(random.nextInt(names.size()));
    }
}

package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, which have no shape of their own: found by the field they sit in, and in free text
 * by the evidence around them.
 *
 * <p><b>By field name</b>, the whole value: {@code name}, {@code fullName}, {@code first_name},
 * {@code lastName}, {@code givenName}, {@code familyName}, {@code surname}, {@code middleName},
 * {@code holderName}, {@code cardholder}, {@code accountHolder}, {@code customerName},
 * {@code recipientName}, {@code displayName}, {@code kana}, {@code nameKana}, {@code furigana},
 * {@code 氏名}, {@code 名前}, {@code お名前}, {@code 姓}, {@code 名}, {@code フリガナ}, {@code カナ},
 * {@code 名義} … and names ending so ({@code billingFirstName}, {@code lastNameKana}); also as a
 * {@code name=…}/{@code 氏名：…} pair in a text, where an honorific after the name ({@code 様},
 * {@code さん}, {@code 殿}) is left out of the span.
 *
 * <p>Not names of people: {@code productName}, {@code fileName}, {@code hostName}, {@code userName}
 * — a login handle ({@code taro_1987}) is an identifier, not a name, and a name surrogate would
 * break the handle's own format; a policy can still mask it as an identifier. A bare {@code name}
 * is a person's unless its parent in the path is something else ({@code $.items[0].name},
 * {@code $.product.name}, the column {@code products.name}) or the value has digits
 * ({@code 煎茶 100g}); inside a text a bare {@code name=} must also read like a name
 * (capitalised words or Japanese script, at most five words).
 *
 * <p><b>In free text</b>, where a name has no field around it, three shapes with evidence of their
 * own. A kanji name with the space people put between family and given name, followed by an
 * honorific or a copula ({@code 佐藤 美咲です}, {@code 山田 太郎様}) — Japanese prose has no other
 * spaces. Capitalised words after an introduction ({@code this is Emily Garcia},
 * {@code Dear Ms. Brown}). And a katakana reading of exactly two words separated by a space
 * ({@code サトウ タロウ}), each two to seven letters without the marks of loanwords (the long vowel
 * {@code ー}, small {@code ァィゥェォ}, {@code ヴ}) and not a common katakana noun
 * ({@code ポイント}, {@code ギフト} …): {@code ノイズキャンセリング ヘッドホン} and
 * {@code マグ カップ}-like product text stays as it is, as do three-word runs.
 */
public final class PersonNameDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "person-name";

    private static final Set<String> FIELDS = Set.of(
            "name", "fullname", "firstname", "lastname", "givenname", "familyname", "surname", "middlename",
            "holdername", "cardholder", "cardholdername", "accountholder", "accountholdername", "accountname",
            "kana", "namekana", "kananame", "furigana", "firstnamekana", "lastnamekana", "fullnamekana",
            "seikana", "meikana", "sei", "mei", "customername", "contactname", "recipientname", "billingname",
            "shippingname", "membername", "personname", "displayname", "nameoncard", "guestname", "passengername",
            "氏名", "名前", "お名前", "姓", "名", "氏", "姓名", "フリガナ", "ふりがな", "カナ", "氏名カナ", "セイ", "メイ",
            "名義", "名義人", "カード名義", "口座名義", "宛名", "受取人", "契約者名", "担当者名");
    private static final String[] SUFFIXES = {
            "firstname", "lastname", "fullname", "givenname", "familyname", "middlename", "surname", "holdername",
            "cardholder", "customername", "contactname", "recipientname", "kana", "furigana", "氏名", "名前",
            "フリガナ", "ふりがな", "カナ", "名義", "名義人", "宛名"};
    /** Parents whose {@code name} is not a person's. */
    static final Set<String> NOT_PERSONS = Set.of(
            "item", "items", "lineitem", "lineitems", "product", "products", "sku", "skus", "catalog", "catalogue",
            "category", "categories", "file", "files", "attachment", "attachments", "plan", "plans", "service", "services",
            "app", "apps", "application", "applications", "company", "companies", "organization", "organizations",
            "organisation", "org", "orgs", "store", "stores", "shop", "shops", "merchant", "merchants", "brand", "brands",
            "tag", "tags", "label", "labels", "event", "events", "device", "devices", "bucket", "buckets", "repo", "repos",
            "repository", "project", "projects", "team", "teams", "channel", "channels", "role", "roles", "permission",
            "permissions", "feature", "features", "metric", "metrics", "queue", "queues", "topic", "topics", "city",
            "country", "countries", "prefecture", "region", "regions", "bank", "branch", "currency", "currencies",
            "course", "courses", "variant", "variants", "option", "options", "attribute", "attributes", "field", "fields",
            "column", "columns", "table", "tables", "schema", "database", "index", "cluster", "node", "nodes", "pod",
            "container", "image", "images", "job", "jobs", "task", "tasks", "step", "steps", "stage", "environment",
            "env", "header", "headers", "cookie", "cookies", "param", "params", "parameter", "parameters", "operation",
            "span", "spans", "resource", "resources", "host", "endpoint", "route", "routes", "font", "theme", "locale",
            "language", "module", "modules", "package", "packages", "dependency", "dependencies", "test", "tests",
            "scenario", "scenarios", "fault", "faults", "switch", "switches", "giftcard", "coupon", "coupons", "campaign");
    private static final Set<String> HONORIFICS = Set.of("様", "さま", "さん", "殿", "くん", "ちゃん", "氏", "御中");
    /** Katakana nouns that fit the shape of a reading but are everyday words of shops and apps. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "ポイント", "セット", "サイズ", "タイプ", "ギフト", "ログイン", "キャンセル", "ショップ", "マグ", "カップ", "タオル",
            "ソックス", "キット", "ホテル", "チケット", "サイト", "アプリ", "データ", "システム", "サービス", "プラン", "ネット",
            "テスト", "デモ", "サンプル", "ユーザ", "アカウント", "ボタン", "リンク", "ショッピング", "オンライン", "カート",
            "レジ", "ポスト", "ボックス", "フォーム", "センター", "サポート", "トップ", "ニュース", "イベント", "セール",
            "ブランド", "モデル", "バッグ", "シャツ", "パンツ", "ペン", "ケース", "カバー", "ラッピング", "マスク", "ドット",
            "デイパック", "ヘッドホン", "マグカップ", "フィルム", "ライト", "スマホ", "タブレット", "パソコン", "カメラ",
            "ポケット", "ノズル", "ハンド", "タイム", "セキュリティ", "エラー", "コード", "メッセージ", "クリック",
            "ダウンロード", "アップロード", "インストール", "ファイル", "フォルダ", "コピー", "ペースト", "リセット",
            "ロック", "アクセス", "ブラウザ", "ネットワーク", "サインイン", "サインアップ", "ストア", "パック", "ミニ",
            "プロ", "マックス", "プラス", "ホワイト", "ブラック", "レッド", "ブルー", "グリーン", "ピンク", "ゴールド",
            "シルバー", "ナチュラル", "オーガニック", "スタンダード", "プレミアム", "ベーシック", "クラシック", "スリム",
            "ワイド", "ロング", "ショート", "コットン", "ウール", "リネン", "シルク", "レザー", "ステンレス", "アルミ",
            "チタン", "ガラス", "プラスチック", "ゴム", "テープ", "シール", "カレンダー", "ハンカチ", "エコ", "バス",
            "タクシー", "ホーム", "オフィス", "ルーム", "キッチン", "トイレ", "ベッド", "ソファ", "テーブル", "チェア",
            "デスク", "ランプ", "ミラー", "ボトル", "グラス", "プレート", "ボウル", "ナイフ", "フォーク", "スプーン",
            "カトラリー", "ポット", "ケトル", "フライパン", "トースター", "ミキサー", "コーヒー", "ティー", "ジュース",
            "ワイン", "ビール", "チーズ", "パン", "ケーキ", "クッキー", "チョコ", "キャンディ", "アイス", "スープ",
            "サラダ", "ピザ", "パスタ", "カレー", "ラーメン", "ソース", "オイル", "スパイス", "ハーブ", "フルーツ");

    /**
     * Prose has no spaces in Japanese, names have one between family (1–3 kanji) and given name
     * (1–3 kanji or 2–4 hiragana); with an honorific or a copula right after, that is a name.
     */
    private static final Pattern KANJI_NAME = Pattern.compile(
            "[\\p{IsHan}々]{1,3} (?:[\\p{IsHan}々]{1,3}|\\p{IsHiragana}{2,4})"
                    + "(?= ?(?:様|さま|さん|くん|ちゃん|殿|です|でした|と申します|と言います|と申す))");
    private static final Pattern LATIN_NAME = Pattern.compile(
            "(?<![A-Za-z])(?:(?:[Tt]his is|I am|I'm|[Mm]y name is|[Dd]ear) +"
                    + "(?<full>\\p{Lu}[\\p{Ll}'\\-]+(?: \\p{Lu}[\\p{Ll}'\\-]+){1,2})"
                    + "|(?:Mr|Mrs|Ms|Miss|Dr)\\.? +(?<titled>\\p{Lu}[\\p{Ll}'\\-]+(?: \\p{Lu}[\\p{Ll}'\\-]+){0,2}))"
                    + "(?![\\p{L}])");
    private static final String[] INTRODUCTIONS = {
            "this is ", "This is ", "I am ", "I'm ", "name is ", "Dear ", "dear ", "Mr", "Mrs", "Ms", "Miss ", "Dr"};

    /** Capitalised words after "Dear" or "this is" that are not names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "Customer", "Customers", "Support", "Team", "Sir", "Madam", "All", "Valued", "Service", "Services", "Shop",
            "Store", "Card", "Visa", "Mastercard", "The", "Our", "Your", "This", "Member", "Members", "User", "Users",
            "Friend", "Friends", "Colleague", "Colleagues", "Hiring", "Manager", "Administrator", "Admin");

    /** Lower-case words of Latin names: de, van, bin … */
    private static final Set<String> PARTICLES = Set.of(
            "de", "del", "la", "le", "los", "las", "y", "van", "von", "der", "den", "da", "di", "du", "dos", "bin", "binti", "al", "ibn");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public PersonNameDetector() {
        super(NAME, Set.of(PiiKind.PERSON_NAME));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.hasField() || scan.hasNonAscii() || scan.contains(':') || scan.contains('=')
                || (scan.text.length() >= 8 && scan.contains(' '));
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (scan.field(FieldTraits.PERSON_NAME)) {
            boolean bare = scan.field(FieldTraits.BARE_NAME);
            if (bare && scan.parentNamesAThing()) {
                return;
            }
            int start = scan.valueStart();
            int end = withoutHonorific(text, start, scan.valueEnd());
            if (plausible(text, start, end, bare, false)) {
                hits.add(start, end, PiiKind.PERSON_NAME);
            }
            return;
        }
        for (KeyValues.Pair pair : scan.pairs()) {
            if (isPersonName(pair.key())) {
                int start = pair.valueStart();
                int end = withoutHonorific(text, start, pair.valueEnd());
                if (plausible(text, start, end, pair.key().equals("name"), true)) {
                    hits.add(start, end, PiiKind.PERSON_NAME);
                }
            }
        }
        boolean introduced = text.length() >= 8 && hasIntroduction(text);
        if (!scan.hasNonAscii() && !introduced || isThingField(scan)) {
            return;
        }
        if (scan.hasNonAscii()) {
            katakanaNames(text, hits);
            kanjiNames(text, hits);
        }
        if (introduced) {
            latinNames(text, hits);
        }
    }

    /** {@code 佐藤 美咲です}, {@code 山田 太郎様}: family name, a space, given name, then an honorific or a copula. */
    private static void kanjiNames(String text, Hits hits) {
        if (text.indexOf(' ') < 0) {
            return;
        }
        Matcher m = KANJI_NAME.matcher(text);
        while (m.find()) {
            char before = Chars.at(text, m.start() - 1);
            if (!Chars.isKanji(before) && !Chars.isKatakana(before)) {
                hits.add(m.start(), m.end(), PiiKind.PERSON_NAME);
            }
        }
    }

    /** {@code Hi, this is Emily Garcia}, {@code Dear Mr. Smith}: capitalised words after an introduction. */
    private static void latinNames(String text, Hits hits) {
        Matcher m = LATIN_NAME.matcher(text);
        while (m.find()) {
            String group = m.start("full") >= 0 ? "full" : "titled";
            boolean common = false;
            for (String word : m.group(group).split(" ")) {
                common |= NOT_NAMES.contains(word);
            }
            if (!common) {
                hits.add(m.start(group), m.end(group), PiiKind.PERSON_NAME);
            }
        }
    }

    /**
     * Whether an introduction could be in the text, as a word of its own followed by a capital
     * ({@code 12ms traceId} has none): the cheap test before the pattern runs.
     */
    private static boolean hasIntroduction(String text) {
        for (String introduction : INTRODUCTIONS) {
            for (int at = text.indexOf(introduction); at >= 0; at = text.indexOf(introduction, at + 1)) {
                int next = at + introduction.length();
                while (next < text.length() && (text.charAt(next) == '.' || text.charAt(next) == ' ')) {
                    next++;
                }
                boolean separated = introduction.endsWith(" ") || next > at + introduction.length();
                if (separated && !Chars.isAsciiLetter(Chars.at(text, at - 1)) && Character.isUpperCase(Chars.at(text, next))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a folded field or key name names a person's name. */
    static boolean isPersonName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (FIELDS.contains(name)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field holding the name of a thing ({@code productName}, {@code nameEn}, {@code userName},
     * {@code $.items[0].name}): no readings are looked for in it.
     */
    private static boolean isThingField(Scan scan) {
        return (scan.field(FieldTraits.HAS_NAME_WORD) && !scan.field(FieldTraits.PERSON_NAME)) || scan.parentNamesAThing();
    }

    /**
     * Whether {@code text[start, end)} can be a name: it has a letter; a bare {@code name} has no
     * digits or markup; inside a text ({@code inText}) a bare {@code name} must read like one.
     */
    private static boolean plausible(String text, int start, int end, boolean bare, boolean inText) {
        if (end <= start || end - start > 400) {
            return false;
        }
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            letter |= Character.isLetter(c);
            if (bare && (Chars.isDigit(c) || c == '@' || c == '/' || c == '_' || c == '=' || c == '{' || c == '<' || c == ':')) {
                return false;
            }
        }
        if (!letter) {
            return false;
        }
        if (bare && isIdentifier(text, start, end)) {
            return false;
        }
        if (bare && inText) {
            return readsLikeName(text, start, end);
        }
        return !bare || !titleThenLower(text, start, end);
    }

    /**
     * {@code customerId}, {@code scenario-results}: one token that starts in lower case and has a
     * capital or a hyphen inside is how programs name things, not how people write names (which
     * start with a capital when they have one inside: {@code McDonald}, {@code Jean-Luc}).
     */
    private static boolean isIdentifier(String text, int start, int end) {
        if (!(text.charAt(start) >= 'a' && text.charAt(start) <= 'z')) {
            return false;
        }
        boolean joined = false;
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c > 0x7f) {
                return false;
            }
            joined |= (c >= 'A' && c <= 'Z') || c == '-';
        }
        return joined;
    }

    /**
     * {@code Folding umbrella}: a capital, then a lower-case word that is no particle — how things
     * are named; people's names are capitalised throughout or typed all in lower case.
     */
    private static boolean titleThenLower(String text, int start, int end) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int i = start;
        while (i < end) {
            while (i < end && text.charAt(i) != ' ') {
                i++;
            }
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            int wordStart = i;
            while (i < end && text.charAt(i) != ' ') {
                i++;
            }
            if (i > wordStart && Character.isLowerCase(text.charAt(wordStart))
                    && !PARTICLES.contains(text.substring(wordStart, i))) {
                return true;
            }
        }
        return false;
    }

    /** Capitalised Latin words (particles such as de, van, y allowed) or Japanese script; one to five words. */
    private static boolean readsLikeName(String text, int start, int end) {
        if (end - start > 80) {
            return false;
        }
        int words = 0;
        int i = start;
        while (i < end) {
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= end) {
                break;
            }
            int wordStart = i;
            while (i < end && text.charAt(i) != ' ') {
                i++;
            }
            words++;
            char first = text.charAt(wordStart);
            if (Chars.isAsciiLetter(first) || (first >= 'À' && first <= 'ɏ')) {
                String word = text.substring(wordStart, i);
                if (!Character.isUpperCase(first) && !PARTICLES.contains(word)) {
                    return false;
                }
                for (int k = wordStart; k < i; k++) {
                    char c = text.charAt(k);
                    if (!(Character.isLetter(c) || c == '-' || c == '\'' || c == '.')) {
                        return false;
                    }
                }
            } else if (!Character.isLetter(first)) {
                return false;
            }
        }
        return words >= 1 && words <= 5;
    }

    /** The end of the name with an honorific after it ({@code 山田 太郎 様}) left out. */
    private static int withoutHonorific(String text, int start, int end) {
        for (String honorific : HONORIFICS) {
            int at = end - honorific.length();
            if (at > start && text.startsWith(honorific, at)) {
                int trimmed = at;
                while (trimmed > start && text.charAt(trimmed - 1) == ' ') {
                    trimmed--;
                }
                // 氏 and 様 are also name characters: only an honorific when another name is before it
                if (trimmed - start >= 2) {
                    return trimmed;
                }
            }
        }
        return end;
    }

    /** Two katakana words separated by one space, each a plausible reading, standing alone. */
    private static void katakanaNames(String text, Hits hits) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isKanaRun(text.charAt(i)) || isKanaRun(Chars.at(text, i - 1)) || Chars.isAsciiAlnum(Chars.at(text, i - 1))
                    || (Chars.at(text, i - 1) == ' ' && isKanaRun(Chars.at(text, i - 2)))) {
                i++;
                continue;
            }
            int firstEnd = runEnd(text, i);
            if (Chars.at(text, firstEnd) != ' ' || !isKanaRun(Chars.at(text, firstEnd + 1))) {
                i = firstEnd;
                continue;
            }
            int secondStart = firstEnd + 1;
            int secondEnd = runEnd(text, secondStart);
            char after = Chars.at(text, secondEnd);
            boolean alone = !Chars.isAsciiAlnum(after) && !(after == ' ' && isKanaRun(Chars.at(text, secondEnd + 1)));
            if (alone && isReading(text, i, firstEnd) && isReading(text, secondStart, secondEnd)) {
                hits.add(i, secondEnd, PiiKind.PERSON_NAME);
            }
            i = secondEnd;
        }
    }

    private static boolean isKanaRun(char c) {
        return Chars.isKatakana(c) || c == 'ー' || c == '・';
    }

    private static int runEnd(String text, int i) {
        while (i < text.length() && isKanaRun(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A word of a Japanese name's reading: 2 to 7 katakana, no loanword marks, not a common noun. */
    private static boolean isReading(String text, int start, int end) {
        if (end - start < 2 || end - start > 7) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == 'ー' || c == '・' || c == 'ァ' || c == 'ィ' || c == 'ゥ' || c == 'ェ' || c == 'ォ' || c == 'ヮ'
                    || c == 'ヴ' || c == 'ヵ' || c == 'ヶ' || c == 'ヷ' || c == 'ヸ' || c == 'ヹ' || c == 'ヺ') {
                return false;
            }
        }
        return !COMMON_WORDS.contains(text.substring(start, end));
    }
}

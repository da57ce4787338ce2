package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses.
 *
 * <p>By field name, the whole value, in any script: {@code address}, {@code addr}, {@code street},
 * {@code line1}, {@code line2}, {@code city}, {@code 住所} …, names ending so ({@code homeAddress},
 * {@code shipping_address}, {@code addressLine1}) — but not the addresses that are not places:
 * {@code emailAddress}, {@code ipAddress}, {@code remoteAddr}, {@code macAddress}, {@code walletAddress}
 * … Also as a {@code address=…}/{@code 住所：…} pair inside a text. A postal code the value starts
 * with ({@code 〒812-0011 福岡県…}) is left to the postal code detector.
 *
 * <p>In free text, Japanese addresses: one of the 47 prefectures, a municipality (…市, …区, …町,
 * …村, …郡), then the district and block numbers ({@code 2丁目8-1}, {@code 2-8-1}, {@code 3番地の2})
 * (kanji, katakana, or hiragana followed by a number: {@code ひばりが丘2-8-1}) and, after the block
 * number, a building and room ({@code メゾン桜 101号室}). The span stops where
 * the sentence goes on ({@code …2-8-1に住んでいます}: particles are not place names). Latin-script
 * addresses in free text are not looked for: without a field name they are too easily a sentence.
 */
public final class AddressDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "address";

    private static final Set<String> FIELDS = Set.of(
            "address", "addr", "street", "streetaddress", "street1", "street2", "line1", "line2", "line3",
            "addressline", "addressline1", "addressline2", "addressline3", "address1", "address2", "address3",
            "city", "town", "住所", "所在地", "番地", "建物名", "市区町村", "住所1", "住所2", "丁目番地",
            "shipto", "deliverto", "sendto", "billto", "配送先", "お届け先", "届け先", "送付先", "配送先住所", "送り先");
    private static final String[] SUFFIXES = {"address", "addr", "addressline1", "addressline2", "street", "住所"};
    /** What comes before "address" in names of addresses that are not places. */
    private static final Set<String> NOT_PLACES = Set.of(
            "email", "mail", "e", "eメール", "メール", "ip", "ipv4", "ipv6", "mac", "remote", "client", "server", "host",
            "local", "bind", "listen", "wallet", "contract", "web", "url", "peer", "socket", "network", "broadcast",
            "gateway", "memory", "eth", "sender", "from", "to", "cc", "bcc", "replyto", "smtp", "node", "proxy",
            "public", "private", "virtual", "hardware", "bluetooth", "ble", "multicast", "source", "destination",
            "src", "dst", "forwarded", "real", "origin");

    private static final Pattern PREFECTURE = Pattern.compile(
            "(?:北海道|東京都|(?:京都|大阪)府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井"
                    + "|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎"
                    + "|熊本|大分|宮崎|鹿児島|沖縄)県)"
                    // the municipality: a short run of kanji or kana ending in 市 区 町 村 or 郡; no particles
                    // in it, so that 東京都内の区役所 is a sentence, not さいたま市
                    + "[ ]?[[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ヶケ々]&&[^のにはをでへとも]]{1,10}?[市区町村郡]");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public AddressDetector() {
        super(NAME, Set.of(PiiKind.ADDRESS));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.field(FieldTraits.ADDRESS) || scan.contains(':') || scan.contains('=')
                || (scan.hasNonAscii() && (scan.contains('都') || scan.contains('道') || scan.contains('府') || scan.contains('県')));
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (scan.field(FieldTraits.ADDRESS)) {
            int start = afterPostalCode(text, scan.valueStart(), scan.valueEnd());
            if (hasLetter(text, start, scan.valueEnd())) {
                hits.add(start, scan.valueEnd(), PiiKind.ADDRESS);
            }
            return;
        }
        for (KeyValues.Pair pair : scan.pairs()) {
            int start = afterPostalCode(text, pair.valueStart(), pair.valueEnd());
            if (isAddressName(pair.key()) && hasLetter(text, start, pair.valueEnd())) {
                int end = pair.valueEnd();
                if (!pair.quoted()) {
                    // an address is a list of parts: 742 Evergreen Terrace, Denver, CO
                    end = KeyValues.trimEnd(text, start, KeyValues.unquotedEnd(text, pair.valueStart(), true));
                }
                hits.add(start, end, PiiKind.ADDRESS);
            }
        }
        if (!scan.hasNonAscii()) {
            return;
        }
        Matcher m = PREFECTURE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int end = rest(text, m.end());
            hits.add(m.start(), end, PiiKind.ADDRESS);
            from = end;
        }
    }

    /** Where the address whose municipality ends at {@code i} ends: district, block numbers, building, room. */
    private static int rest(String text, int i) {
        int n = text.length();
        int end = i;
        boolean seenNumber = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Chars.isKanji(c) || Chars.isKatakana(c) || c == 'ー' || c == '・' || c == '々') {
                i++;
                end = i;
            } else if (Chars.isDigit(c)) {
                seenNumber = true;
                i++;
                end = i;
            } else if (c == '-' && Chars.isDigit(Chars.at(text, i + 1)) && seenNumber) {
                i++;
            } else if (Chars.isHiragana(c) && !seenNumber && hiraganaDistrictEnd(text, i) > i) {
                i = hiraganaDistrictEnd(text, i); // ひばりが丘2-8-1, ときわ台1丁目
                end = i;
            } else if ((c == 'が' || c == 'の') && !Chars.isHiragana(Chars.at(text, i + 1))
                    && (Chars.isKanji(Chars.at(text, i + 1)) || Chars.isDigit(Chars.at(text, i + 1)))) {
                i++; // 星が丘, 霞が関, 3番地の2
            } else if (c == ' ') {
                int tokenEnd = token(text, i + 1);
                if (tokenEnd < 0 || !(seenNumber ? isBuildingOrRoom(text, i + 1, tokenEnd) : hasDigit(text, i + 1, tokenEnd))) {
                    break;
                }
                // before the block number a space only separates parts of the address (東京都新宿区 西新宿2-8-1)
                seenNumber = true;
                i = tokenEnd;
                end = i;
            } else {
                break;
            }
        }
        return end;
    }

    /** Particle runs that continue a sentence, not a district name, even when a number follows (区には3店舗). */
    private static final Set<String> PARTICLES = Set.of(
            "には", "にも", "では", "でも", "への", "との", "から", "まで", "より", "にて", "など", "にある", "にいる", "です");

    /**
     * Where a district written in hiragana ends, or {@code i} when the run at {@code i} is prose. A
     * district is a run of two to eight hiragana (with が/ヶ inside) that a block number follows, either
     * directly or after a short kanji tail such as 丘, 台 or 丁目; anything else is the sentence going on.
     */
    private static int hiraganaDistrictEnd(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 8 && (Chars.isHiragana(text.charAt(j)) || text.charAt(j) == 'ヶ')) {
            j++;
        }
        if (j - i < 2 || PARTICLES.contains(text.substring(i, Math.min(j, i + 3)))
                || PARTICLES.contains(text.substring(i, Math.min(j, i + 2)))) {
            return i;
        }
        int k = j;
        while (k < text.length() && k - j < 3 && Chars.isKanji(text.charAt(k))) {
            k++;
        }
        return Chars.isDigit(Chars.at(text, k)) ? k : i;
    }

    /** The end of the token starting at {@code i}: up to a space or a character no address has; -1 when empty. */
    private static int token(String text, int i) {
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (Chars.isKanji(c) || Chars.isKatakana(c) || Chars.isAsciiAlnum(c) || c == 'ー' || c == '・' || c == '-'
                    || c == '#' || c == 'ヶ' || c == '々') {
                j++;
            } else {
                break;
            }
        }
        return j > i ? j : -1;
    }

    /**
     * A room ({@code 101}, {@code 1201号室}, {@code B-101}, {@code 3F}, {@code 12階}) or a building
     * name (kanji or katakana in it). A room may run straight into the sentence
     * ({@code 201号室に変更}); a name may not ({@code 2-8-1 大阪にも} is prose).
     */
    private static boolean isBuildingOrRoom(String text, int start, int end) {
        boolean japanese = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            japanese |= Chars.isKanji(c) || Chars.isKatakana(c);
            digit |= Chars.isDigit(c);
        }
        if (digit && (end - start <= 6 || text.startsWith("号室", end - 2) || text.startsWith("階", end - 1))) {
            return true;
        }
        return japanese && !Chars.isHiragana(Chars.at(text, end));
    }

    /**
     * Where the address proper starts in a value that begins with its postal code
     * ({@code 〒812-0011 福岡県…}): after it, so that the code is masked as a postal code and the rest
     * as an address, each by its own surrogate.
     */
    private static int afterPostalCode(String text, int start, int end) {
        int i = start;
        if (Chars.at(text, i) == '〒') {
            i++;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
        }
        int digits = 0;
        int j = i;
        while (j < end && (Chars.isDigit(text.charAt(j)) || (text.charAt(j) == '-' && j == i + 3))) {
            digits += Chars.isDigit(text.charAt(j)) ? 1 : 0;
            j++;
        }
        if (digits != 7 || j >= end || text.charAt(j) != ' ') {
            return start;
        }
        while (j < end && text.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    private static boolean hasDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Chars.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a folded field or key name names a place address. */
    static boolean isAddressName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (FIELDS.contains(name)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return !NOT_PLACES.contains(name.substring(0, name.length() - suffix.length()));
            }
        }
        return name.startsWith("addressline");
    }
}

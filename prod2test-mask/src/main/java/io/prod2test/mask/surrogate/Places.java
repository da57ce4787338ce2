package io.prod2test.mask.surrogate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal codes and addresses. A Japanese postal code keeps its form ({@code 〒}, hyphen, digit
 * width) and gets first digits of a real prefecture block; other postal codes keep their shape.
 * A Japanese address is rebuilt from the V1 area tables — prefecture (when the input had one),
 * city, district, block numbers in the input's notation ({@code 2丁目8-1}, {@code 2-8-1}), a
 * building and room when the input had them; a Latin address is rebuilt segment by segment
 * (number and street keeping the street type, city, labels such as {@code Apt} kept, states and
 * countries kept). Other scripts fall back to {@link Scripts#scramble}.
 *
 * <p>The marks. A Japanese postal code's last two digits are {@code M("postal-code", its first
 * five digits) mod 100}; another postal code carries the {@linkplain Marks#markTail tail mark}
 * {@code "postal-code"}. A Japanese address with block numbers derives them: each number after the
 * first (all of them when there is one) is {@code 1 + M("address-block", city + district + "/" +
 * the numbers before it joined by "-") mod max} (max 30 for banchi and gō, 999 for a lone banchi);
 * one without block numbers is a city and district whose index among all (city, district) pairs of
 * the area table in file order is a multiple of 8. A Latin address with a street segment derives
 * the first number of that segment from the segment's other words ({@code M("address-number",
 * lower-case words joined by " ")}, digit by digit, the first 1–9 when there are several); one
 * without a street segment has a city whose index in the city table is a multiple of 8.
 */
final class Places {
    private static final String DIGIT = "[0-9\uFF10-\uFF19]";
    private static final String DASH = "[-\uFF0D\u2010\u2011\u2012\u2013\u2212\u2015\u30FC]";
    private static final Pattern JP_POSTAL = Pattern.compile("(〒\\s*)?" + DIGIT + "{3}" + DASH + "?" + DIGIT + "{4}");
    private static final Pattern JP_BLOCK = Pattern.compile(DIGIT + "+(?:丁目|" + DASH + ")" + DIGIT + "+(?:(?:番地?|" + DASH + ")" + DIGIT + "+号?)?"
            + "|" + DIGIT + "+番地?(?:" + DIGIT + "+号?)?");
    private static final Pattern DIGIT_RUN = Pattern.compile(DIGIT + "+");
    private static final Pattern ROOM = Pattern.compile("(" + DIGIT + "+)(号室|号|階|F)?[^0-9\uFF10-\uFF19]*$");
    private static final Set<String> LABELS = Set.of("apt", "apartment", "suite", "ste", "unit", "room", "rm", "floor", "fl",
            "building", "bldg", "flat", "po", "box", "#");
    private static final Set<String> COUNTRIES = Set.of("usa", "us", "u.s.a.", "united states", "united states of america",
            "japan", "uk", "united kingdom", "canada", "australia", "germany", "france");
    private static final Set<String> DIRECTIONS = Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west");
    // compiled once: String.matches, split and replaceAll with a pattern compile it on every call
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s.]+");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern STATE_AND_ZIP = Pattern.compile("[A-Z]{2}\\s+[0-9\\-]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,]$");

    private Places() {
    }

    static String postalCode(KeyedHash hash, String core) {
        String normalised = alnumUpper(Chars.nfkc(core));
        KeyedStream stream = hash.stream("postal-code", normalised);
        if (JP_POSTAL.matcher(core).matches()) {
            String digits = Chars.digitsOf(core);
            int count = Tables.jpPostalPrefixCount();
            while (true) {
                int first3 = Tables.jpPostalPrefixAt(stream.nextInt(count));
                String first5 = (first3 < 10 ? "00" : first3 < 100 ? "0" : "") + first3 + stream.digits(2); // %03d of 1–999
                String candidate = first5 + Marks.digits("postal-code", first5, 2);
                if (!candidate.equals(digits)) {
                    return Chars.fillDigits(core, candidate);
                }
            }
        }
        while (true) {
            String shaped = sameShape(core, stream);
            String marked = Marks.markTail("postal-code", shaped, false);
            if (!marked.equals(core) || shaped.equals(core)) {
                return marked;
            }
        }
    }

    /** Whether a postal code carries its mark (Japanese: a prefecture block too). */
    static boolean isPostalCodeSurrogate(String text) {
        if (isJapanesePostalCode(text)) {
            String digits = Chars.digitsOf(text);
            return Tables.jpPostalPrefix(Integer.parseInt(digits.substring(0, 3)))
                    && digits.endsWith(Marks.digits("postal-code", digits.substring(0, 5), 2));
        }
        return Marks.hasTailMark("postal-code", text, false);
    }

    /** Digits to digits, ASCII letters to letters of the same case, the rest kept; never the input. */
    static String sameShape(String core, KeyedStream stream) {
        boolean any = false;
        for (int i = 0; i < core.length() && !any; i++) {
            char c = core.charAt(i);
            any = Chars.isDigit(c) || Chars.isAsciiLetter(c);
        }
        if (!any) {
            return Scripts.scramble(core, stream);
        }
        while (true) {
            StringBuilder out = new StringBuilder(core.length());
            for (int i = 0; i < core.length(); i++) {
                char c = core.charAt(i);
                if (Chars.isDigit(c)) {
                    int d = stream.nextInt(10);
                    out.append(Chars.isFullWidthDigit(c) ? (char) ('\uFF10' + d) : (char) ('0' + d));
                } else if (Chars.isAsciiUpper(c)) {
                    out.append(stream.pick(Chars.UPPER));
                } else if (Chars.isAsciiLower(c)) {
                    out.append(stream.pick(Chars.LOWER));
                } else {
                    out.append(c);
                }
            }
            if (!out.toString().equals(core)) {
                return out.toString();
            }
        }
    }

    static String address(KeyedHash hash, String core) {
        KeyedStream stream = hash.stream("address", Chars.foldText(core));
        String out = core;
        // redrawn while equal to the input; bounded for text in a script that scramble keeps as it is
        for (int attempt = 0; attempt < 64; attempt++) {
            if (Scripts.hasJapanese(core)) {
                out = japanese(core, stream);
            } else if (Scripts.hasLatinLetter(core)) {
                out = latin(core, stream);
            } else {
                out = Scripts.scramble(core, stream);
            }
            // an address without letters or digits names no place: it may come back unchanged
            if (!out.equals(core) || Chars.countDigits(core) == 0 && core.codePoints().noneMatch(Character::isLetter)) {
                return out;
            }
        }
        return out;
    }

    private static String japanese(String core, KeyedStream stream) {
        boolean prefecture = Tables.JA_PREFECTURES.stream().anyMatch(core::startsWith);
        Matcher block = JP_BLOCK.matcher(core);
        boolean hasBlock = block.find();
        if (!hasBlock) {
            Place place = stream.pick(MARKED_PLACES);
            return (prefecture ? place.area().prefecture() : "") + place.area().city() + place.district();
        }
        Tables.JaArea area = stream.pick(Tables.JA_AREAS);
        String district = stream.pick(area.districts());
        StringBuilder out = new StringBuilder(core.length() + 8);
        if (prefecture) {
            out.append(area.prefecture());
        }
        out.append(area.city()).append(district);
        out.append(blockNumbers(block.group(), stream, area.city() + district));
        String tail = core.substring(block.end());
        if (tail.isBlank()) {
            return out.toString();
        }
        int lead = 0;
        while (lead < tail.length() && Chars.isSpace(tail.charAt(lead))) {
            lead++;
        }
        String separator = tail.substring(0, lead);
        String rest = tail.substring(lead);
        out.append(separator).append(stream.pick(Tables.JA_BUILDING_KINDS)).append(stream.pick(Tables.JA_BUILDING_NAMES));
        Matcher room = ROOM.matcher(rest);
        if (room.find()) {
            String digits = room.group(1);
            String suffix = room.group(2) == null ? "" : room.group(2);
            out.append(separator.isEmpty() ? "" : separator.substring(0, 1)).append(sameWidth(digits, keyedNumber(digits.length(), stream))).append(suffix);
        }
        return out.toString();
    }

    /**
     * The block's numbers replaced, connectors kept: the first number is a keyed chōme of 1–9 when
     * more follow (a lone one is a rural banchi of 1–999, derived), the others banchi and gō of
     * 1–30 derived from {@code place} (city and district) and the numbers before them: the mark.
     */
    private static String blockNumbers(String block, KeyedStream stream, String place) {
        int runs = countRuns(block);
        Matcher run = DIGIT_RUN.matcher(block);
        StringBuilder out = new StringBuilder(block.length());
        StringBuilder previous = new StringBuilder();
        int last = 0;
        int index = 0;
        while (run.find()) {
            out.append(block, last, run.start());
            int value = index == 0 && runs > 1 ? stream.between(1, 9) : derivedBlockNumber(place, previous, index == 0 ? 999 : 30);
            out.append(sameWidth(run.group(), Integer.toString(value)));
            previous.append(index == 0 ? "" : "-").append(value);
            last = run.end();
            index++;
        }
        return out.append(block, last, block.length()).toString();
    }

    private static int derivedBlockNumber(String place, CharSequence previous, int max) {
        return 1 + Marks.below("address-block", place + "/" + previous, max);
    }

    /** Whether the numbers of a block written right after {@code place} carry the mark. */
    private static boolean blockMarked(String block, String place) {
        int runs = countRuns(block);
        Matcher run = DIGIT_RUN.matcher(block);
        StringBuilder previous = new StringBuilder();
        int index = 0;
        while (run.find()) {
            String digits = Chars.digitsOf(run.group());
            if (digits.length() > 4) {
                return false;
            }
            int value = Integer.parseInt(digits);
            if (!(index == 0 && runs > 1) && value != derivedBlockNumber(place, previous, index == 0 ? 999 : 30)) {
                return false;
            }
            previous.append(index == 0 ? "" : "-").append(value);
            index++;
        }
        return index > 0;
    }

    /** A city or ward and one of its districts. */
    private record Place(Tables.JaArea area, String district) {
    }

    /** Every (city, district) pair of the area table, in file order. */
    private static final java.util.List<Place> PLACES = Tables.JA_AREAS.stream()
            .flatMap(area -> area.districts().stream().map(district -> new Place(area, district))).toList();
    /** The pairs an address without block numbers is drawn from: every 8th, the mark. */
    private static final java.util.List<Place> MARKED_PLACES = java.util.stream.IntStream.range(0, PLACES.size())
            .filter(i -> i % 8 == 0).mapToObj(PLACES::get).toList();
    /** The cities a Latin address without a street segment is drawn from: every 8th, the mark. */
    private static final java.util.List<String> MARKED_CITIES = java.util.stream.IntStream.range(0, Tables.LATIN_CITIES.size())
            .filter(i -> i % 8 == 0).mapToObj(Tables.LATIN_CITIES::get).toList();

    /** Whether an address carries its mark; see the class comment. */
    static boolean isAddressSurrogate(String text) {
        if (Scripts.hasJapanese(text)) {
            return isJapaneseAddressSurrogate(text);
        }
        return Scripts.hasLatinLetter(text) && isLatinAddressSurrogate(text);
    }

    private static boolean isJapaneseAddressSurrogate(String text) {
        String rest = text;
        for (String prefecture : Tables.JA_PREFECTURES) {
            if (rest.startsWith(prefecture)) {
                rest = rest.substring(prefecture.length());
                break;
            }
        }
        for (int i = 0; i < PLACES.size(); i++) {
            Place place = PLACES.get(i);
            String head = place.area().city() + place.district();
            if (!rest.startsWith(head)) {
                continue;
            }
            String tail = rest.substring(head.length());
            if (tail.isBlank()) {
                if (i % 8 == 0) {
                    return true;
                }
                continue;
            }
            Matcher block = JP_BLOCK.matcher(tail);
            if (block.lookingAt() && blockMarked(block.group(), head)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinAddressSurrogate(String text) {
        boolean cityDone = false;
        String city = null;
        for (String segment : text.split(",", -1)) {
            String part = Chars.splitSpace(segment)[1];
            Segment kind = Segment.of(part, false, cityDone);
            if (kind == Segment.STREET) {
                return streetMarked(part);
            }
            if (kind == Segment.CITY) {
                city = part;
                cityDone = true;
            }
        }
        if (city == null) {
            return false;
        }
        for (String marked : MARKED_CITIES) {
            if (marked.equalsIgnoreCase(city)) {
                return true;
            }
        }
        return false;
    }

    /** What a comma-separated part of a Latin address is, given what came before it. */
    private enum Segment {
        EMPTY, KEPT, STATE_ZIP, LABELLED, STREET, DIGITS, CITY, WORDS;

        static Segment of(String text, boolean streetDone, boolean cityDone) {
            if (text.isEmpty()) {
                return EMPTY;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            String firstWord = WORD_BREAK.split(lower, 2)[0];
            boolean hasDigit = Chars.countDigits(text) > 0;
            if (COUNTRIES.contains(lower) || STATE.matcher(text).matches()) {
                return KEPT; // a state or a country: too coarse to point at anybody
            }
            if (STATE_AND_ZIP.matcher(text).matches()) {
                return STATE_ZIP;
            }
            if (LABELS.contains(firstWord) || text.startsWith("#")) {
                return LABELLED;
            }
            if (hasDigit && !streetDone && text.codePoints().anyMatch(Character::isLetter)) {
                return STREET;
            }
            if (hasDigit) {
                return DIGITS;
            }
            return cityDone ? WORDS : CITY;
        }
    }

    private static int countRuns(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        int n = 0;
        while (run.find()) {
            n++;
        }
        return n;
    }

    /** A number of {@code length} digits without a leading zero. */
    private static String keyedNumber(int length, KeyedStream stream) {
        StringBuilder out = new StringBuilder(length);
        out.append((char) ('1' + stream.nextInt(9)));
        for (int i = 1; i < length; i++) {
            out.append(stream.digit());
        }
        return out.toString();
    }

    /** ASCII digits written in the width of {@code like} (full-width when it starts with one). */
    private static String sameWidth(String like, String asciiDigits) {
        if (like.isEmpty() || !Chars.isFullWidthDigit(like.charAt(0))) {
            return asciiDigits;
        }
        StringBuilder out = new StringBuilder(asciiDigits.length());
        for (int i = 0; i < asciiDigits.length(); i++) {
            out.append((char) ('\uFF10' + asciiDigits.charAt(i) - '0'));
        }
        return out.toString();
    }

    private static String latin(String core, KeyedStream stream) {
        boolean upper = core.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && core.codePoints().filter(Character::isLetter).count() > 2;
        String[] segments = core.split(",", -1);
        Segment[] kinds = new Segment[segments.length];
        boolean streetDone = false;
        boolean cityDone = false;
        for (int i = 0; i < segments.length; i++) {
            kinds[i] = Segment.of(Chars.splitSpace(segments[i])[1], streetDone, cityDone);
            streetDone |= kinds[i] == Segment.STREET;
            cityDone |= kinds[i] == Segment.CITY;
        }
        StringBuilder out = new StringBuilder(core.length());
        for (int i = 0; i < segments.length; i++) {
            String[] parts = Chars.splitSpace(segments[i]);
            String text = parts[1];
            String replaced = switch (kinds[i]) {
                case EMPTY, KEPT -> text;
                case STATE_ZIP, DIGITS -> keyDigits(text, stream);
                case LABELLED -> labelled(text, stream);
                case STREET -> street(text, stream);
                // without a street number to carry the mark, the city carries it
                case CITY -> stream.pick(streetDone ? Tables.LATIN_CITIES : MARKED_CITIES);
                case WORDS -> words(text, stream);
            };
            if (i > 0) {
                out.append(',');
            }
            out.append(parts[0]).append(replaced).append(parts[2]);
        }
        return upper ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    }

    /**
     * The first number of a street segment derived from the segment's words: the mark. Words are
     * the space-separated tokens without digits, lower case, joined by one space.
     */
    private static String markStreet(String street) {
        String[] tokens = street.split(" ", -1);
        int numbered = -1;
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (Chars.countDigits(tokens[i]) > 0) {
                numbered = numbered < 0 ? i : numbered;
            } else if (!tokens[i].isEmpty()) {
                words.append(words.length() > 0 ? " " : "").append(tokens[i].toLowerCase(Locale.ROOT));
            }
        }
        if (numbered < 0) {
            return street;
        }
        int count = Chars.countDigits(tokens[numbered]);
        long value = Marks.hash("address-number", words.toString());
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int radix = i == 0 && count > 1 ? 9 : 10;
            digits.append((char) ('0' + (radix == 9 ? 1 : 0) + Long.remainderUnsigned(value, radix)));
            value = Long.divideUnsigned(value, radix);
        }
        tokens[numbered] = Chars.fillDigits(tokens[numbered], digits);
        return String.join(" ", tokens);
    }

    /** Whether a street segment's first number is its mark and it names a street of the table. */
    private static boolean streetMarked(String street) {
        boolean named = false;
        for (String token : street.split(" ")) {
            String bare = TRAILING_PUNCTUATION.matcher(token).replaceAll("");
            named |= Tables.LATIN_STREETS.stream().anyMatch(bare::equalsIgnoreCase);
        }
        return named && markStreet(street).equals(street);
    }

    /** {@code 123 Main St} → keyed number, a street name, the input's street type and direction kept. */
    private static String street(String text, KeyedStream stream) {
        String[] tokens = text.split(" ");
        StringBuilder out = new StringBuilder(text.length());
        boolean named = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            String bare = TRAILING_PUNCTUATION.matcher(token).replaceAll("").toLowerCase(Locale.ROOT);
            String piece;
            if (token.isEmpty()) {
                piece = token;
            } else if (Chars.countDigits(token) > 0) {
                piece = keyDigits(token, stream);
            } else if (DIRECTIONS.contains(bare) || isStreetType(bare) && i > 0) {
                piece = token;
            } else if (!named) {
                piece = stream.pick(Tables.LATIN_STREETS);
                named = true;
            } else {
                continue; // the street name's further words: one name replaces them all
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(piece);
        }
        return markStreet(out.toString());
    }

    private static boolean isStreetType(String word) {
        return Tables.LATIN_STREET_TYPES.stream().anyMatch(t -> t.equalsIgnoreCase(word));
    }

    /** {@code Apt 5}, {@code Suite 1200}, {@code Building C}: the label kept, numbers and letters keyed. */
    private static String labelled(String text, KeyedStream stream) {
        StringBuilder out = new StringBuilder(text.length());
        String[] tokens = text.split(" ", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i > 0) {
                out.append(' ');
            }
            if (i == 0 || LABELS.contains(token.toLowerCase(Locale.ROOT)) || Chars.countDigits(token) == 0 && token.length() > 1) {
                out.append(Chars.countDigits(token) > 0 ? keyDigits(token, stream) : token);
            } else {
                out.append(sameShape(token, stream));
            }
        }
        return out.toString();
    }

    /** Each word replaced by a street-like word in the same casing. */
    private static String words(String text, KeyedStream stream) {
        StringBuilder out = new StringBuilder(text.length());
        for (String token : text.split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token.codePoints().anyMatch(Character::isLetter)
                    ? Names.sameCase(token, stream.pick(Tables.LATIN_STREETS)) : keyDigits(token, stream));
        }
        return out.toString();
    }

    /** The digits replaced keyed (a leading non-zero digit stays non-zero), everything else kept. */
    private static String keyDigits(String text, KeyedStream stream) {
        StringBuilder digits = new StringBuilder();
        int count = Chars.countDigits(text);
        for (int i = 0; i < count; i++) {
            digits.append(i == 0 && count > 1 ? (char) ('1' + stream.nextInt(9)) : stream.digit());
        }
        return Chars.fillDigits(text, digits);
    }

    private static String alnumUpper(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Chars.isAsciiAlnum(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** Whether the text is a Japanese postal code: 〒 optional, NNN-NNNN or NNNNNNN in either width. */
    static boolean isJapanesePostalCode(String text) {
        return JP_POSTAL.matcher(text).matches();
    }
}

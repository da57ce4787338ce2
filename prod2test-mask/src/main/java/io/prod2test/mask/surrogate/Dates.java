package io.prod2test.mask.surrogate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-of-birth surrogates: the date moved by a keyed offset of 1 to 180 days either way, keyed by
 * a person key when the caller has one (so one person's birth date moves alike in every table
 * and format) or else by the date itself. The age band at a reference date is kept: decades, with
 * the teens split at 18 so that adults stay adults and minors minors ({@code <10, 10–17, 18–19,
 * 20s, 30s …}). If the offset would leave the band it is applied the other way; a band is at
 * least two years wide, so one of the two directions always stays inside. The output has the
 * input's format: {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, {@code yyyy.MM.dd}, {@code yyyyMMdd} or
 * {@code yyyy年M月d日}, with the input's zero padding and digit width.
 *
 * <p>The mark: a surrogate date is a <em>marked day</em> — of the days {@code 32·b … 32·b + 31}
 * after 1970-01-01 (epoch days, any block {@code b}) exactly one is marked, day
 * {@code 32·b + (M("date-of-birth", b) mod 32)}. The keyed offset gives a target date; the
 * surrogate is the marked day nearest to it (ties: the later one) that is not the input, at most
 * 180 days from it and in its age band. So dates still move by up to half a year, one person's
 * dates by about the same offset, and one raw date in 32 is a marked day by chance.
 */
final class Dates {
    private static final String D = "[0-9\uFF10-\uFF19]";
    private static final Pattern SEPARATED = Pattern.compile("(" + D + "{4})([-/.])(" + D + "{1,2})\\2(" + D + "{1,2})");
    private static final Pattern JAPANESE = Pattern.compile("(" + D + "{4})年(" + D + "{1,2})月(" + D + "{1,2})日");
    private static final Pattern COMPACT = Pattern.compile("(" + D + "{4})(" + D + "{2})(" + D + "{2})");

    /** A parsed date and how to write it back. */
    record Parsed(LocalDate date, String separator, boolean japanese, boolean pad, boolean wide) {
        String format(LocalDate d) {
            String month = pad ? twoDigits(d.getMonthValue()) : Integer.toString(d.getMonthValue());
            String day = pad ? twoDigits(d.getDayOfMonth()) : Integer.toString(d.getDayOfMonth());
            int y = d.getYear();
            // %04d without a Formatter: zero-padded to four digits, a sign and more digits as they come
            String year = y >= 0 && y <= 9999 ? "0".repeat(4 - Integer.toString(y).length()) + y
                    : String.format(java.util.Locale.ROOT, "%04d", y);
            String text = japanese ? year + "年" + month + "月" + day + "日" : year + separator + month + separator + day;
            if (!wide) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(Chars.isAsciiDigit(c) ? (char) ('\uFF10' + c - '0') : c);
            }
            return out.toString();
        }
    }

    private Dates() {
    }

    /** {@code String.format("%02d", n)} for 1–31. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * The marked day of each 32-day block in 1800–2200 ({@code -1}: not computed yet). The mark is
     * a public function of the block number alone, no key and no input in it, so it is computed
     * once per block and shared; blocks outside the range are computed each time.
     */
    private static final long FIRST_BLOCK = Math.floorDiv(LocalDate.of(1800, 1, 1).toEpochDay(), 32);
    private static final byte[] MARKED_DAYS = new byte[(int) (Math.floorDiv(LocalDate.of(2200, 1, 1).toEpochDay(), 32) - FIRST_BLOCK + 1)];

    static {
        java.util.Arrays.fill(MARKED_DAYS, (byte) -1);
    }

    private static int markedDay(long block) {
        long index = block - FIRST_BLOCK;
        if (index < 0 || index >= MARKED_DAYS.length) {
            return Marks.below("date-of-birth", Long.toString(block), MARK_BLOCK);
        }
        int day = MARKED_DAYS[(int) index];
        if (day < 0) {
            day = Marks.below("date-of-birth", Long.toString(block), MARK_BLOCK);
            MARKED_DAYS[(int) index] = (byte) day; // races write the same value
        }
        return day;
    }

    static Parsed parse(String text) {
        try {
            Matcher m = SEPARATED.matcher(text);
            if (m.matches()) {
                return parsed(m.group(1), m.group(3), m.group(4), m.group(2), false, text);
            }
            m = JAPANESE.matcher(text);
            if (m.matches()) {
                return parsed(m.group(1), m.group(2), m.group(3), "", true, text);
            }
            m = COMPACT.matcher(text);
            if (m.matches()) {
                return parsed(m.group(1), m.group(2), m.group(3), "", false, text);
            }
        } catch (DateTimeException e) {
            return null; // 1985-02-30: shaped like a date, but none
        }
        return null;
    }

    private static Parsed parsed(String y, String m, String d, String separator, boolean japanese, String text) {
        LocalDate date = LocalDate.of(Integer.parseInt(Chars.digitsOf(y)), Integer.parseInt(Chars.digitsOf(m)), Integer.parseInt(Chars.digitsOf(d)));
        // zero padding shows only on a month or day below 10; with both above, 年月日 forms are rarely padded, others usually
        boolean pad;
        if (date.getMonthValue() < 10 || date.getDayOfMonth() < 10) {
            pad = date.getMonthValue() < 10 && m.length() == 2 || date.getDayOfMonth() < 10 && d.length() == 2;
        } else {
            pad = !japanese;
        }
        return new Parsed(date, separator, japanese, pad, Chars.isFullWidthDigit(text.charAt(0)));
    }

    static String dateOfBirth(KeyedHash hash, String core, String personKey, LocalDate reference) {
        Parsed parsed = parse(core);
        if (parsed == null) {
            return Numbers.keyedDigits(hash, "dob-offset", core);
        }
        LocalDate date = parsed.date();
        String key = personKey != null ? "person:" + personKey : "date:" + date;
        KeyedStream stream = hash.stream("dob-offset", key);
        int draw = stream.nextInt(360);
        int offset = draw < 180 ? -(draw + 1) : draw - 179; // −180…−1, 1…180: never zero
        LocalDate target = date.plusDays(offset);
        if (band(target, reference) != band(date, reference)) {
            target = date.minusDays(offset);
        }
        return parsed.format(nearestMarked(date, target, reference));
    }

    /** Days are marked one in each block of this many. */
    static final int MARK_BLOCK = 32;

    /** Whether {@code date} is a marked day; see the class comment. */
    static boolean isMarked(LocalDate date) {
        long day = date.toEpochDay();
        long block = Math.floorDiv(day, MARK_BLOCK);
        return Math.floorMod(day, MARK_BLOCK) == markedDay(block);
    }

    /** Whether a date in one of the written forms is a marked day. */
    static boolean isSurrogate(String text) {
        Parsed parsed = parse(text);
        return parsed != null && isMarked(parsed.date());
    }

    /**
     * The marked day nearest to {@code target} that is not {@code date}, at most 180 days from it
     * and in its age band. A band is at least two years wide, so 180 days on one side of the date
     * hold at least five marked days.
     */
    private static LocalDate nearestMarked(LocalDate date, LocalDate target, LocalDate reference) {
        int band = band(date, reference);
        for (int distance = 0; distance <= 400; distance++) {
            for (LocalDate candidate : new LocalDate[] {target.plusDays(distance), target.minusDays(distance)}) {
                long away = Math.abs(candidate.toEpochDay() - date.toEpochDay());
                if (away >= 1 && away <= 180 && isMarked(candidate) && band(candidate, reference) == band) {
                    return candidate;
                }
            }
        }
        return target; // unreachable: see above
    }

    /**
     * The age band at {@code reference}: −1 for a date after it, 0 under 10, 1 for 10–17, 2 for
     * 18–19, then 3 for the twenties, 4 for the thirties and so on.
     */
    static int band(LocalDate birth, LocalDate reference) {
        if (birth.isAfter(reference)) {
            return -1;
        }
        int age = Period.between(birth, reference).getYears();
        if (age < 10) {
            return 0;
        }
        if (age < 18) {
            return 1;
        }
        if (age < 20) {
            return 2;
        }
        return age / 10 + 1;
    }
}

package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth. A date is only a date of birth by context — the same {@code 1990-01-02} is an
 * order date elsewhere — so this reports dates in a field named {@code dob}, {@code dateOfBirth},
 * {@code birthDate}, {@code birthday}, {@code 生年月日}, {@code 誕生日} …, as the value of such a key
 * in a text, and right after such a label ({@code 生年月日：1990年1月2日}, {@code DOB 02/01/1990}).
 *
 * <p>Dates read: {@code 1990-01-02} (also with a time after it, which is left out of the span),
 * {@code 1990/1/2}, {@code 1990.01.02}, {@code 1990年1月2日}, Japanese eras {@code 平成2年1月2日}
 * ({@code 元年} too), day-first or month-first {@code 02/01/1990}, English month names
 * ({@code 1 May 1990}, {@code May 1st, 1990}), and in a date-of-birth field
 * {@code 19900102}. The date must exist (no month 13, no 31 April) and the year lie in 1900–2100.
 */
public final class DateOfBirthDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "date-of-birth";

    private static final Set<String> FIELDS = Set.of(
            "dob", "dateofbirth", "birthdate", "birthday", "birthdt", "birth", "bday", "dobdate", "birthdateiso",
            "生年月日", "誕生日", "生年月日西暦", "birthdayiso");
    private static final String MONTHS =
            "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
                    + "|nov(?:ember)?|dec(?:ember)?)";
    private static final String[] MONTH_PREFIXES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9]|[0-9][-/.])(?:"
                    + "(?<y>(?:19|20|21)[0-9]{2})(?<s>[-/.])(?<m>[0-9]{1,2})\\k<s>(?<d>[0-9]{1,2})"
                    + "|(?<jy>(?:19|20|21)[0-9]{2}) ?年 ?(?<jm>[0-9]{1,2}) ?月 ?(?<jd>[0-9]{1,2}) ?日"
                    + "|(?<era>明治|大正|昭和|平成|令和) ?(?<ey>[0-9]{1,2}|元) ?年 ?(?<em>[0-9]{1,2}) ?月 ?(?<ed>[0-9]{1,2}) ?日"
                    + "|(?<a>[0-9]{1,2})(?<t>[/.])(?<b>[0-9]{1,2})\\k<t>(?<ay>(?:19|20|21)[0-9]{2})"
                    + "|(?<cy>(?:19|20|21)[0-9]{2})(?<cm>[01][0-9])(?<cd>[0-3][0-9])"
                    + "|(?<nd>[0-9]{1,2})(?:st|nd|rd|th)? (?<nm>" + MONTHS + ")\\.?,? (?<ny>(?:19|20)[0-9]{2})"
                    + "|(?<mm>" + MONTHS + ")\\.? (?<md>[0-9]{1,2})(?:st|nd|rd|th)?,? (?<my>(?:19|20)[0-9]{2})"
                    + ")(?![0-9]|[-/.][0-9])");
    /** Labels in free text; the date must follow within a few characters. */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?:生年月日|誕生日|date of birth|birth ?date|birthday|d\\.o\\.b\\.?|(?<![a-z])dob(?![a-z])|(?<![a-z])born(?: on)?)"
                    + "[^0-9a-z明大昭平令\\n]{0,4}");

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public DateOfBirthDetector() {
        super(NAME, Set.of(PiiKind.DATE_OF_BIRTH));
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.digitCount() >= 2 && (scan.field(FieldTraits.BIRTH_DATE) || hasLabel(scan.text) || scan.contains(':')
                || scan.contains('='));
    }

    /** The words of the labels as they are written (lower, capitalised, upper case). */
    private static final String[] LABEL_WORDS = {"生年月日", "誕生日", "birth", "Birth", "BIRTH", "dob", "Dob", "DOB", "d.o.b", "D.O.B",
            "born", "Born", "BORN"};

    /** Whether a label could be in the text: the cheap test (String.contains) before the label pattern runs. */
    private static boolean hasLabel(String text) {
        for (String word : LABEL_WORDS) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        if (scan.field(FieldTraits.BIRTH_DATE)) {
            date(text, scan.valueStart(), scan.valueEnd(), true, hits);
            return;
        }
        for (KeyValues.Pair pair : scan.pairs()) {
            if (isBirthName(pair.key())) {
                date(text, pair.valueStart(), pair.valueEnd(), true, hits);
            }
        }
        if (!hasLabel(text)) {
            return;
        }
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            date(text, label.end(), Math.min(text.length(), label.end() + 16), false, hits);
        }
    }

    /** The first valid date in {@code text[start, end)}, when it starts there (a label's date) or anywhere (a field's). */
    private static void date(String text, int start, int end, boolean anywhere, Hits hits) {
        if (end <= start) {
            return;
        }
        Matcher m = DATE.matcher(text).region(start, end);
        m.useTransparentBounds(true);
        while (anywhere ? m.find() : m.lookingAt()) {
            if (valid(m, anywhere)) {
                hits.add(m.start(), m.end(), PiiKind.DATE_OF_BIRTH);
                return;
            }
            if (!anywhere) {
                return;
            }
        }
    }

    private static boolean valid(Matcher m, boolean field) {
        int year;
        int month;
        int day;
        if (m.start("y") >= 0) {
            year = Integer.parseInt(m.group("y"));
            month = Integer.parseInt(m.group("m"));
            day = Integer.parseInt(m.group("d"));
        } else if (m.start("jy") >= 0) {
            year = Integer.parseInt(m.group("jy"));
            month = Integer.parseInt(m.group("jm"));
            day = Integer.parseInt(m.group("jd"));
        } else if (m.start("era") >= 0) {
            int eraYear = m.group("ey").equals("元") ? 1 : Integer.parseInt(m.group("ey"));
            year = switch (m.group("era")) {
                case "明治" -> 1867;
                case "大正" -> 1911;
                case "昭和" -> 1925;
                case "平成" -> 1988;
                default -> 2018;
            } + eraYear;
            month = Integer.parseInt(m.group("em"));
            day = Integer.parseInt(m.group("ed"));
        } else if (m.start("a") >= 0) {
            year = Integer.parseInt(m.group("ay"));
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            // day-first or month-first: valid if either reading is a date
            return (exists(year, a, b) || exists(year, b, a));
        } else if (m.start("nm") >= 0 || m.start("mm") >= 0) {
            boolean dayFirst = m.start("nm") >= 0;
            year = Integer.parseInt(m.group(dayFirst ? "ny" : "my"));
            month = month(m.group(dayFirst ? "nm" : "mm"));
            day = Integer.parseInt(m.group(dayFirst ? "nd" : "md"));
        } else {
            if (!field) {
                return false; // 19900102 is only a date where a date of birth is expected
            }
            year = Integer.parseInt(m.group("cy"));
            month = Integer.parseInt(m.group("cm"));
            day = Integer.parseInt(m.group("cd"));
        }
        return exists(year, month, day);
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < MONTH_PREFIXES.length; i++) {
            if (MONTH_PREFIXES[i].equals(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean exists(int year, int month, int day) {
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** Whether a folded field or key name names a date of birth. */
    static boolean isBirthName(String name) {
        return !name.isEmpty() && (FIELDS.contains(name) || name.endsWith("dateofbirth") || name.endsWith("birthdate")
                || name.endsWith("birthday") || name.endsWith("生年月日"));
    }
}

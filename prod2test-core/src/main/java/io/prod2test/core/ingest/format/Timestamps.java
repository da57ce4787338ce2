package io.prod2test.core.ingest.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamps that traffic logs write, into an {@link Instant}. One parser for all
 * formats, so that a log that mixes styles (or a user who converts one) gets the same answer.
 *
 * <ul>
 *   <li>ISO-8601 with {@code Z}, an offset ({@code +09:00}, {@code +0900}, {@code +09}) or none
 *       (then the default zone applies), {@code T} or a space between date and time, up to nine
 *       fractional digits, an optional {@code [Region/City]} zone: {@code 2026-11-02T09:14:03.120Z},
 *       the ALB's {@code 2018-07-02T22:23:00.186641Z}, nginx's {@code $time_iso8601};</li>
 *   <li>Apache and nginx {@code $time_local}: {@code 10/Oct/2000:13:55:36 -0700}, with or without
 *       the brackets;</li>
 *   <li>RFC 1123 as in HTTP headers: {@code Tue, 3 Jun 2008 11:05:30 GMT};</li>
 *   <li>epoch numbers, the unit told by magnitude: seconds below 10^11 (up to the year 5138),
 *       milliseconds below 10^14, microseconds below 10^17, nanoseconds above; a fraction is
 *       allowed ({@code 1700000000.123}, nginx's {@code $msec}).</li>
 * </ul>
 *
 * <p>Only years 1970 to 9999 are accepted: anything else in a traffic log is a wrong unit or a
 * wrong field, and taking it would put the record somewhere nobody looks.
 */
public final class Timestamps {
    private static final int MAX_LENGTH = 64;
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?) ?"
                    + "(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?(?:\\[([A-Za-z0-9_+\\-/]{1,40})\\])?");
    private static final Pattern APACHE = Pattern.compile(
            "(\\d{1,2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(?: ([+-]\\d{4}))?");
    private static final Pattern EPOCH = Pattern.compile("\\d{1,20}(?:\\.\\d{1,9})?");

    private static final DateTimeFormatter APACHE_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d/MMM/uuuu:HH:mm:ss")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT); // 31/Feb is an error, not the 28th

    private static final BigDecimal SECONDS_BELOW = BigDecimal.TEN.pow(11);
    private static final BigDecimal MILLIS_BELOW = BigDecimal.TEN.pow(14);
    private static final BigDecimal MICROS_BELOW = BigDecimal.TEN.pow(17);
    private static final BigDecimal NANOS_BELOW = BigDecimal.TEN.pow(20);

    private Timestamps() {
    }

    /**
     * Parses {@code text} in any of the supported styles.
     *
     * @param defaultZone the zone of a timestamp written without one
     * @throws IllegalArgumentException saying what was expected and what was found; the caller
     *                                  prefixes the field name
     */
    public static Instant parse(String text, ZoneId defaultZone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a timestamp, was empty");
        }
        String value = text.strip();
        if (value.length() > 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']') {
            value = value.substring(1, value.length() - 1);
        }
        if (value.length() <= MAX_LENGTH) {
            ZoneId zone = defaultZone == null ? ZoneOffset.UTC : defaultZone;
            try {
                Instant parsed = tryParse(value, zone);
                if (parsed != null) {
                    return inRange(parsed, text);
                }
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected a timestamp, was " + Texts.quote(text)
                        + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException("expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, "
                + "or epoch seconds, millis, micros or nanos), was " + Texts.quote(text));
    }

    /**
     * An epoch number, the unit told by magnitude (see the class comment).
     *
     * @throws IllegalArgumentException for negative, fractional-nanosecond-beyond or implausible values
     */
    public static Instant fromEpoch(BigDecimal number) {
        if (number == null) {
            throw new IllegalArgumentException("expected a timestamp, was null");
        }
        // a scale far from zero (1e-999999, 1e999999) would make the arithmetic below slow for nothing
        if (number.signum() < 0 || number.scale() > 18 || number.scale() < -20) {
            throw new IllegalArgumentException("expected an epoch timestamp, was " + number.toString());
        }
        int shift;
        if (number.compareTo(SECONDS_BELOW) < 0) {
            shift = 9;
        } else if (number.compareTo(MILLIS_BELOW) < 0) {
            shift = 6;
        } else if (number.compareTo(MICROS_BELOW) < 0) {
            shift = 3;
        } else if (number.compareTo(NANOS_BELOW) < 0) {
            shift = 0;
        } else {
            throw new IllegalArgumentException("expected an epoch timestamp, was " + number.toPlainString()
                    + " (too large for nanoseconds)");
        }
        BigDecimal nanos = number.movePointRight(shift).setScale(0, RoundingMode.HALF_UP);
        BigDecimal[] split = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        Instant instant = Instant.ofEpochSecond(split[0].longValueExact(), split[1].longValueExact());
        return inRange(instant, number.toPlainString());
    }

    private static Instant tryParse(String value, ZoneId zone) {
        Instant fast = utcFast(value);
        if (fast != null) {
            return fast;
        }
        Matcher m = EPOCH.matcher(value);
        if (m.matches()) {
            return fromEpoch(new BigDecimal(value));
        }
        m = ISO.matcher(value);
        if (m.matches()) {
            String time = m.group(2).replace(',', '.');
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + (time.length() == 5 ? time + ":00" : time));
            String offset = m.group(3);
            if (offset != null) {
                return local.atOffset(offset(offset)).toInstant();
            }
            if (m.group(4) != null) {
                return local.atZone(ZoneId.of(m.group(4))).toInstant();
            }
            return local.atZone(zone).toInstant();
        }
        m = APACHE.matcher(value);
        if (m.matches()) {
            LocalDateTime local = LocalDateTime.parse(m.group(1), APACHE_LOCAL);
            if (m.group(2) != null) {
                local = local.withNano(Integer.parseInt((m.group(2) + "00000000").substring(0, 9)));
            }
            return m.group(3) == null ? local.atZone(zone).toInstant() : local.atOffset(offset(m.group(3))).toInstant();
        }
        if (value.length() > 20 && value.indexOf(',') == 3) {
            try {
                return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * {@code 2026-11-02T09:14:03.120Z}, what the canonical log and most JSON loggers write, read
     * without regular expressions or formatters (ten times faster; it is one call per record).
     * Anything else, or anything out of range, returns {@code null} for the general path.
     */
    private static Instant utcFast(String v) {
        int n = v.length();
        if (n < 20 || n > 30 || v.charAt(n - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (v.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            int fraction = digits(v, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 28
                || hour > 23 || minute > 59 || second > 59) {
            return null; // days 29-31 and leap years: left to the general path, which knows the calendar
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character is not a digit. */
    private static int digits(String v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z") || text.equals("UTC") || text.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        if (text.length() == 5 && text.indexOf(':') < 0) {
            text = text.substring(0, 3) + ":" + text.substring(3); // +0900 -> +09:00
        }
        return ZoneOffset.of(text);
    }

    private static Instant inRange(Instant instant, String text) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("expected a timestamp between 1970 and 9999, was " + Texts.quote(text));
        }
        return instant;
    }
}

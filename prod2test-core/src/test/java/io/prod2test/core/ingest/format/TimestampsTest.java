package io.prod2test.core.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-02T09:14:03.120Z                 | 2026-11-02T09:14:03.120Z",
        "2026-11-02T09:14:03Z                     | 2026-11-02T09:14:03Z",
        "2026-11-02T09:14:03.12Z                  | 2026-11-02T09:14:03.120Z",
        "2024-02-29T12:00:00Z                     | 2024-02-29T12:00:00Z",
        "2026-01-31T23:59:59.999999999Z           | 2026-01-31T23:59:59.999999999Z",
        "2026-11-02t09:14:03.120z                 | 2026-11-02T09:14:03.120Z",
        "2026-11-02T18:14:03.120+09:00            | 2026-11-02T09:14:03.120Z",
        "2026-11-02T18:14:03.120+0900             | 2026-11-02T09:14:03.120Z",
        "2026-11-02T18:14:03.120+09               | 2026-11-02T09:14:03.120Z",
        "2026-11-02 04:14:03,120 -05:00           | 2026-11-02T09:14:03.120Z",
        "2026-11-02T09:14:03.120 UTC              | 2026-11-02T09:14:03.120Z",
        "2026-11-02T18:14:03.120                  | 2026-11-02T09:14:03.120Z",
        "2026-11-02 18:14                         | 2026-11-02T09:14:00Z",
        "2026-11-02T10:14:03.120[Europe/Paris]    | 2026-11-02T09:14:03.120Z",
        "2018-07-02T22:23:00.186641Z              | 2018-07-02T22:23:00.186641Z",
        "2026-11-02T09:14:03.123456789Z           | 2026-11-02T09:14:03.123456789Z",
        "10/Oct/2000:13:55:36 -0700               | 2000-10-10T20:55:36Z",
        "[10/Oct/2000:13:55:36 -0700]             | 2000-10-10T20:55:36Z",
        "02/nov/2026:18:14:03 +0900               | 2026-11-02T09:14:03Z",
        "02/Nov/2026:18:14:03                     | 2026-11-02T09:14:03Z",
        "02/Nov/2026:18:14:03.5 +0900             | 2026-11-02T09:14:03.500Z",
        "Mon, 2 Nov 2026 09:14:03 GMT             | 2026-11-02T09:14:03Z",
        "1793610843                               | 2026-11-02T09:14:03Z",
        "1793610843.12                            | 2026-11-02T09:14:03.120Z",
        "1793610843120                            | 2026-11-02T09:14:03.120Z",
        "1793610843120000                         | 2026-11-02T09:14:03.120Z",
        "1793610843120000000                      | 2026-11-02T09:14:03.120Z",
        "0                                        | 1970-01-01T00:00:00Z",
        "'  1793610843 '                          | 2026-11-02T09:14:03Z"})
    void styles(String text, String expected) {
        assertThat(Timestamps.parse(text, TOKYO)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yesterday                       | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"yesterday\"",
        "2026-02-29T00:00:00Z            | expected a timestamp, was \"2026-02-29T00:00:00Z\" (Text '2026-02-29T00:00:00' could not be parsed: Invalid date 'February 29' as '2026' is not a leap year)",
        "2026-11-02T24:00:00Z            | expected a timestamp, was \"2026-11-02T24:00:00Z\" (Text '2026-11-02T24:00:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24)",
        "2026-11-02T09:14:03.1234567891Z | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"2026-11-02T09:14:03.1234567891Z\"",
        "2026-11-02T09:14:03.Z           | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"2026-11-02T09:14:03.Z\"",
        "2026-11-02T09:14:0x.1Z          | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"2026-11-02T09:14:0x.1Z\"",
        "2026-11-02T09:14:03,1xZ         | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"2026-11-02T09:14:03,1xZ\"",
        "2026-13-02T09:14:03Z            | expected a timestamp, was \"2026-13-02T09:14:03Z\" (Text '2026-13-02T09:14:03' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13)",
        "2026-11-02T09:14:03+25:00       | expected a timestamp, was \"2026-11-02T09:14:03+25:00\" (Zone offset hours not in valid range: value 25 is not in the range -18 to 18)",
        "2026-11-02T09:14:03[Mars/Base]  | expected a timestamp, was \"2026-11-02T09:14:03[Mars/Base]\" (Unknown time-zone ID: Mars/Base)",
        "1969-12-31T23:59:59Z            | expected a timestamp between 1970 and 9999, was \"1969-12-31T23:59:59Z\"",
        "999999999999999999999           | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"999999999999999999999\"",
        "31/Feb/2026:00:00:00 +0000      | expected a timestamp, was \"31/Feb/2026:00:00:00 +0000\" (Text '31/Feb/2026:00:00:00' could not be parsed: Invalid date 'FEBRUARY 31')",
        "Mon, 99 Nov 2026 09:14:03 GMT   | expected a timestamp (ISO-8601, 10/Oct/2000:13:55:36 -0700, or epoch seconds, millis, micros or nanos), was \"Mon, 99 Nov 2026 09:14:03 GMT\""})
    void unparseable(String text, String message) {
        assertThatThrownBy(() -> Timestamps.parse(text, TOKYO)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void edgeCases() {
        assertThatThrownBy(() -> Timestamps.parse(null, TOKYO)).hasMessage("expected a timestamp, was empty");
        assertThatThrownBy(() -> Timestamps.parse("  ", TOKYO)).hasMessage("expected a timestamp, was empty");
        assertThatThrownBy(() -> Timestamps.parse("1".repeat(100), TOKYO)).hasMessageStartingWith("expected a timestamp (ISO-8601");
        assertThat(Timestamps.parse("2026-11-02T09:14:03", null)).isEqualTo(Instant.parse("2026-11-02T09:14:03Z"));
        assertThatThrownBy(() -> Timestamps.fromEpoch(new BigDecimal("-1"))).hasMessage("expected an epoch timestamp, was -1");
        assertThatThrownBy(() -> Timestamps.fromEpoch(new BigDecimal("1e-999999"))).hasMessageStartingWith("expected an epoch timestamp");
        assertThatThrownBy(() -> Timestamps.fromEpoch(new BigDecimal("1e999999"))).hasMessageStartingWith("expected an epoch timestamp");
        assertThatThrownBy(() -> Timestamps.fromEpoch(null)).hasMessage("expected a timestamp, was null");
        assertThatThrownBy(() -> Timestamps.fromEpoch(new BigDecimal("1e20"))).hasMessage(
                "expected an epoch timestamp, was 100000000000000000000 (too large for nanoseconds)");
        assertThat(Timestamps.parse("99999999999999999999", TOKYO)).as("nanoseconds, year 5138")
                .isEqualTo(Instant.parse("5138-11-16T09:46:39.999999999Z"));
        assertThat(Timestamps.fromEpoch(new BigDecimal("1793610843.1204"))).isEqualTo(Instant.parse("2026-11-02T09:14:03.120400Z"));
        assertThat(Timestamps.fromEpoch(new BigDecimal("253402300799"))).as("millis, 1978").isEqualTo(Instant.parse("1978-01-11T21:31:40.799Z"));
    }
}

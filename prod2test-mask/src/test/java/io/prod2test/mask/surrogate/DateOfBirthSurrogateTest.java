package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.REFERENCE;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateOfBirthSurrogateTest {
    private static List<String> dates() {
        return SurrogateTesting.generate(81, 2_000, r -> REFERENCE.minusDays(r.nextInt(365 * 90)).toString());
    }

    @Test
    void movesEveryDateByUpToHalfAYearKeepingTheAgeBand() {
        for (String date : dates()) {
            String surrogate = SURROGATES.dateOfBirth(date);
            assertThat(SurrogateFormats.isValid(PiiKind.DATE_OF_BIRTH, surrogate)).isTrue();
            LocalDate before = LocalDate.parse(date);
            LocalDate after = LocalDate.parse(surrogate);
            assertThat(after).isNotEqualTo(before);
            assertThat(Math.abs(ChronoUnit.DAYS.between(before, after))).isBetween(1L, 180L);
            assertThat(Dates.band(after, REFERENCE)).as("%s -> %s", date, surrogate).isEqualTo(Dates.band(before, REFERENCE));
        }
    }

    @Test
    void adultsStayAdultsAndMinorsMinors() {
        for (int days = -200; days <= 200; days++) {
            LocalDate birth = REFERENCE.minusYears(18).plusDays(days);
            LocalDate after = LocalDate.parse(SURROGATES.dateOfBirth(birth.toString()));
            boolean adult = !birth.isAfter(REFERENCE.minusYears(18));
            assertThat(!after.isAfter(REFERENCE.minusYears(18))).as("%s -> %s", birth, after).isEqualTo(adult);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1985-04-07|^\\d{4}-\\d{2}-\\d{2}$",
        "1985/04/07|^\\d{4}/\\d{2}/\\d{2}$",
        "1985.04.07|^\\d{4}\\.\\d{2}\\.\\d{2}$",
        "19850407|^\\d{8}$",
        "1985年4月7日|^\\d{4}年\\d{1,2}月\\d{1,2}日$",
        "1985年04月07日|^\\d{4}年\\d{2}月\\d{2}日$",
        "１９８５年４月７日|^[０-９]{4}年[０-９]{1,2}月[０-９]{1,2}日$"
    })
    void keepsTheFormat(String date, String pattern) {
        assertThat(SURROGATES.dateOfBirth(date)).matches(pattern);
    }

    @Test
    void oneDateInAnyFormatMovesAlike() {
        LocalDate iso = LocalDate.parse(SURROGATES.dateOfBirth("1985-04-07"));
        assertThat(SURROGATES.dateOfBirth("1985/04/07")).isEqualTo(iso.toString().replace('-', '/'));
        assertThat(SURROGATES.dateOfBirth("1985年4月7日")).isEqualTo(iso.getYear() + "年" + iso.getMonthValue() + "月" + iso.getDayOfMonth() + "日");
    }

    @Test
    void aPersonKeyMovesAllOfOnePersonsDatesByAboutTheSameOffset() {
        // the keyed offset is the person's; the surrogate is the marked day nearest to date + offset
        long first = ChronoUnit.DAYS.between(LocalDate.parse("1985-04-07"), LocalDate.parse(SURROGATES.dateOfBirth("1985-04-07", "cus_42")));
        long second = ChronoUnit.DAYS.between(LocalDate.parse("1990-08-20"), LocalDate.parse(SURROGATES.dateOfBirth("1990-08-20", "cus_42")));
        assertThat(Math.abs(Math.abs(first) - Math.abs(second))).isLessThan(2L * Dates.MARK_BLOCK);
    }

    @Test
    void deterministicAndKeySensitive() {
        assertThat(SURROGATES.dateOfBirth("1985-04-07")).isEqualTo(SURROGATES.dateOfBirth("1985-04-07"));
        long same = dates().stream().filter(d -> SURROGATES.dateOfBirth(d).equals(OTHER.dateOfBirth(d))).count();
        // about 11 marked days lie within half a year either way: about one date in 11 coincides
        assertThat(same).isLessThan(dates().size() / 8);
    }

    @Test
    void everySurrogateIsAMarkedDay() {
        for (String date : dates()) {
            assertThat(Dates.isMarked(LocalDate.parse(SURROGATES.dateOfBirth(date)))).isTrue();
        }
        // one day in each block of 32
        long marked = java.util.stream.IntStream.range(0, 32 * 1000).filter(d -> Dates.isMarked(LocalDate.ofEpochDay(d))).count();
        assertThat(marked).isEqualTo(1000);
    }

    @Test
    void aDateThatIsNoneKeepsItsLayout() {
        assertThat(SURROGATES.dateOfBirth("1985-02-30")).matches("\\d{4}-\\d{2}-\\d{2}").isNotEqualTo("1985-02-30");
    }
}

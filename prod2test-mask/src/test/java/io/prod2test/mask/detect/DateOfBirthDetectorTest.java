package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateOfBirthDetectorTest {
    private final DateOfBirthDetector detector = new DateOfBirthDetector();

    @ParameterizedTest
    @ValueSource(strings = {"1990-01-02", "1990/01/02", "1990/1/2", "1990.01.02", "1990年1月2日", "1990年 1月 2日", "平成2年1月2日",
            "昭和60年12月31日", "令和元年5月1日", "02/01/1990", "12/31/1990", "19900102", "1 May 1990", "May 1st, 1990", "１９９０－０１－０２"})
    void readsTheDatesOfADateOfBirthField(String date) {
        assertThat(Found.in(detector, date, Found.body("dateOfBirth"))).containsExactly("DATE_OF_BIRTH:" + date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dob", "dateOfBirth", "date_of_birth", "birthDate", "birthday", "生年月日", "誕生日", "customerBirthDate"})
    void knowsTheFieldNames(String name) {
        assertThat(Found.in(detector, "1985-03-09", Found.body(name))).containsExactly("DATE_OF_BIRTH:1985-03-09");
    }

    @Test
    void leavesTheTimeOutOfTheSpan() {
        assertThat(Found.in(detector, "1999-12-31T00:00:00.000Z", Found.body("birthDate"))).containsExactly("DATE_OF_BIRTH:1999-12-31");
    }

    @Test
    void findsDatesAfterALabelOrKeyInText() {
        assertThat(Found.in(detector, "生年月日：1990年1月2日")).containsExactly("DATE_OF_BIRTH:1990年1月2日");
        assertThat(Found.in(detector, "生年月日は平成2年4月15日です")).containsExactly("DATE_OF_BIRTH:平成2年4月15日");
        assertThat(Found.in(detector, "DOB: 1979-11-30 — please fix")).containsExactly("DATE_OF_BIRTH:1979-11-30");
        assertThat(Found.in(detector, "born 12/05/1990 in Kobe")).containsExactly("DATE_OF_BIRTH:12/05/1990");
        assertThat(Found.in(detector, "{\"dateOfBirth\":\"1985-03-09\",\"createdAt\":\"2024-05-01\"}")).containsExactly("DATE_OF_BIRTH:1985-03-09");
        assertThat(Found.in(detector, "birthdate=1990-05-01&plan=basic")).containsExactly("DATE_OF_BIRTH:1990-05-01");
        assertThat(Found.in(detector, "Date of birth: 1 May 1990")).containsExactly("DATE_OF_BIRTH:1 May 1990");
    }

    @Test
    void aDateWithoutContextIsJustADate() {
        assertThat(Found.in(detector, "shipped 1990-01-02")).isEmpty();
        assertThat(Found.in(detector, "1990-01-02", Found.body("createdAt"))).isEmpty();
        assertThat(Found.in(detector, "予約日 2024年5月1日")).isEmpty();
        assertThat(Found.in(detector, "birthday party on 2024-12-24")).isEmpty();
        assertThat(Found.in(detector, "dob is required")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-13-01", "1990-02-30", "1899-12-31", "2101-01-01", "1990-1-2-3", "19901302", "90-01-02",
            "1990/01-02", "not a date", "1990年13月1日", "平成2年2月30日"})
    void rejectsDatesThatDoNotExist(String value) {
        assertThat(Found.in(detector, value, Found.body("dateOfBirth"))).isEmpty();
    }
}

package io.prod2test.mask.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlValuesTest {
    @Test
    void readsTuplesWithTheirLiterals() {
        assertThat(SqlValues.tuples("(1, 'O''Brien', NULL, DATE '1990-01-02', 'x'::text, lower('A,B')), (2, 'it\\'s', 3.5);"))
                .containsExactly(Arrays.asList("1", "O'Brien", null, "1990-01-02", "x", "A,B"), List.of("2", "it's", "3.5"));
        assertThat(SqlValues.tuples("(1, 'a'),")).containsExactly(List.of("1", "a"));
        assertThat(SqlValues.tuples("(1, 'a'); -- done")).containsExactly(List.of("1", "a"));
    }

    @Test
    void whatIsNoTupleListIsNull() {
        assertThat(SqlValues.tuples("")).isNull();
        assertThat(SqlValues.tuples("(1, 'open")).isNull();
        assertThat(SqlValues.tuples("(1, 2")).isNull();
        assertThat(SqlValues.tuples("(1) garbage")).isNull();
        assertThat(SqlValues.tuples("SELECT 1")).isNull();
    }

    @Test
    void readsCsvCells() {
        assertThat(SqlValues.cells("1,\"Yamada, Hanako\",  x  ,\"say \"\"hi\"\"\",", ','))
                .containsExactly("1", "Yamada, Hanako", "x", "say \"hi\"", "");
        assertThat(SqlValues.cells("a\tb c\t", '\t')).containsExactly("a", "b c", "");
        assertThat(SqlValues.cells("\"open", ',')).isNull();
    }
}

package io.prod2test.mcp.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; DELETE FROM exchanges", "select 1;select 2", "SELECT 1 /* ; */ ; DROP TABLE x",
        "SELECT ';' ; DROP TABLE x", "SELECT $$;$$; DROP TABLE x", "SELECT 1 -- c\n; DELETE FROM x"})
    void refusesMoreThanOneStatement(String sql) {
        assertThatThrownBy(() -> SqlGuard.check(sql)).hasMessageContaining("one statement at a time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM exchanges", "insert into x values (1)", "  UPDATE x SET a = 1", "COPY x TO '/tmp/x'",
        "SET ROLE postgres", "CREATE TABLE x (a int)", "DO $$ BEGIN END $$", "-- SELECT\nDELETE FROM x", "CALL p()"})
    void refusesStatementsThatDoNotRead(String sql) {
        assertThatThrownBy(() -> SqlGuard.check(sql)).hasMessageContaining("only reading statements");
    }

    @Test
    void acceptsOneReadingStatementWhateverItsLiteralsHold() {
        assertThat(SqlGuard.check("SELECT ';' AS semi, $tag$ ; $tag$, E'\\' ; ', \"a;b\" FROM t;  ")).isEqualTo(
                "SELECT ';' AS semi, $tag$ ; $tag$, E'\\' ; ', \"a;b\" FROM t");
        assertThat(SqlGuard.check("with x as (select 1) select * from x")).startsWith("with");
        assertThat(SqlGuard.check("(SELECT 1) UNION (SELECT 2)")).isEqualTo("(SELECT 1) UNION (SELECT 2)");
        assertThat(SqlGuard.check("EXPLAIN SELECT 1 /* nested /* comment */ ; */")).startsWith("EXPLAIN");
        assertThatThrownBy(() -> SqlGuard.check(" ;; ")).hasMessageContaining("empty");
    }

    @Test
    void dropsCredentialsFromTheStoreUrlForTheReaderRole() {
        assertThat(ReadOnlyReader.withoutCredentials("jdbc:postgresql://h:5432/db?user=postgres&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?ssl=true");
        assertThat(ReadOnlyReader.withoutCredentials("jdbc:postgresql://localhost:1/prod2test?user=postgres"))
                .isEqualTo("jdbc:postgresql://localhost:1/prod2test");
    }
}

package io.prod2test.generate.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import org.junit.jupiter.api.Test;

class SourceDatabaseTest {

    @Test
    void theDialectAndTheDatabaseNameComeFromTheUrl() {
        assertThat(SourceDatabase.of("jdbc:postgresql://db:5432/Payments?user=ro").databaseName()).isEqualTo("payments");
        assertThat(SourceDatabase.of("jdbc:mariadb://db/shop").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(SourceDatabase.of("jdbc:mysql://db/shop").dialect()).isEqualTo(Dialect.MYSQL);
        assertThatThrownBy(() -> SourceDatabase.of("jdbc:mariadb://db/").databaseName()).hasMessageContaining("names no database");
    }

    @Test
    void messagesNeverShowThePassword() {
        SourceDatabase db = SourceDatabase.of("jdbc:postgresql://127.0.0.1:1/x?user=ro&password=s3cret&connectTimeout=1");

        assertThat(db.describe()).doesNotContain("s3cret").contains("password=***");
        assertThatThrownBy(db::connect).isInstanceOf(Prod2TestException.class).hasMessageNotContaining("s3cret")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.DATABASE);
        assertThatThrownBy(() -> SourceDatabase.of("jdbc:oracle:thin:scott/tiger@db")).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void literalsAndNamesAreQuotedForTheirDialect() {
        assertThat(Dialect.POSTGRESQL.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Dialect.MYSQL.quote("a`b")).isEqualTo("`a``b`");
        assertThat(Dialect.POSTGRESQL.literal("it's \\ ok")).isEqualTo("'it''s \\ ok'");
        assertThat(Dialect.MYSQL.literal("it's \\ ok")).isEqualTo("'it''s \\\\ ok'");
    }
}

package io.prod2test.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @Test
    void prefersTheDbOptionOverTheEnvironment() {
        StoreLocation location = StoreLocation.resolve("jdbc:postgresql://db/a", Path.of("w"),
                Map.of(StoreLocation.DB_ENV, "jdbc:postgresql://db/b"));

        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db/a");
        assertThat(location.isEmbedded()).isFalse();
    }

    @Test
    void fallsBackToTheEnvironmentThenToAnEmbeddedServerUnderTheWorkdir() {
        assertThat(StoreLocation.resolve(null, Path.of("w"), Map.of(StoreLocation.DB_ENV, "jdbc:postgresql://db/b")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/b");

        StoreLocation embedded = StoreLocation.resolve(" ", Path.of("w"), Map.of());
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.embeddedDirectory()).isEqualTo(Path.of("w", "postgres"));
        assertThat(StoreLocation.resolve(null, null, Map.of()).embeddedDirectory()).isEqualTo(Path.of(".prod2test", "postgres"));
    }

    @Test
    void rejectsANonPostgresUrlWithoutShowingItsPassword() {
        assertThatThrownBy(() -> StoreLocation.resolve("jdbc:mysql://u:secret@db/x?password=hunter2", null, Map.of()))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("must start with 'jdbc:postgresql:'")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("hunter2")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void describesAServerWithItsPasswordRedacted() {
        assertThat(new StoreLocation("jdbc:postgresql://localhost/x?user=a&password=pw", null).describe())
                .isEqualTo("jdbc:postgresql://localhost/x?user=a&password=***");
    }

    @Test
    void isEitherAUrlOrAFolderNeverBoth() {
        assertThatThrownBy(() -> new StoreLocation("jdbc:postgresql://x/y", Path.of("d")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new StoreLocation(null, null)).hasMessageContaining("exactly one");
    }
}

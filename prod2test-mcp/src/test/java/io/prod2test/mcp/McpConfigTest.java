package io.prod2test.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.Prod2TestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpConfigTest {
    @Test
    void readsTheSourcesOfTheMcpSectionAndIgnoresTheOtherStagesSections(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("prod2test.yaml"), """
                services:
                  payments: {baseUrl: http://localhost:8081, database: jdbc:postgresql://localhost/test_payments}
                mcp:
                  sources:
                    payments: jdbc:postgresql://replica/payments?user=ro
                """);

        assertThat(McpConfig.sources(repo)).containsExactly(java.util.Map.entry("payments", "jdbc:postgresql://replica/payments?user=ro"));
    }

    @Test
    void hasNoSourcesWithoutTheFileOrTheSection(@TempDir Path repo) throws Exception {
        assertThat(McpConfig.sources(repo)).isEmpty();
        Files.writeString(repo.resolve("prod2test.yaml"), "datasets:\n  layers: []\n");
        assertThat(McpConfig.sources(repo)).isEmpty();
    }

    @Test
    void namesTheFieldOfASourceThatIsNotAJdbcUrl(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("prod2test.yaml"), "mcp:\n  sources:\n    payments: /etc/passwd\n");
        assertThatThrownBy(() -> McpConfig.sources(repo)).isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("prod2test.yaml").hasMessageContaining("mcp.sources.payments").hasMessageContaining("jdbc:");

        Files.writeString(repo.resolve("prod2test.yaml"), "mcp:\n  sources: [a, b]\n");
        assertThatThrownBy(() -> McpConfig.sources(repo)).hasMessageContaining("must map each service name");

        Files.writeString(repo.resolve("prod2test.yaml"), "mcp: [unclosed\n");
        assertThatThrownBy(() -> McpConfig.sources(repo)).hasMessageContaining("not YAML");
    }
}

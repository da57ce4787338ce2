package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.MaskingPolicy.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskingPolicyTest {

    @Test
    void theDefaultPolicyReplacesCredentialsKeepsPlumbingAndDetectsTheRest() {
        MaskingPolicy policy = MaskingPolicy.defaults();

        assertThat(policy.detect()).isTrue();
        assertThat(policy.referenceDate()).isEqualTo(MaskingPolicy.DEFAULT_REFERENCE_DATE);
        assertThat(policy.strategyFor(Where.HEADER, "Authorization")).isEqualTo(Strategy.SECRET);
        assertThat(policy.strategyFor(Where.HEADER, "traceparent")).isEqualTo(Strategy.KEEP);
        assertThat(policy.strategyFor(Where.FIELD, "clientIp")).isEqualTo(Strategy.IP_ADDRESS);
        assertThat(policy.strategyFor(Where.COOKIE, "sid")).isEqualTo(Strategy.IDENTIFIER);
        assertThat(policy.strategyFor(Where.COLUMN, "customers.email")).isEqualTo(Strategy.EMAIL);
        assertThat(policy.strategyForBody(List.of("card", "cvc"))).isEqualTo(Strategy.SECRET);
        assertThat(policy.strategyFor(Where.HEADER, "x-unknown")).isNull();
    }

    @Test
    void readsTheMaskingSectionOfProd2testYaml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prod2test.yaml");
        Files.writeString(file, """
                services: [shop]
                masking:
                  detect: false
                  referenceDate: 2025-04-01
                  rules:
                    - { where: column, name: customers.name, strategy: person-name }
                    - { where: body, path: "$.items[*].note", strategy: redact }
                    - { where: path-segment, name: customers, strategy: identifier }
                """);

        MaskingPolicy policy = MaskingPolicy.read(file);

        assertThat(policy.detect()).isFalse();
        assertThat(policy.referenceDate()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
        assertThat(policy.strategyFor(Where.COLUMN, "customers.name")).isEqualTo(Strategy.PERSON_NAME);
        assertThat(policy.strategyFor(Where.COLUMN, "orders.name")).isNull();
        assertThat(policy.strategyForBody(List.of("items", 3, "note"))).isEqualTo(Strategy.REDACT);
        assertThat(policy.strategyFor(Where.PATH_SEGMENT, "customers")).isEqualTo(Strategy.IDENTIFIER);
    }

    @Test
    void anUnknownStrategyIsReportedWithFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                version: 1
                rules:
                  - { where: header, name: authorization, strategy: secret }
                  - { where: header, name: x-email, strategy: e-mail }
                """);

        assertThatThrownBy(() -> MaskingPolicy.read(file))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageStartingWith(file + ":4: field 'rules[1].strategy'")
                .hasMessageContaining("strategy must be one of keep, detect, redact, email");
    }

    @Test
    void aBodyRuleNeedsAPathAndAColumnRuleATableDotColumn(@TempDir Path dir) throws Exception {
        Path body = dir.resolve("body.yaml");
        Files.writeString(body, "rules:\n  - { where: body, name: email, strategy: email }\n");
        Path column = dir.resolve("column.yaml");
        Files.writeString(column, "rules:\n  - { where: column, name: email, strategy: email }\n");

        assertThatThrownBy(() -> MaskingPolicy.read(body)).hasMessageContaining("a body rule names a JSON path");
        assertThatThrownBy(() -> MaskingPolicy.read(column)).hasMessageContaining("table.column or *.column");
    }

    @Test
    void refusesAPolicyVersionItDoesNotKnow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "version: 2\nrules: []\n");

        assertThatThrownBy(() -> MaskingPolicy.read(file)).hasMessageContaining("version 1, not 2");
    }

    @Test
    void theFirstRuleForALocationWins() {
        MaskingPolicy policy = MaskingPolicy.of(true, List.of(
                new MaskingPolicy.Rule(Where.HEADER, "x-id", null, Strategy.KEEP),
                new MaskingPolicy.Rule(Where.HEADER, "X-Id", null, Strategy.SECRET)));

        assertThat(policy.strategyFor(Where.HEADER, "x-id")).isEqualTo(Strategy.KEEP);
    }
}

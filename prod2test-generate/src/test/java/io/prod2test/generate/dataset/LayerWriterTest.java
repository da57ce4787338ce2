package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.generate.schema.SchemaModel;
import io.prod2test.generate.schema.SchemaModel.Column;
import io.prod2test.generate.schema.SchemaModel.ForeignKey;
import io.prod2test.generate.schema.SchemaModel.Identity;
import io.prod2test.generate.schema.SchemaModel.Key;
import io.prod2test.generate.schema.SchemaModel.Table;
import io.prod2test.generate.source.Dialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerWriterTest {
    private static Table table(String name, String refersTo, boolean nullable, boolean deferrable) {
        return new Table(name, List.of(new Column("id", "bigint", false, null, Identity.NONE, null, null),
                new Column("other_id", "bigint", nullable, null, Identity.NONE, null, null)), new Key(name + "_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey(name + "_other", List.of("other_id"), refersTo, List.of("id"), deferrable, "FOREIGN KEY (other_id) REFERENCES " + refersTo + "(id)")),
                List.of(), List.of(), null);
    }

    private static Map<String, Object> row(long id, long other) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("other_id", other);
        return row;
    }

    @Test
    void twoTablesThatReferToEachOtherThroughNotNullKeysThatCannotWaitAreRefusedWithTheKeyNamed() {
        SchemaModel schema = new SchemaModel(Dialect.MYSQL, List.of(), List.of(), List.of(table("a", "b", false, false), table("b", "a", false, false)), List.of());

        assertThatThrownBy(() -> new LayerWriter(schema).write(List.of(), Map.of("a", List.of(row(1, 1)), "b", List.of(row(1, 1)))))
                .isInstanceOf(Prod2TestException.class).hasMessageContaining("not deferrable").hasMessageContaining("DEFERRABLE or its columns nullable")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void aSelfReferenceThroughANotNullKeyPutsEachRowAfterTheRowItRefersTo() {
        SchemaModel schema = new SchemaModel(Dialect.POSTGRESQL, List.of(), List.of(), List.of(table("nodes", "nodes", false, false)), List.of());

        String sql = new LayerWriter(schema).write(List.of("nodes"), Map.of("nodes", List.of(row(3, 2), row(2, 1), row(1, 1))));

        assertThat(sql).startsWith("-- nodes\n").containsSubsequence("(1, 1)", "(2, 1)", "(3, 2)").doesNotContain("UPDATE");
    }

    @Test
    void valuesBecomeLiteralsTheirColumnsReadBack() {
        LayerWriter pg = new LayerWriter(new SchemaModel(Dialect.POSTGRESQL, List.of(), List.of(), List.of(), List.of()));
        LayerWriter my = new LayerWriter(new SchemaModel(Dialect.MYSQL, List.of(), List.of(), List.of(), List.of()));

        assertThat(pg.literal(null)).isEqualTo("NULL");
        assertThat(pg.literal(true)).isEqualTo("TRUE");
        assertThat(pg.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(pg.literal(Double.NaN)).isEqualTo("'NaN'");
        assertThat(pg.literal(LocalDate.of(2026, 11, 21))).isEqualTo("'2026-11-21'");
        assertThat(pg.literal(new byte[] {1, (byte) 0xab})).isEqualTo("'\\x01ab'");
        assertThat(my.literal(new byte[] {1, (byte) 0xab})).isEqualTo("X'01ab'");
        assertThat(my.literal("O'Brien \\\\")).isEqualTo("'O''Brien \\\\\\\\'");
        assertThat(pg.literal(java.sql.Date.valueOf("2026-01-02"))).isEqualTo("'2026-01-02'");
    }
}

package io.prod2test.generate.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetConfigTest {

    @Test
    void aRepositoryWithoutTheSectionGetsOneCharacteristicLayer(@TempDir Path dir) throws Exception {
        assertThat(DatasetConfig.read(dir.resolve("prod2test.yaml"))).isEqualTo(DatasetConfig.defaults());
        Files.writeString(dir.resolve("prod2test.yaml"), "services:\n  shop: { baseUrl: http://x }\nmasking:\n  detect: true\n");

        DatasetConfig config = DatasetConfig.read(dir.resolve("prod2test.yaml"));

        assertThat(config.layers()).singleElement().satisfies(layer -> {
            assertThat(layer.name()).isEqualTo("characteristic");
            assertThat(layer.ids()).isEqualTo(new DatasetConfig.IdRange(1_000_000, 1_999_999));
            assertThat(layer.bringsRowsOf("anything")).isTrue();
        });
        assertThat(config.reference().maxRows()).isEqualTo(1000);
    }

    @Test
    void readsLayersRootsChildrenAndVirtualKeys() {
        DatasetConfig config = DatasetConfig.parse("""
                datasets:
                  reference: { tables: [products], exclude: [card_tokens], maxRows: 50 }
                  layers:
                    - name: edge
                      ids: { from: 10, to: 99 }
                      roots: [customers, { table: orders, where: "status = 'refunded'", limit: 5 }]
                      perClass: 2
                      children: [cards]
                    - name: none
                      ids: { from: 100, to: 199 }
                      children: none
                  virtualForeignKeys:
                    - { table: events, column: payload, path: $.order.id, references: orders.id }
                """, "prod2test.yaml");

        assertThat(config.reference().tables()).containsExactly("products");
        DatasetConfig.Layer edge = config.layers().getFirst();
        assertThat(edge.roots()).containsExactly(new DatasetConfig.Root("customers", null, 200),
                new DatasetConfig.Root("orders", "status = 'refunded'", 5));
        assertThat(edge.bringsRowsOf("cards")).isTrue();
        assertThat(edge.bringsRowsOf("orders")).isFalse();
        assertThat(config.layers().get(1).bringsRowsOf("cards")).isFalse();
        DatasetConfig.VirtualForeignKey vfk = config.virtualForeignKeys().getFirst();
        assertThat(vfk.referencedTable()).isEqualTo("orders");
        assertThat(vfk.pathFields()).containsExactly("order", "id");
    }

    @Test
    void errorsNameTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> DatasetConfig.parse("""
                datasets:
                  layers:
                    - name: a
                      ids: { from: 5, to: 1 }
                """, "prod2test.yaml"))
                .isInstanceOf(Prod2TestException.class)
                .hasMessageContaining("prod2test.yaml:4").hasMessageContaining("datasets.layers[0].ids").hasMessageContaining("1 <= from <= to")
                .extracting(e -> ((Prod2TestException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThatThrownBy(() -> DatasetConfig.parse("""
                datasets:
                  layers:
                    - { name: a, ids: { from: 1, to: 10 } }
                    - { name: b, ids: { from: 10, to: 20 } }
                """, "p.yaml")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  layers:\n    - { name: Bad-Name, ids: { from: 1, to: 2 } }\n", "p.yaml"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  virtualForeignKeys:\n    - { table: t, column: c, references: x }\n", "p.yaml"))
                .hasMessageContaining("references: table.column");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  virtualForeignKeys:\n    - { table: t, column: c, typeColumn: k, references: x.y }\n", "p.yaml"))
                .hasMessageContaining("both typeColumn and typeValue");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  layers:\n    - { name: a, ids: { from: 1, to: 2 }, children: 3 }\n", "p.yaml"))
                .hasMessageContaining("children is all, none or a list");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  layers:\n    - { name: a, ids: { from: 1, to: 2 }, roots: [{ table: t, when: x }] }\n", "p.yaml"))
                .hasMessageContaining("not 'when'");
        assertThatThrownBy(() -> DatasetConfig.parse("datasets:\n  layres: []\n", "p.yaml")).hasMessageContaining("layres");
    }
}

package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.simulator.SessionPlan.LineItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final String PRODUCTS = """
            {"items": [
              {"sku": "NOTEBOOK-A5", "giftCard": false, "prices": {"JPY": 880, "USD": 5.90}},
              {"sku": "TEA-SENCHA-100", "giftCard": false, "prices": {"JPY": 1280, "USD": 8.90}},
              {"sku": "RICE-COOKER", "giftCard": false, "prices": {"JPY": 34800, "USD": 329.00}},
              {"sku": "HEADPHONES-NC", "giftCard": false, "prices": {"JPY": 39600, "USD": 349.00}},
              {"sku": "GIFT-CARD", "giftCard": true, "prices": null}
            ]}""";

    private static Catalogue catalogue() throws Exception {
        JsonNode body = ShopSession.JSON.readTree(PRODUCTS);
        return Catalogue.of(body);
    }

    @Test
    void productsAreSortedBySkuWithoutTheGiftCardAndPositionsWrapAround() throws Exception {
        Catalogue catalogue = catalogue();

        assertThat(List.of(0, 1, 2, 3, 4)).extracting(i -> catalogue.at(i).sku())
                .containsExactly("HEADPHONES-NC", "NOTEBOOK-A5", "RICE-COOKER", "TEA-SENCHA-100", "HEADPHONES-NC");
        assertThat(catalogue.at(2).price("USD")).isEqualByComparingTo("329.00");
    }

    @Test
    void linesOfOneProductAreMerged() throws Exception {
        List<Catalogue.Line> lines = catalogue().resolve(List.of(new LineItem(1, 2), new LineItem(5, 1)), "JPY", null);

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.product().sku()).isEqualTo("NOTEBOOK-A5");
            assertThat(l.quantity()).isEqualTo(3);
        });
    }

    @Test
    void aCartBelowTheMinimumGetsTheCheapestProductThatCoversTheGap() throws Exception {
        List<Catalogue.Line> lines = catalogue().resolve(List.of(new LineItem(1, 1)), "JPY", new BigDecimal("30000"));

        assertThat(lines).extracting(l -> l.product().sku()).containsExactly("NOTEBOOK-A5", "RICE-COOKER");
        assertThat(Catalogue.total(lines, "JPY")).isGreaterThanOrEqualTo(new BigDecimal("30000"));
    }

    @Test
    void whenNoProductCoversTheGapTheDearestLineGrows() throws Exception {
        List<Catalogue.Line> lines = catalogue().resolve(List.of(new LineItem(1, 1)), "JPY", new BigDecimal("50000"));

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(57));
        assertThat(Catalogue.total(lines, "JPY")).isEqualByComparingTo("50160");
    }

    @Test
    void anEmptyCatalogueIsAnUnexpectedOutcome() {
        assertThatThrownBy(() -> Catalogue.of(ShopSession.JSON.readTree("{\"items\": []}")))
                .isInstanceOf(UnexpectedOutcome.class);
    }

    @Test
    void aPartIsRoundedDownToTheCurrencysUnitAndNeverZeroNorWhole() {
        assertThat(SessionRunner.part(new BigDecimal("4980"), 33, "JPY")).isEqualByComparingTo("1643");
        assertThat(SessionRunner.part(new BigDecimal("49.80"), 33, "USD")).isEqualByComparingTo("16.43");
        assertThat(SessionRunner.part(new BigDecimal("1"), 50, "JPY")).isEqualByComparingTo("1"); // one yen cannot be split
        assertThat(SessionRunner.part(new BigDecimal("2"), 99, "JPY")).isEqualByComparingTo("1");
    }

    @Test
    void derivedKeysRepeatWithTheirSource() {
        assertThat(SessionRunner.derivedKey("k", "refund")).isEqualTo(SessionRunner.derivedKey("k", "refund"))
                .isNotEqualTo(SessionRunner.derivedKey("k", "retry"));
    }
}

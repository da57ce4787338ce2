package io.prod2test.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.core.ingest.RouteTemplates.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void replacesIdShapedSegmentsWhereverTheyAre() {
        assertThat(RouteTemplates.shape("/customers/812/cards/card_9f3a11c2d4e5")).isEqualTo("/customers/{id}/cards/{id}");
        assertThat(RouteTemplates.shape("/payments/pay_81d2aa0c41f0e9b3/3ds/confirm")).isEqualTo("/payments/{id}/3ds/confirm");
        assertThat(RouteTemplates.shape("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isEqualTo("/orders/{id}");
        assertThat(RouteTemplates.shape("/blobs/deadbeef0042")).isEqualTo("/blobs/{id}");
        assertThat(RouteTemplates.shape("/users/u1x9QmZrT0aPq2Lw7/profile")).isEqualTo("/users/{id}/profile");
    }

    @Test
    void keepsWordsVersionsAndShortCodesLiteral() {
        assertThat(RouteTemplates.shape("/customers/orders/checkout")).isEqualTo("/customers/orders/checkout");
        assertThat(RouteTemplates.shape("/api/v2/items")).isEqualTo("/api/v2/items");
        assertThat(RouteTemplates.shape("/payments/pay_81d2/3ds/confirm")).isEqualTo("/payments/{id}/3ds/confirm");
        assertThat(RouteTemplates.shape("/")).isEqualTo("/");
        assertThat(RouteTemplates.shape("/health/")).isEqualTo("/health/");
    }

    @Test
    void manyDistinctValuesUnderOneParentBecomeAParameterButConstantSiblingsStay() {
        List<Observed> observed = new ArrayList<>();
        for (String sku : List.of("RICE-COOKER", "KETTLE", "TEA-SET", "HEADPHONES-NC", "MUG", "TOWEL", "UMBRELLA", "SOCKS", "BENTO-BOX")) {
            observed.add(new Observed("shop", "GET", "/products/" + sku, 3));
        }
        Observed search = new Observed("shop", "GET", "/products/search", 400);
        observed.add(search);
        Observed orders = new Observed("shop", "GET", "/customers/{id}/orders", 50);
        Observed cards = new Observed("shop", "GET", "/customers/{id}/cards", 40);
        observed.add(orders);
        observed.add(cards);

        Map<Observed, String> templates = RouteTemplates.infer(observed);

        assertThat(templates.get(observed.get(0))).isEqualTo("/products/{id}");
        assertThat(templates.get(observed.get(5))).isEqualTo("/products/{id}");
        assertThat(templates.get(search)).isEqualTo("/products/search");
        assertThat(templates.get(orders)).isEqualTo("/customers/{id}/orders");
        assertThat(templates.get(cards)).isEqualTo("/customers/{id}/cards");
    }

    @Test
    void aFewSiblingsStayLiteralAndServicesAreApart() {
        List<Observed> observed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            observed.add(new Observed("shop", "GET", "/docs/page" + (char) ('a' + i), 1));
        }
        for (int i = 0; i < 8; i++) {
            observed.add(new Observed("payments", "GET", "/docs/page" + (char) ('a' + i), 1));
        }

        Map<Observed, String> templates = RouteTemplates.infer(observed);

        assertThat(templates.get(observed.get(0))).isEqualTo("/docs/pagea");
        assertThat(templates.get(observed.get(7))).isEqualTo("/docs/{id}");
    }
}

package io.prod2test.report.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.analyse.Route;
import org.junit.jupiter.api.Test;

class FeatureTest {
    @Test
    void groupsRoutesByTheirLeadingSegmentCountingAVersionWithTheNext() {
        assertThat(Feature.of(new Route(1, "shop", "POST", "/orders/{id}/refunds"))).isEqualTo(new Feature("shop", "/orders/**"));
        assertThat(Feature.of(new Route(2, "shop", "GET", "/v2/orders/{id}"))).isEqualTo(new Feature("shop", "/v2/orders/**"));
        assertThat(Feature.of(new Route(3, null, "GET", "/"))).isEqualTo(new Feature("unknown-service", "/"));
        assertThat(Feature.of(new Route(4, "shop", "GET", "/api"))).isEqualTo(new Feature("shop", "/api/**"));
    }

    @Test
    void namesFilesSafely() {
        assertThat(new Feature("shop", "/orders/**").slug()).isEqualTo("orders");
        assertThat(new Feature("shop", "/v2/orders/**").slug()).isEqualTo("v2-orders");
        assertThat(new Feature("shop", "/").slug()).isEqualTo("root");
        assertThat(new Feature("shop", "/..%2F../**").slug()).doesNotContain("/").doesNotStartWith(".");
        assertThat(new Feature("../Evil Service", "/x/**").serviceFolder()).isEqualTo("_.._evil_service");
        assertThatThrownBy(() -> new Feature("shop", "orders")).hasMessageContaining("starting with '/'");
    }
}

package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderCursorTest {

    @Test
    void roundTripsTheLastOrderId() {
        String id = Ids.order();
        String cursor = new OrderCursor(id).encode();
        assertThat(OrderCursor.decode(cursor).lastOrderId()).isEqualTo(id);
    }

    @Test
    void isUrlSafeBase64WithoutPadding() {
        String cursor = new OrderCursor("ord_0123456789ab").encode();
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("=");
        assertThat(cursor).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ord_0123456789ab".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%", "b3JkXw", "Y3VzXzAxMjM0NTY3ODlhYg"})
    void anUnreadableCursorIs422(String cursor) {
        // "b3JkXw" is "ord_"; the last is a customer id: base64 that does not name an order.
        assertThatThrownBy(() -> OrderCursor.decode(cursor))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_cursor");
                    assertThat(e.field()).isEqualTo("cursor");
                });
    }

    @Test
    void onlyHoldsOrderIds() {
        assertThatThrownBy(() -> new OrderCursor("cus_0123456789ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ord_<12 hex>");
    }
}

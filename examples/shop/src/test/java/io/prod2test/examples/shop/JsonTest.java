package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesInstantsWithExactlyThreeFractionDigits() {
        assertThat(Json.write(Instant.parse("2025-01-02T03:04:05Z"))).isEqualTo("\"2025-01-02T03:04:05.000Z\"");
        assertThat(Json.write(Instant.parse("2025-01-02T03:04:05.123456Z"))).isEqualTo("\"2025-01-02T03:04:05.123Z\"");
    }

    @Test
    void neverShowsACardsTokenOrOwner() {
        String json = Json.write(new Card("card_0123456789ab", "cus_0123456789ab", "tok_secret", "visa", "4242", 12, 2031));
        assertThat(json).isEqualTo("{\"id\":\"card_0123456789ab\",\"brand\":\"visa\",\"last4\":\"4242\",\"expMonth\":12,\"expYear\":2031}");
    }

    @Test
    void errorsNameAFieldOnlyForValidation() {
        assertThat(Json.write(ApiException.notFound("order", "ord_x").body()))
                .isEqualTo("{\"error\":\"not_found\",\"message\":\"order ord_x does not exist\"}");
        assertThat(Json.write(ApiException.invalid("invalid_limit", "limit", "limit must be 1 to 50").body()))
                .contains("\"field\":\"limit\"");
    }

    @Test
    void showsTheChallengeOnlyWhileAwaitingAuthentication() {
        Order order = new Order("ord_0123456789ab", "cus_0123456789ab", "cart_0123456789ab", "card_0123456789ab", "k",
                Order.AWAITING_AUTHENTICATION, ShopCurrency.USD, new BigDecimal("32900"),
                List.of(new Order.Line("RICE-COOKER", "Induction rice cooker", 1, new BigDecimal("32900"))),
                "pay_0123456789abcdef", "requires_action", "ch_0123456789abcdef", BigDecimal.ZERO, BigDecimal.ZERO,
                Instant.parse("2025-01-02T03:04:05Z"));
        String waiting = Json.write(order.view());
        assertThat(waiting).contains("\"challenge\":{\"challengeId\":\"ch_0123456789abcdef\"}", "\"amount\":329.00",
                "\"captured\":0.00");
        String paid = Json.write(order.withPayment(Order.PAID, order.paymentId(), "authorized", order.challengeId()).view());
        assertThat(paid).doesNotContain("challenge").contains("\"paymentId\":\"pay_0123456789abcdef\"");
    }

    @Test
    void readsRequestFieldsStrictlyByType() {
        JsonBody body = JsonBody.parse("{\"quantity\": 1.5, \"sku\": 7, \"amount\": \"49.80\", \"n\": null}");
        assertThatThrownBy(() -> body.integer("quantity", "invalid_quantity")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> body.text("sku", "unknown_sku")).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> body.decimal("amount", "invalid_amount")).hasMessageContaining("JSON number");
        assertThat(body.text("n", "x")).isNull();
        assertThat(JsonBody.parse("").has("anything")).isFalse();
        assertThatThrownBy(() -> JsonBody.parse("[1]")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThat(JsonBody.parse("{\"amount\": 4980.5}").decimal("amount", "x")).isEqualByComparingTo("4980.5");
    }
}

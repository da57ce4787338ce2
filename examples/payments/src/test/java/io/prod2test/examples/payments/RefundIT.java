package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RefundIT {
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        api = PaymentsFixture.start(null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aPartialRefundSucceedsAndIsListed() {
        String id = api.captured("49.80", "USD");

        Response r = api.refund(id, "10.5", "USD");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("id").asText()).matches("re_[0-9a-f]{16}");
        assertThat(r.json().get("paymentId").asText()).isEqualTo(id);
        assertThat(r.text()).contains("\"amount\":10.50,");
        assertThat(r.json().get("currency").asText()).isEqualTo("USD");
        assertThat(r.json().get("status").asText()).isEqualTo("succeeded");
        JsonNode payment = api.payment(id);
        assertThat(payment.get("status").asText()).isEqualTo("partially_refunded");
        assertThat(payment.get("refunded").decimalValue()).isEqualByComparingTo("10.50");

        Response list = api.get("/payments/" + id + "/refunds");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0)).isEqualTo(r.json());
    }

    @Test
    void refundsUpToTheCapturedAmountRefundThePayment() {
        String id = api.captured("1000", "JPY");
        assertThat(api.refund(id, "400", "JPY").status()).isEqualTo(201);
        assertThat(api.refund(id, "600", "JPY").status()).isEqualTo(201);

        JsonNode payment = api.payment(id);
        assertThat(payment.get("status").asText()).isEqualTo("refunded");
        assertThat(payment.get("refunded").asLong()).isEqualTo(1000);
        assertThat(api.get("/payments/" + id + "/refunds").json().get("items"))
                .extracting(item -> item.get("amount").asLong()).containsExactly(400L, 600L);
    }

    @Test
    void refundingMoreThanWasCapturedIs422() {
        String id = api.authorised("1000", "JPY");
        assertThat(api.capture(id, "700", "JPY").status()).isEqualTo(200);
        assertThat(api.refund(id, "500", "JPY").status()).isEqualTo(201);

        Response r = api.refund(id, "201", "JPY");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("refund_exceeds_captured");
        assertThat(r.field()).isEqualTo("amount");
        assertThat(api.payment(id).get("refunded").asLong()).isEqualTo(500);
        assertThat(api.refund(id, "200", "JPY").status()).isEqualTo(201);
        assertThat(api.refund(id, "1", "JPY").error()).isEqualTo("refund_exceeds_captured");
    }

    @Test
    void onlyCapturedPaymentsCanBeRefunded() {
        String id = api.authorised("1000", "JPY");
        Response r = api.refund(id, "100", "JPY");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("payment_not_captured");
    }

    @Test
    void aRefundInAnotherCurrencyIs422() {
        String id = api.captured("1000", "JPY");
        Response r = api.refund(id, "1", "EUR");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("currency_mismatch");
        assertThat(api.payment(id).get("refunded").asLong()).isZero();
    }

    @Test
    void refundAmountsFollowTheCurrencyRules() {
        String id = api.captured("1000", "JPY");
        assertThat(api.refund(id, "0.5", "JPY").error()).isEqualTo("invalid_amount");
        assertThat(api.refund(id, "0", "JPY").error()).isEqualTo("amount_too_small");
        assertThat(api.refund(id, "1", "GBP").error()).isEqualTo("unsupported_currency");
    }

    @Test
    void concurrentRefundsNeverExceedTheCapturedAmount() {
        String id = api.captured("1000", "JPY");

        List<Integer> statuses = Concurrently.run(10, () -> api.refund(id, "300", "JPY").status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        assertThat(api.payment(id).get("refunded").asLong()).isEqualTo(900);
    }
}

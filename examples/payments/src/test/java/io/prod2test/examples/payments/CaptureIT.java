package io.prod2test.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaptureIT {
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
    void withoutAnAmountTheWholeAuthorisationIsCaptured() {
        String id = api.authorised("49.80", "USD");
        Response r = api.capture(id, null, "USD");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("captured");
        assertThat(r.text()).contains("\"captured\":49.80,");
        assertThat(api.payment(id).get("status").asText()).isEqualTo("captured");
    }

    @Test
    void partialCapturesAddUpToTheAuthorisedAmount() {
        String id = api.authorised("1000", "JPY");
        Response first = api.capture(id, "300", "JPY");
        assertThat(first.json().get("status").asText()).isEqualTo("partially_captured");
        assertThat(first.json().get("captured").asLong()).isEqualTo(300);

        Response second = api.capture(id, "200", "JPY");
        assertThat(second.json().get("status").asText()).isEqualTo("partially_captured");
        assertThat(second.json().get("captured").asLong()).isEqualTo(500);

        Response rest = api.capture(id, null, "JPY");
        assertThat(rest.json().get("status").asText()).isEqualTo("captured");
        assertThat(rest.json().get("captured").asLong()).isEqualTo(1000);
        assertThat(api.count("SELECT count(*) FROM captures WHERE payment_id = ?", id)).isEqualTo(3);
    }

    @Test
    void capturingMoreThanIsLeftIs422() {
        String id = api.authorised("1000", "JPY");
        assertThat(api.capture(id, "600", "JPY").status()).isEqualTo(200);

        Response r = api.capture(id, "401", "JPY");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("capture_exceeds_authorized");
        assertThat(r.field()).isEqualTo("amount");
        assertThat(api.payment(id).get("captured").asLong()).isEqualTo(600);
        assertThat(api.capture(id, "400", "JPY").json().get("status").asText()).isEqualTo("captured");
    }

    @Test
    void onlyAuthorisedOrPartlyCapturedPaymentsCanBeCaptured() {
        String captured = api.captured("1000", "JPY");
        Response again = api.capture(captured, null, "JPY");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("payment_not_capturable");

        Response challenged = api.authorise(api.token(PaymentsFixture.VISA_3DS_REQUIRED), "1000", "JPY");
        assertThat(api.capture(challenged.id(), null, "JPY").error()).isEqualTo("payment_not_capturable");
    }

    @Test
    void aCaptureInAnotherCurrencyIs422() {
        String id = api.authorised("1000", "JPY");
        Response r = api.capture(id, "10", "USD");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("currency_mismatch");
        assertThat(r.field()).isEqualTo("currency");
        assertThat(api.capture(id, null, "EUR").error()).isEqualTo("currency_mismatch");
        assertThat(api.payment(id).get("captured").asLong()).isZero();
    }

    @Test
    void captureAmountsFollowTheCurrencyRules() {
        String id = api.authorised("1000", "JPY");
        assertThat(api.capture(id, "10.5", "JPY").error()).isEqualTo("invalid_amount");
        assertThat(api.capture(id, "0", "JPY").error()).isEqualTo("amount_too_small");
        assertThat(api.post("/payments/" + id + "/capture", Map.of("amount", 10)).error()).isEqualTo("missing_field");
    }

    @Test
    void concurrentCapturesNeverExceedTheAuthorisedAmount() {
        String id = api.authorised("1000", "JPY");

        List<Integer> statuses = Concurrently.run(10, () -> api.capture(id, "300", "JPY").status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        assertThat(api.payment(id).get("captured").asLong()).isEqualTo(900);
        assertThat(api.count("SELECT coalesce(sum(amount_minor), 0) FROM captures WHERE payment_id = ?", id)).isEqualTo(900);
    }

    @Test
    void twoThreadsCapturingTheWholeAmountCaptureItOnce() {
        String id = api.authorised("5000", "JPY");

        List<Integer> statuses = Concurrently.run(2, () -> api.capture(id, "5000", "JPY").status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(api.payment(id).get("captured").asLong()).isEqualTo(5000);
    }
}

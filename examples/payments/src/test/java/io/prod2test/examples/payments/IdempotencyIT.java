package io.prod2test.examples.payments;

import static io.prod2test.examples.payments.PaymentsFixture.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.payments.PaymentsFixture.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyIT {
    private static PaymentsFixture api;

    @BeforeAll
    static void start() {
        api = PaymentsFixture.start(null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void theSameKeyAndBodyReplaysTheStoredAnswer() {
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "4980", "JPY");
        Response first = api.post("/payments", body, key("replay-1"));
        Response second = api.post("/payments", body, key("replay-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("idempotent-replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("idempotent-replayed")).isEqualTo("true");
        assertThat(api.count("SELECT count(*) FROM payments WHERE order_ref = ?", body.get("orderRef"))).isEqualTo(1);
    }

    @Test
    void theSameAmountWrittenDifferentlyIsTheSameBody() {
        Map<String, Object> body = new HashMap<>(PaymentsFixture.payment(api.token(VISA), "49.80", "USD"));
        Response first = api.post("/payments", body, key("replay-decimals"));
        body.put("amount", new BigDecimal("49.8"));
        Response second = api.post("/payments", body, key("replay-decimals"));
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() {
        String token = api.token(VISA);
        Map<String, Object> body = PaymentsFixture.payment(token, "4980", "JPY");
        assertThat(api.post("/payments", body, key("reuse-1")).status()).isEqualTo(201);

        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", 5000);
        Response r = api.post("/payments", other, key("reuse-1"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).isEqualTo("idempotency_key_reuse");
    }

    @Test
    void aDeclineIsReplayedToo() {
        Map<String, Object> body = PaymentsFixture.payment(api.token(PaymentsFixture.VISA_LOST_CARD), "4980", "JPY");
        Response first = api.post("/payments", body, key("decline-replay"));
        Response second = api.post("/payments", body, key("decline-replay"));
        assertThat(first.status()).isEqualTo(402);
        assertThat(second.status()).isEqualTo(402);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("idempotent-replayed")).isEqualTo("true");
        assertThat(api.count("SELECT count(*) FROM payments WHERE order_ref = ?", body.get("orderRef"))).isEqualTo(1);
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String token = api.token(VISA);
        Map<String, Object> invalid = PaymentsFixture.payment(token, "0", "JPY");
        assertThat(api.post("/payments", invalid, key("after-422")).status()).isEqualTo(422);
        Map<String, Object> fixed = PaymentsFixture.payment(token, "100", "JPY");
        assertThat(api.post("/payments", fixed, key("after-422")).status()).isEqualTo(201);
    }

    @Test
    void concurrentDuplicatesCreateOnePayment() {
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "4980", "JPY");

        List<Response> answers = Concurrently.run(8, () -> api.post("/payments", body, key("concurrent-1")));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        assertThat(answers).extracting(Response::id).containsOnly(answers.get(0).id());
        assertThat(answers).filteredOn(r -> r.header("idempotent-replayed") == null).hasSize(1);
        assertThat(api.count("SELECT count(*) FROM payments WHERE order_ref = ?", body.get("orderRef"))).isEqualTo(1);
    }

    @Test
    void refundKeysAreAFamilyOfTheirOwn() {
        String id = api.captured("1000", "JPY");
        Map<String, Object> payment = PaymentsFixture.payment(api.token(VISA), "100", "JPY");
        assertThat(api.post("/payments", payment, key("shared-key")).status()).isEqualTo(201);

        Response first = api.refund(id, "100", "JPY", "shared-key");
        Response replay = api.refund(id, "100", "JPY", "shared-key");
        Response reuse = api.refund(id, "200", "JPY", "shared-key");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text()).isEqualTo(first.text());
        assertThat(replay.header("idempotent-replayed")).isEqualTo("true");
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.error()).isEqualTo("idempotency_key_reuse");
        assertThat(api.payment(id).get("refunded").asLong()).isEqualTo(100);
    }

    @Test
    void withoutAKeyEveryRequestIsNew() {
        Map<String, Object> body = PaymentsFixture.payment(api.token(VISA), "100", "JPY");
        Response first = api.post("/payments", body);
        Response second = api.post("/payments", body);
        assertThat(first.id()).isNotEqualTo(second.id());
    }
}

package io.prod2test.generate.scenario;

import static io.prod2test.generate.scenario.Sessions.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.runner.scenario.Capture;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturesTest {

    @Test
    void capturesIdsAResponseReturnsAndALaterRequestUses() {
        Captures.Result result = Captures.detect(checkout(1, "4242424242424242"));

        assertThat(result.captures().get(1)).containsExactly(Capture.body("customerId", "/id"));
        assertThat(result.requests().get(2).path()).isEqualTo("/customers/${customerId}/cards");
        assertThat(result.requests().get(3).body().get("customerId").asText()).isEqualTo("${customerId}");
        assertThat(result.captures().get(2)).containsExactly(Capture.body("cardId", "/id"));
        assertThat(result.captures().get(3)).containsExactly(Capture.body("cartId", "/id"));
        assertThat(result.requests().get(4).path()).isEqualTo("/carts/${cartId}/items");
        assertThat(result.requests().get(5).body().get("cardId").asText()).isEqualTo("${cardId}");
    }

    @Test
    void capturesTheLocationHeaderByItsLastSegment() {
        Captures.Result result = Captures.detect(checkout(1, "4242424242424242"));

        // The order id is both in the body and the Location header; it is named as the path that uses it calls it.
        assertThat(result.requests().get(6).path()).isEqualTo("/orders/${orderId}");
        assertThat(result.captures().get(5)).hasSize(1);
        assertThat(result.bindings().get(6)).containsValue(result.captures().get(5).getFirst().name());
    }

    @Test
    void doesNotCaptureAValueTheClientSentItself() {
        Captures.Result result = Captures.detect(checkout(1, "4242424242424242"));

        // POST /carts answers with the customerId the request sent: it stays bound to the sign-up's capture.
        assertThat(result.captures().get(3)).extracting(Capture::name).doesNotContain("customerId2");
        assertThat(result.producedBy().get(3)).doesNotContainKey("cus_c5d2adbaab01");
    }

    @Test
    void dropsRecordingHeadersAndMakesIdempotencyKeysUniquePerRun() {
        Captures.Result result = Captures.detect(checkout(1, "4242424242424242"));

        var headers = result.requests().get(5).headers();
        assertThat(headers).doesNotContainKey("cookie").doesNotContainKey("Cookie");
        // The key carries the latest id this run generated before it, so no two runs send the same key.
        assertThat(headers.get("Idempotency-Key")).isEqualTo("p2t-1-${cardId}");
    }

    @Test
    void leavesCatalogueValuesLiteralAndCapturesGeneratedOnes() {
        Captures.Result result = Captures.detect(checkout(1, "4242424242424242"));

        assertThat(result.captures().getFirst()).isEmpty();
        assertThat(result.requests().get(4).body().get("sku").asText()).isEqualTo("MUG-HASAMI");
        assertThat(Captures.varyByRun("TEA-SENCHA-100")).isFalse();
        assertThat(Captures.varyByRun("b3JkXzAwMDAwMDAwYWEwMQ")).isTrue();
        assertThat(Captures.varyByRun("cart_d8f10ca298d1")).isTrue();
    }

    @Test
    void namesCapturesAfterTheResourceTheyIdentify() {
        assertThat(Captures.nameFor("POST /carts", "/id")).isEqualTo("cartId");
        assertThat(Captures.nameFor("GET /customers/{id}/orders", "/items/0/id")).isEqualTo("itemId");
        assertThat(Captures.nameFor("GET /customers/{id}/orders", "/nextCursor")).isEqualTo("nextCursor");
        assertThat(Captures.nameFor("POST /payments/{id}/3ds/confirm", "/threeDSecure/challenge_id")).isEqualTo("challengeId");
        assertThat(Captures.nameFor("POST /orders/{id}/refunds", "/id")).isEqualTo("refundId");
    }

    @Test
    void keepsALiteralDollarBraceFromBeingReadAsAReference() {
        var session = List.of(Sessions.exchange("POST /notes", "/notes", "{'text': 'costs ${price}'}", 201, "{'id': 'note_0123456789ab'}"));

        assertThat(Captures.detect(session).requests().getFirst().body().get("text").asText()).isEqualTo("costs $${price}");
    }
}

package io.prod2test.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.shop.ShopFixture.Reply;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the shop writes to its exchange log, and how it joins payments' log. */
class ExchangeLogIT {
    private static ShopFixture world;

    @BeforeAll
    static void start() {
        world = ShopFixture.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode only(List<JsonNode> lines, Predicate<JsonNode> which) {
        List<JsonNode> found = lines.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void theFirstExchangeOfASessionCarriesTheSidItIssues() {
        String traceId = newTraceId();
        Reply first = world.send(URI.create(world.shop().baseUrl() + "/products"), "GET", null,
                Map.of("traceparent", traceparent(traceId)));
        String setCookie = first.headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).startsWith("sid=").containsIgnoringCase("HttpOnly");
        String sid = setCookie.substring(4, setCookie.indexOf(';'));

        JsonNode line = only(world.shopLog(), l -> traceId.equals(l.path("traceId").asText()));
        assertThat(line.get("service").asText()).isEqualTo("shop");
        assertThat(line.get("sessionId").asText()).isEqualTo(sid);

        String secondTrace = newTraceId();
        Reply second = world.send(URI.create(world.shop().baseUrl() + "/products"), "GET", null,
                Map.of("traceparent", traceparent(secondTrace), "cookie", "sid=" + sid));
        assertThat(second.headers().firstValue("set-cookie")).isEmpty();
        assertThat(only(world.shopLog(), l -> secondTrace.equals(l.path("traceId").asText())).get("sessionId").asText())
                .isEqualTo(sid);
    }

    @Test
    void customerScopedExchangesNameTheCustomerAndTheClientIp() {
        String customer = world.newCustomer();
        String traceId = newTraceId();
        world.send(URI.create(world.shop().baseUrl() + "/customers/" + customer), "GET", null,
                Map.of("traceparent", traceparent(traceId), "x-forwarded-for", "203.0.113.7, 10.0.0.1"));
        JsonNode line = only(world.shopLog(), l -> traceId.equals(l.path("traceId").asText()));
        assertThat(line.get("userId").asText()).isEqualTo(customer);
        assertThat(line.get("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(line.get("status").asInt()).isEqualTo(200);

        JsonNode created = world.shopLog().stream()
                .filter(l -> l.get("path").asText().equals("/customers") && l.get("status").asInt() == 201)
                .filter(l -> customer.equals(l.at("/responseBody/id").asText()))
                .findFirst().orElseThrow();
        assertThat(created.get("userId").asText()).isEqualTo(customer);
    }

    @Test
    void aCheckoutSharesItsTraceWithPaymentsLogLines() {
        String customer = world.newCustomer();
        String card = world.addCard(customer, ShopFixture.VISA);
        String cart = world.newCart(customer, "JPY");
        world.addItem(cart, "MUG-HASAMI", 1);
        String traceId = newTraceId();
        Reply order = world.post("/carts/" + cart + "/checkout", Map.of("cardId", card),
                Map.of("Idempotency-Key", "log-" + cart, "traceparent", traceparent(traceId)));
        assertThat(order.status()).isEqualTo(201);

        JsonNode shopLine = only(world.shopLog(), l -> traceId.equals(l.path("traceId").asText()));
        assertThat(shopLine.get("path").asText()).isEqualTo("/carts/" + cart + "/checkout");
        assertThat(shopLine.get("userId").asText()).isEqualTo(customer);

        JsonNode paymentsLine = only(world.paymentsLog(), l -> traceId.equals(l.path("traceId").asText()));
        assertThat(paymentsLine.get("service").asText()).isEqualTo("payments");
        assertThat(paymentsLine.get("path").asText()).isEqualTo("/payments");
        assertThat(paymentsLine.at("/requestHeaders/idempotency-key").asText()).isEqualTo("shop-log-" + cart);
        String sent = paymentsLine.at("/requestHeaders/traceparent").asText();
        assertThat(sent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(paymentsLine.at("/responseBody/id").asText()).isEqualTo(order.text("paymentId"));
    }

    @Test
    void aRequestWithoutTraceStartsOneThatPaymentsShares() {
        String customer = world.newCustomer();
        Reply card = world.post("/customers/" + customer + "/cards", ShopFixture.cardBody(ShopFixture.VISA));
        JsonNode shopLine = world.shopLog().stream()
                .filter(l -> l.get("path").asText().equals("/customers/" + customer + "/cards"))
                .findFirst().orElseThrow();
        String traceId = shopLine.get("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        JsonNode tokens = only(world.paymentsLog(), l -> traceId.equals(l.path("traceId").asText()));
        assertThat(tokens.get("path").asText()).isEqualTo("/tokens");
        assertThat(card.status()).isEqualTo(201);
    }

    @Test
    void healthChecksAreNotLogged() {
        long before = world.shopLog().size();
        assertThat(world.get("/health").status()).isEqualTo(200);
        world.get("/products/GIFT-CARD"); // a logged request after it, so the log has caught up
        List<JsonNode> after = world.shopLog();
        assertThat(after).hasSize((int) before + 1);
        assertThat(after).noneMatch(l -> l.get("path").asText().equals("/health"));
    }
}
